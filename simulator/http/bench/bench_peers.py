#!/usr/bin/env python3
"""scripts/bench-peers.sh's measuring half: the token endpoint (client_credentials, keep-alive, wrk) of gbc-sim, a bare
cpp-httplib handler, oidc-provider and oauth2-mock-server in one run; prints one Markdown table.

Usage: bench_peers.py GBC_SIM BARE_TOKEN_SERVER NODE_SCRATCH_DIR [seconds] [connections...]
"""
import base64
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wrkbench  # noqa: E402


def basic(user_pass):
    return base64.b64encode(user_pass.encode()).decode()


def servers(sim, bare, scratch):
    """(name, command, cwd, token path, Basic credentials)"""
    return [
        ("gbc-sim", [sim, "--listen", "127.0.0.1:0", "--quiet"], None, "/DataCustodian/essex/oauth/token",
         basic("ESSEX_ccccccccc:sandbox_secret")),
        ("bare cpp-httplib (TCP_NODELAY)", [bare], None, "/token", None),
        ("oidc-provider", ["node", "oidc_provider_peer.mjs"], scratch, "/token", basic("bench:bench_secret")),
        ("oauth2-mock-server", ["node", "oauth2_mock_peer.mjs"], scratch, "/token", basic("bench:bench_secret")),
    ]


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    sim, bare, scratch = sys.argv[1:4]
    seconds = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    conns = [int(c) for c in sys.argv[5:]] or [1, 32, 256]
    tmp = tempfile.mkdtemp(prefix="gbc-peers-")
    rows = []
    for name, cmd, cwd, path, cred in servers(sim, bare, scratch):
        script = wrkbench.token_script(os.path.join(tmp, f"{len(rows)}.lua"), basic=cred)
        proc, url = wrkbench.start(cmd, cwd=cwd)
        try:
            wrkbench.run(url + path, 8, 1, script)  # warm-up (JIT, first keys)
            for c in conns:
                r = wrkbench.run(url + path, c, seconds, script)
                rows.append((name, c, r, wrkbench.rss_mib(proc.pid)))
                print(f"  measured {name} at {c} connections: {r['rps']:.0f} req/s", file=sys.stderr)
        finally:
            proc.terminate()
            proc.wait()
    print(f"| server | connections | req/s | p50 ms | p99 ms | timeouts | errors | RSS MiB |")
    print(f"|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, c, r, rss in rows:
        print(f"| {name} | {c} | {r['rps']:.0f} | {r['p50_ms']:.3f} | {r['p99_ms']:.1f} | {r['timeouts']} | "
              f"{r['errors']} | {rss:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
