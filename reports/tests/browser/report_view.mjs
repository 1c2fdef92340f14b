// Browser test of the HTML report on issue 12's 3-defect run (a token, an ESPI and a JSON API defect): size budget,
// one group per failing check, the filters, an evidence link opening and highlighting its exchange, chart axes.
// Usage: node report_view.mjs <gbc-conformance> <gbc-sim> <source root (has node_modules)> <output dir>
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [tool, sim, sourceRoot, outDir] = process.argv.slice(2);
const require = createRequire(path.join(sourceRoot, 'package.json'));
const { chromium } = require('playwright-core');
const shotDir = path.join(outDir, 'report-screenshots');
const reportDir = path.join(outDir, 'report-3-defects');
fs.mkdirSync(shotDir, { recursive: true });
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
  if (!ok) failures += 1;
}
const watchdog = setTimeout(() => { console.log('not ok - browser test timed out'); process.exit(1); }, 240000);
watchdog.unref();

const defects = ['bearer_lowercase', 'duplicate_atom_id', 'json_error_body_missing'];
const run = spawnSync(tool, ['run', '--sim', '--sim-binary', sim, ...defects.map((d) => `--sim-arg=--defect=${d}`),
  '--report-dir', reportDir, '--format', 'json,junit,html', '--jobs', '2'], { encoding: 'utf8', timeout: 180000 });
