// Integration: a real discovery client (openid-client v6, RFC 8414 algorithm) configures itself from gbc-sim's
// metadata, for a catalogue client and an app registered through POST /__sim/clients, and gets a token.
// Usage: node discovery_client.mjs <gbc-sim binary>. Exit 77 (meson: skipped) when openid-client is not installed.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

let oidc;
try {
  oidc = await import('openid-client');
} catch {
  console.log('SKIP: openid-client is not installed (npm ci installs it)');
  process.exit(77);
}

function startSim(binary) {
  const child = spawn(binary, ['--listen', '127.0.0.1:0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const m = /^gbc-sim listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve({ child, url: m[1] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

async function discoverAndToken(sim, utility, clientId, secret) {
  const issuer = new URL(`${sim.url}/DataCustodian/${utility}`);
  const config = await oidc.discovery(issuer, clientId, secret, undefined,
    { algorithm: 'oauth2', execute: [oidc.allowInsecureRequests] });
  const md = config.serverMetadata();
  check(md.issuer === issuer.href, `${clientId}: issuer ${md.issuer}`);
  check(md.token_endpoint === `${issuer.href}/oauth/token`, `${clientId}: token_endpoint ${md.token_endpoint}`);
  const url = oidc.buildAuthorizationUrl(config, { redirect_uri: 'http://localhost:3000/auth/callback', scope: 'FB=4_16_51' });
  check(url.href.startsWith(`${issuer.href}/oauth/authorize?`), `${clientId}: authorization URL ${url.origin}${url.pathname}`);
  const tokens = await oidc.clientCredentialsGrant(config);
  check(typeof tokens.access_token === 'string' && tokens.access_token.length > 0, `${clientId}: client_credentials token`);
}

const sim = await startSim(process.argv[2]);
try {
  await discoverAndToken(sim, 'ESSEX', 'ESSEX_ccccccccc', 'sandbox_secret');
  const reg = await fetch(`${sim.url}/__sim/clients`, {
    method: 'POST',
    body: JSON.stringify({ utility: 'EPE', clientId: 'my-app', clientSecret: 'my-secret', redirectUris: ['http://localhost:3000/auth/callback'] }),
  });
  check(reg.status === 201, `registration answered ${reg.status}`);
  await discoverAndToken(sim, 'EPE', 'my-app', 'my-secret');
} catch (e) {
  check(false, `discovery flow threw: ${e.stack || e}`);
} finally {
  sim.child.kill('SIGTERM');
}
process.exit(failures === 0 ? 0 : 1);
