// Browser test: headless Chromium types and clicks through the ESSEX lastbill, EPE sso and DEMOUTILITY phone flows.
// Usage: node oauth_flows.mjs <gbc-sim binary> <source root (has node_modules)> <output dir for screenshots>
import path from 'node:path';

import { check, finish, launchChromium, runFlows, runMain, setup, startCallback, startSim } from './browser_harness.mjs';

const { simBinary, chromium, shotDir } = setup('browser-screenshots');

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
  const sim = await startSim(simBinary);
  const callback = await startCallback('callback received');
  const redirect = `http://127.0.0.1:${callback.address().port}/callback`;
  const browser = await launchChromium(chromium);
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15000);
    await runFlows([essexLastbill, essexBadlogin, epeSso, demoPhone].map((f) => [f.name, () => f(page, sim, redirect)]));
  } finally {
    await browser.close();
    callback.close();
    sim.child.kill('SIGTERM');
  }
  finish(shotDir, 'all browser flows passed');
}

runMain(main, 150000);
