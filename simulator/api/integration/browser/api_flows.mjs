// Browser test: headless Chromium walks the Green Button proxy flow (PGE) and the demo third-party site (EPE sso).
// Usage: node api_flows.mjs <gbc-sim binary> <source root (has node_modules)> <output dir for screenshots>
import path from 'node:path';

import { check, finish, launchChromium, runFlows, runMain, setup, startCallback, startSim } from '../../../http/tests/browser/browser_harness.mjs';

const { simBinary, chromium, shotDir } = setup('api-browser-screenshots');

async function apiGet(sim, target, token) {
  const res = await fetch(`${sim.url}${target}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

async function proxyFlow(page, sim, callbackUrl) {
  const q = new URLSearchParams({ email: 'heather.homeowner@example.com', redirect_uri: callbackUrl, state: 'proxy-state' });
  await page.goto(`${sim.url}/pge/gb-oauth/form-PGE_ccccccccc?${q}`);
  check((await page.textContent('#company')) === 'Test Company', 'proxy: the form names the company');
  check((await page.inputValue('#email')) === 'heather.homeowner@example.com', 'proxy: the form shows the email');
  await page.check('#confirm');
  await page.screenshot({ path: path.join(shotDir, 'proxy-form.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/gb-proxy\/utility\/PGE\/login/), page.click('text=Continue to Final Step')]);
  await page.fill('#username', 'test_residential');
  await page.fill('#password', 'wrong');
  await page.click('#sign-in');
  check((await page.getAttribute('#error', 'data-error')) === 'proxy.bad_login', 'proxy: a wrong password is refused');
  await page.fill('#username', 'test_residential');
  await page.fill('#password', 'test_residential');
  await Promise.all([page.waitForURL(/\/share\?/), page.click('#sign-in')]);
  const boxes = await page.locator('input[name="service"]:checked').count();
  check(boxes === 1, `proxy: the sharing page offers the customer's service (got ${boxes})`);
  await page.uncheck('#data-account');
  await page.screenshot({ path: path.join(shotDir, 'proxy-share.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/final\?/), page.click('#share')]);
  check((await page.locator('#chosen li').count()) === 1, 'proxy: back on the form with the chosen meter');
  await Promise.all([page.waitForURL(/\/callback\?/), page.click('text=Continue to Final Step')]);
  const url = new URL(page.url());
  const referral = url.searchParams.get('referral') || '';
  check(url.searchParams.get('state') === 'proxy-state', 'proxy: the third party gets its state back');
  const auth = await apiGet(sim, `/api/v2/authorizations/${referral}?include=meters`, 'pge_sandbox_api_token_0001');
  check(auth.status === 200 && auth.body.form_uid === 'form-PGE_ccccccccc', `proxy: authorization ${referral} is in the JSON API`);
  const meter = auth.body.meters?.meters?.[0]?.uid;
  const pdf = await apiGet(sim, `/api/v2/files/latest_pdf?meter=${meter}`, 'pge_sandbox_api_token_0001');
  check(pdf.status === 404 && pdf.body.error === 'file_unavailable', 'proxy: bill PDFs are refused with a clear error');
}

async function demoSite(page, sim) {
  await page.goto(`${sim.url}/DataCustodian/thirdparty-demo?client_id=EPE_ccccccccc`);
  check((await page.inputValue('#utility')) === 'EPE', 'demo: the pre-configured link selects the utility');
  await page.screenshot({ path: path.join(shotDir, 'demo-config.png'), fullPage: true });
  await page.click('#connect');
  await page.waitForSelector('#username');
  check(page.url().includes('/DataCustodian/EPE/oauth/authorize'), 'demo: the browser is at the utility authorize page');
  await page.fill('#username', 'test_residential');
  await page.fill('#password', 'test_residential');
  await page.click('button[value="verify"]');
  await page.waitForSelector('#consent-form');
  await Promise.all([page.waitForURL(/\/thirdparty-demo\/usage\?/), page.click('button[name="decision"][value="approve"]')]);
  const bars = await page.locator('svg.usage-chart[data-service="Electricity"] rect.bar').count();
  const rows = await page.locator('table.usage-table tr[data-day]').count();
  check(bars === 31 && rows > 300, `demo: usage chart with 31 daily bars and a table of every day (got ${bars} bars, ${rows} rows)`);
  const kwh = Number(await page.getAttribute('table.usage-table tr[data-day]', 'data-value'));
  check(kwh > 0, `demo: the latest day has usage (${kwh} kWh)`);
  check(!(await page.content()).includes('access_token'), 'demo: no token reaches the browser');
  await page.screenshot({ path: path.join(shotDir, 'demo-usage.png'), fullPage: true });
}

async function main() {
  const sim = await startSim(simBinary);
  const callback = await startCallback('back at the third party');
  const callbackUrl = `http://127.0.0.1:${callback.address().port}/callback`;
  const browser = await launchChromium(chromium);
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20000);
    await runFlows([['proxyFlow', () => proxyFlow(page, sim, callbackUrl)], ['demoSite', () => demoSite(page, sim)]]);
  } finally {
    await browser.close();
    callback.close();
    sim.child.kill('SIGTERM');
  }
  finish(shotDir, 'all API browser flows passed');
}

runMain(main, 170000);
