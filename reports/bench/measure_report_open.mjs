// Opens HTML reports in headless Chromium and prints, per file: size, first paint, load time and page height.
// Usage: node measure_report_open.mjs <source root (has node_modules)> <report.html>... ; exits 1 when a file is over
// the budget of issue 12 (1 MB, first paint 1 s) and GBC_REPORT_BUDGET=enforce is set.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [sourceRoot, ...files] = process.argv.slice(2);
const require = createRequire(path.join(sourceRoot, 'package.json'));
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let over = 0;
for (const file of files) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  await page.goto(`file://${path.resolve(file)}`, { waitUntil: 'load', timeout: 60000 });
  const loadMs = Date.now() - started;
  const m = await page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')
      || performance.getEntriesByType('paint').find((p) => p.name === 'first-paint');
    return { paintMs: paint ? paint.startTime : -1, height: document.documentElement.scrollHeight };
  });
  const bytes = fs.statSync(file).size;
  console.log(`${file}: ${bytes} bytes, first paint ${m.paintMs.toFixed(0)} ms, load ${loadMs} ms, ${m.height} px tall`);
  if (bytes > 1024 * 1024 || m.paintMs < 0 || m.paintMs > 1000) over += 1;
  await page.close();
}
await browser.close();
process.exit(over && process.env.GBC_REPORT_BUDGET === 'enforce' ? 1 : 0);