check(run.status === 1, `3-defect run exits 1 (got ${run.status}: ${run.stderr.split('\n').slice(-3).join(' ')})`);
const report = JSON.parse(fs.readFileSync(path.join(reportDir, 'report.json'), 'utf8'));
const failing = [...new Set(report.results.filter((r) => (r.verdict === 'FAIL' && !r.allowedBy) || r.verdict === 'ERROR').map((r) => r.check))].sort();
const htmlPath = path.join(reportDir, 'index.html');
const bytes = fs.statSync(htmlPath).size;
check(bytes <= 1024 * 1024, `index.html is at most 1 MB (${bytes} bytes)`);
check(failing.length >= 3, `the run fails several checks (${failing.join(' ')})`);
const lines = run.stdout.trim().split('\n');
check(lines.length === 1 + failing.length + 3, `console: verdict, ${failing.length} check lines, 3 report paths (got ${lines.length})`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${htmlPath}`, { waitUntil: 'load' });
  const paint = await page.evaluate(() => (performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint') || {}).startTime);
  console.log(`# first contentful paint ${Math.round(paint)} ms, ${bytes} bytes`);
  check(paint > 0 && paint <= 1000, `first paint within 1 s (${Math.round(paint)} ms)`);
  await page.screenshot({ path: path.join(shotDir, 'top.png') });

  const groups = await page.$$eval('section.grp', (s) => s.filter((g) => !g.closest('#warnings')).map((g) => g.id.slice(2)));
  check(JSON.stringify([...groups].sort()) === JSON.stringify(failing), `one group per failing check (${groups.length} groups, ${failing.length} checks)`);

  // Filters: text, plan and verdict hide exactly the groups they should.
  const visible = () => page.$$eval('section.grp', (s) => s.filter((g) => !g.hidden && !g.closest('#warnings')).map((g) => g.id.slice(2)));
  const target = failing[0];
  await page.fill('#ft', target);
  let shown = await visible();
  check(JSON.stringify(shown) === JSON.stringify(failing.filter((c) => c.includes(target))), `text filter ${target} shows only its group (${shown})`);
  const hiddenRows = await page.$$eval('.mx tr[data-u]', (rows) => rows.filter((r) => r.hidden).length);
  const failingVariants = new Set(report.results.filter((r) => r.check === target && r.verdict !== 'PASS' && r.verdict !== 'SKIP').map((r) => r.variant));
  check(hiddenRows === report.variants.length - failingVariants.size, `text filter hides the matrix rows of variants without ${target} (${hiddenRows} hidden)`);
  await page.screenshot({ path: path.join(shotDir, 'filter-text.png') });
  await page.fill('#ft', '');
  const plan = report.results.find((r) => r.check === target).plan;
  await page.selectOption('#fp', plan);
  shown = await visible();
  const planChecks = failing.filter((c) => report.results.find((r) => r.check === c).plan === plan);
  check(JSON.stringify([...shown].sort()) === JSON.stringify(planChecks), `plan filter ${plan} shows ${planChecks.length} group(s) (${shown})`);
  await page.selectOption('#fp', '');
  await page.selectOption('#fv', 'WARN');
  check((await visible()).length === 0, 'verdict filter WARN hides every failure group');
  await page.selectOption('#fv', '');
  check((await visible()).length === failing.length, 'clearing the filters shows every group again');

  // An evidence link opens its exchange (inside the closed variant section) and highlights it.
  const link = page.locator('section.grp .first a.ev').first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((id) => document.getElementById(id).classList.contains('hl'), href.slice(1));
  const state = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const box = el.getBoundingClientRect();
    return { open: el.open, variantOpen: el.closest('details.var').open, inView: box.top >= 0 && box.top < innerHeight,
      rowLit: document.getElementById(`q${id.slice(1)}`).classList.contains('hl') };
  }, href.slice(1));
  check(state.open && state.variantOpen, `evidence link ${href} opens its exchange and its variant section`);
  check(state.inView, `evidence link ${href} scrolls its exchange into view`);
  check(state.rowLit, `evidence link ${href} highlights its row in the sequence view too`);
  await page.screenshot({ path: path.join(shotDir, 'evidence.png') });
  await page.locator(`#q${href.slice(2)}`).screenshot({ path: path.join(shotDir, 'sequence-row.png') }).catch(() => {});
  await page.evaluate((id) => document.getElementById(`q${id.slice(1)}`).parentElement.scrollIntoView(), href.slice(1));
  await page.screenshot({ path: path.join(shotDir, 'sequence.png') });

  // Every usage chart has both axes with tick labels and a title; one chart per series of the report.
  await page.evaluate(() => document.querySelectorAll('details.var').forEach((d) => { d.open = true; }));
  const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({
    x: [...s.querySelectorAll('.xaxis text.tick')].map((t) => t.textContent),
    y: [...s.querySelectorAll('.yaxis text.tick')].map((t) => t.textContent),
    xl: (s.querySelector('.xaxis .alabel') || {}).textContent, yl: (s.querySelector('.yaxis .alabel') || {}).textContent })));
  check(charts.length === report.series.length && charts.length > 0, `one chart per series (${charts.length} / ${report.series.length})`);
  const bad = charts.filter((c) => c.x.length < 2 || c.y.length < 2 || !/^\d{4}-\d\d-\d\d$/.test(c.x[0]) || !c.xl || !c.yl || !/per reading/.test(c.yl));
  check(bad.length === 0, `every chart has labelled axes with dates and units (${bad.length} without)`);
  const kinds = new Set(report.series.map((s) => s.title.split(' — ')[1]?.split(' (')[0]));
  check(kinds.has('electricity') && kinds.has('water'), `charts cover electricity and water (${[...kinds]})`);
  await page.locator('svg.chart').first().screenshot({ path: path.join(shotDir, 'chart.png') });

  // validate's HTML report draws the same chart for each file's UsagePoints.
  const vdir = path.join(outDir, 'report-validate');
  const water = path.join(sourceRoot, 'fixtures', 'espi', 'valid_water_feed.xml');
  const v = spawnSync(tool, ['validate', water, '--no-schema', '--format', 'console,html', '--report-dir', vdir], { encoding: 'utf8' });
  check(v.status === 0 && /SKIP ESPI-XSD-001 — /.test(v.stdout), `validate states the skipped XSD check (${v.stdout.split('\n')[0]})`);
  await page.goto(`file://${path.join(vdir, 'index.html')}`, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelectorAll('details.var').forEach((d) => { d.open = true; }));
  const vcharts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => [s.querySelectorAll('.xaxis text.tick').length,
    (s.querySelector('.yaxis .alabel') || {}).textContent, s.querySelector('.ctitle').textContent]));
  check(vcharts.length >= 1 && vcharts.every(([x, y, t]) => x >= 2 && /US gal|m3|ft3|value/.test(y) && /water/.test(t)),
    `validate report: water chart with axes (${JSON.stringify(vcharts)})`);
  if (vcharts.length) await page.locator('svg.chart').first().screenshot({ path: path.join(shotDir, 'validate-chart.png') });
} finally {
  await browser.close();
}
console.log(`screenshots in ${shotDir}`);
console.log(failures === 0 ? 'report view: all browser checks passed' : `${failures} browser check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
