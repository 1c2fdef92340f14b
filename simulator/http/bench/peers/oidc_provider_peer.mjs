// Peer for scripts/bench-peers.sh: oidc-provider with one client_credentials client (bench / bench_secret).
// Run from the scratch folder holding node_modules/oidc-provider; prints its URL on the first stdout line.
import Provider from 'oidc-provider';

const provider = new Provider('http://127.0.0.1', {
  clients: [{
    client_id: 'bench', client_secret: 'bench_secret', grant_types: ['client_credentials'],
    redirect_uris: [], response_types: [],
  }],
  features: { clientCredentials: { enabled: true } },
});
const server = provider.listen(0, '127.0.0.1', () => {
  console.log(`oidc-provider listening on http://127.0.0.1:${server.address().port}`);
});
