// Peer for scripts/bench-peers.sh: oauth2-mock-server (RS256 key made at start); token endpoint POST /token.
// Run from the scratch folder holding node_modules/oauth2-mock-server; prints its URL on the first stdout line.
import { OAuth2Server } from 'oauth2-mock-server';

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(0, '127.0.0.1');
console.log(`oauth2-mock-server listening on ${server.issuer.url}`);
