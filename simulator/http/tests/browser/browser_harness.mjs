// Shared parts of the headless-Chromium browser tests: arguments, TAP-style checks, gbc-sim on port 0, a loopback
// callback server, the Chromium launch and the exit status. Used by oauth_flows.mjs and api_flows.mjs.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

let failures = 0;

// Prints "ok - what" or "not ok - what"; a failed check makes the script exit 1 at the end.
export function check(ok, what) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
  if (!ok) failures += 1;
}

// argv: <gbc-sim binary> <source root (has node_modules)> <output dir>; screenshots go to <output dir>/<shots>.
export function setup(shots) {
  const [simBinary, sourceRoot, outDir] = process.argv.slice(2);
  const require = createRequire(path.join(sourceRoot, 'package.json'));
  const { chromium } = require('playwright-core');
  const shotDir = path.join(outDir, shots);
  fs.mkdirSync(shotDir, { recursive: true });
  return { simBinary, chromium, shotDir };
}

// Starts gbc-sim on port 0 and resolves with its base URL from the first stdout line.
export function startSim(simBinary) {
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

// The third party's page redirects come back to: a real loopback server (any port is accepted for loopback URIs).
export function startCallback(text) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<p id="callback">${text}</p>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Debian's chromium, headless, without background traffic.
export function launchChromium(chromium) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

// Runs each [name, flow] in turn; a thrown error is a failed check named after the flow.
export async function runFlows(flows) {
  for (const [name, flow] of flows) {
    try {
      await flow();
    } catch (e) {
      check(false, `${name}: ${e.message.split('\n')[0]}`);
    }
  }
}

// Prints the summary and exits 0 when every check passed, 1 otherwise.
export function finish(shotDir, passedText) {
  console.log(`screenshots in ${shotDir}`);
  console.log(failures === 0 ? passedText : `${failures} browser check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}

// Runs main() under a watchdog: the test never hangs past `ms`.
export function runMain(main, ms) {
  const watchdog = setTimeout(() => { console.log('not ok - browser test timed out'); process.exit(1); }, ms);
  watchdog.unref();
  main().catch((e) => { console.log(`not ok - ${e.message}`); process.exit(1); });
}
