// Browser test: headless Chromium types and clicks through the ESSEX lastbill, EPE sso and DEMOUTILITY phone flows.
// Usage: node oauth_flows.mjs <gbc-sim binary> <source root (has node_modules)> <output dir for screenshots>
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

const [simBinary, sourceRoot, outDir] = process.argv.slice(2);
const require = createRequire(path.join(sourceRoot, 'package.json'));
const { chromium } = require('playwright-core');
const shotDir = path.join(outDir, 'browser-screenshots');
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

// The third-party app's callback: a real loopback server (any port is accepted for loopback redirect URIs).
function startCallback() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<p id="callback">callback received</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function authorizeUrl(sim, utility, redirect, state, additional) {
  const scope = additional ? `FB=4_16_51;AdditionalScope=${additional}` : 'FB=4_16_51';
  const q = new URLSearchParams({ response_type: 'code', client_id: `${utility}_ccccccccc`, redirect_uri: redirect, state, scope });
  return `${sim.url}/DataCustodian/${utility.toLowerCase()}/oauth/authorize?${q}`;
}

// Consent page: all services checked; screenshot; approve; the browser lands on the callback with code and state.
async function consentAndApprove(page, name, state, expectedServices) {
  await page.waitForSelector('#consent-form');
  const boxes = await page.locator('input[name="service"]').count();
  const checked = await page.locator('input[name="service"]:checked').count();
  check(boxes === expectedServices && checked === boxes, `${name}: ${expectedServices} services offered, all checked (got ${checked}/${boxes})`);
  await page.screenshot({ path: path.join(shotDir, `consent-${name}.png`), fullPage: true });
  await Promise.all([page.waitForURL(/\/callback\?/), page.click('button[name="decision"][value="approve"]')]);
  const url = new URL(page.url());
  check(/^[0-9a-f]{64}$/.test(url.searchParams.get('code') || ''), `${name}: redirect carries a code`);
  check(url.searchParams.get('state') === state, `${name}: redirect carries the state`);
}

async function essexLastbill(page, sim, redirect) {
  await page.goto(authorizeUrl(sim, 'ESSEX', redirect, 'essex-state', ''));
  await page.fill('#account_number', '111111111-1');
  await page.fill('#bill_amount', '100.0');
  await page.fill('#bill_date', '2023-07-01');
  await page.click('button[value="verify"]');
  await consentAndApprove(page, 'essex-lastbill', 'essex-state', 1);
}

async function essexBadlogin(page, sim, redirect) {
  await page.goto(authorizeUrl(sim, 'ESSEX', redirect, 'bad-state', ''));
  await page.fill('#account_number', '333333333-3');
  await page.fill('#bill_amount', '300.0');
  await page.fill('#bill_date', '2023-07-03');
  await page.click('button[value="verify"]');
  const error = await page.getAttribute('#error', 'data-error');
  check(error === 'customer_not_found', `essex-badlogin: customer_not_found shown (got ${error})`);
  check(!page.url().includes('/callback'), 'essex-badlogin: no redirect');
}

async function epeSso(page, sim, redirect) {
  await page.goto(authorizeUrl(sim, 'EPE', redirect, 'epe-state', ''));
  await page.fill('#username', 'test_commercial');
  await page.fill('#password', 'test_commercial');
  await page.click('button[value="verify"]');
  await consentAndApprove(page, 'epe-sso', 'epe-state', 1);
}

async function demoPhone(page, sim, redirect) {
  await page.goto(authorizeUrl(sim, 'DEMOUTILITY', redirect, 'demo-state', 'auth-phone'));
  await page.fill('#lookup_value', '+11111111111');
  await page.click('button[value="verify"]');
  const otp = (await page.textContent('#sandbox-otp')).trim();
  check(/^\d{6}$/.test(otp), 'demoutility-phone: one-time code shown in sandbox');
  await page.fill('#otp', otp);
  await page.click('button[value="otp"]');
  await consentAndApprove(page, 'demoutility-phone', 'demo-state', 3);
}

async function main() {
  const sim = await startSim();
  const callback = await startCallback();
  const redirect = `http://127.0.0.1:${callback.address().port}/callback`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    for (const flow of [essexLastbill, essexBadlogin, epeSso, demoPhone]) {
      try {
        await flow(page, sim, redirect);
      } catch (e) {
        check(false, `${flow.name}: ${e.message.split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
    callback.close();
    sim.child.kill('SIGTERM');
  }
  console.log(`screenshots in ${shotDir}`);
  console.log(failures === 0 ? 'all browser flows passed' : `${failures} browser check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}

const watchdog = setTimeout(() => { console.log('not ok - browser test timed out'); process.exit(1); }, 150000);
watchdog.unref();
main().catch((e) => { console.log(`not ok - ${e.message}`); process.exit(1); });
