// Browser test: headless Chromium walks the Green Button proxy flow (PGE) and the demo third-party site (EPE sso).
// Usage: node api_flows.mjs <gbc-sim binary> <source root (has node_modules)> <output dir for screenshots>
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

const [simBinary, sourceRoot, outDir] = process.argv.slice(2);
const require = createRequire(path.join(sourceRoot, 'package.json'));
const { chromium } = require('playwright-core');
const shotDir = path.join(outDir, 'api-browser-screenshots');
fs.mkdirSync(shotDir, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
  if (!ok) failures += 1;
}

// Starts gbc-sim on port 0 and resolves with its base URL from the first stdout line.
function startSim() {
  const child = spawn(simBinary, ['--listen', '127.0.0.1:0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const m = /^gbc-sim listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve({ child, url: m[1] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`gbc-sim exited early with ${code}`)));
  });
}

// The third party's page the proxy form returns to (loopback, any port).
function startCallback() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<p id="callback">back at the third party</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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
  const bars = await page.locator('#usage-chart rect.bar').count();
  const rows = await page.locator('#usage-table tr[data-day]').count();
  check(bars === 31 && rows > 300, `demo: usage chart with 31 daily bars and a table of every day (got ${bars} bars, ${rows} rows)`);
  const kwh = Number(await page.getAttribute('#usage-table tr[data-day]', 'data-kwh'));
  check(kwh > 0, `demo: the latest day has usage (${kwh} kWh)`);
  check(!(await page.content()).includes('access_token'), 'demo: no token reaches the browser');
  await page.screenshot({ path: path.join(shotDir, 'demo-usage.png'), fullPage: true });
}

async function main() {
  const sim = await startSim();
  const callback = await startCallback();
  const callbackUrl = `http://127.0.0.1:${callback.address().port}/callback`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20000);
    for (const [name, flow] of [['proxyFlow', () => proxyFlow(page, sim, callbackUrl)], ['demoSite', () => demoSite(page, sim)]]) {
      try {
        await flow();
      } catch (e) {
        check(false, `${name}: ${e.message.split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
    callback.close();
    sim.child.kill('SIGTERM');
  }
  console.log(`screenshots in ${shotDir}`);
  console.log(failures === 0 ? 'all API browser flows passed' : `${failures} browser check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}

const watchdog = setTimeout(() => { console.log('not ok - browser test timed out'); process.exit(1); }, 170000);
watchdog.unref();
main().catch((e) => { console.log(`not ok - ${e.message}`); process.exit(1); });
