// Browser test: from the simulator's home page, "Try it" for DEMOUTILITY completes the OAuth flow through the demo
// third-party site (readable consent page, callback state known), and the demo shows one chart per meter of each
// service (electric, gas, water) with axes, dates and units. Screenshots go to the test's output directory.
// Usage: node demo_try_it.mjs <gbc-sim binary> <source root (has node_modules)> <output dir for screenshots>
import path from 'node:path';

import { check, finish, launchChromium, runFlows, runMain, setup, startSim } from '../../../http/tests/browser/browser_harness.mjs';

const { simBinary, chromium, shotDir } = setup('demo-try-it-screenshots');

async function tryIt(page, sim) {
  await page.goto(`${sim.url}/`);
  const link = page.locator('a[href*="thirdparty-demo/try?client_id=DEMOUTILITY_ccccccccc"]');
  check((await link.count()) === 1, 'home: one "Try it" link for the DEMOUTILITY sandbox client');
  await Promise.all([page.waitForSelector('#username'), link.click()]);
  const authorize = new URL(page.url());
  check(authorize.pathname === '/DataCustodian/DEMOUTILITY/oauth/authorize', 'try it: the browser is at the utility');
  check(authorize.searchParams.get('code_challenge_method') === 'S256', 'try it: the demo sends PKCE S256');
  check((authorize.searchParams.get('state') || '').length >= 32, 'try it: the demo sends its own state');
  await page.fill('#username', 'test_commercial');
  await page.fill('#password', 'test_commercial');
  await page.click('button[value="verify"]');
  await page.waitForSelector('#consent-form');
  const consent = await page.textContent('body');
  check(consent.includes('Interval metering data (FB 4)') && consent.includes('Customer information common (FB 51)'),
    'consent: function blocks are named, with their numbers');
  check(!/function block \d/.test(consent), 'consent: no bare "function block N" items');
  await page.screenshot({ path: path.join(shotDir, 'consent.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/thirdparty-demo\/usage\?/), page.click('button[name="decision"][value="approve"]')]);
  check(!(await page.content()).includes('Unknown state'), 'callback: the demo knows the state and exchanges the code');
}

async function charts(page) {
  const all = page.locator('svg.usage-chart');
  const count = await all.count();
  check(count === 5, `usage: one chart per meter of the commercial customer's 5 services (got ${count})`);
  const byService = {};
  for (let i = 0; i < count; i += 1) {
    const chart = all.nth(i);
    const service = await chart.getAttribute('data-service');
    byService[service] = (byService[service] || 0) + 1;
    const yLabel = await chart.locator('.y-axis .axis-label').textContent();
    const xLabel = await chart.locator('.x-axis .axis-label').textContent();
    const ticks = await chart.locator('.x-axis .tick').allTextContents();
    check(/ per day$/.test(yLabel) && /Day/.test(xLabel), `${service}: both axes are labelled (${yLabel} / ${xLabel})`);
    check(ticks.length === 3 && ticks.every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t)), `${service}: dates on the x axis (${ticks})`);
    check((await chart.locator('rect.bar').count()) === 31, `${service}: 31 daily bars`);
  }
  check(byService.Electricity === 3 && byService.Gas === 1 && byService.Water === 1,
    `usage: 3 electricity, 1 gas and 1 water chart (got ${JSON.stringify(byService)})`);
  const gasUnit = await page.locator('svg.usage-chart[data-service="Gas"]').getAttribute('aria-label');
  const waterUnit = await page.locator('svg.usage-chart[data-service="Water"]').getAttribute('aria-label');
  check(/therm|m3/.test(gasUnit) && /gal|m3/.test(waterUnit), `usage: gas and water in their own units (${gasUnit}; ${waterUnit})`);
  check(!(await page.content()).includes('access_token'), 'usage: no token reaches the browser');
  await page.screenshot({ path: path.join(shotDir, 'usage.png'), fullPage: true });
}

async function main() {
  const sim = await startSim(simBinary);
  const browser = await launchChromium(chromium);
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20000);
    await runFlows([['tryIt', () => tryIt(page, sim)], ['charts', () => charts(page)]]);
  } finally {
    await browser.close();
    sim.child.kill('SIGTERM');
  }
  finish(shotDir, 'the Try it flow and the demo charts passed');
}

runMain(main, 170000);
