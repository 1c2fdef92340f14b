#!/usr/bin/env python3
"""Benchmark: gbc-sim's token endpoint over keep-alive against a bare cpp-httplib handler with TCP_NODELAY, same run.

Usage: measure_keepalive.py GBC_SIM BARE_TOKEN_SERVER [seconds-per-run]
Targets (issue 13): token rps at 32 connections >= 0.8x the bare handler; p50 at 1 connection < 1 ms;
256 connections: no timeouts and p99 < 250 ms. Prints a table and one line per target; exit 1 when one is missed,
77 (skipped) without wrk.
"""
import base64
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wrkbench  # noqa: E402


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    if not shutil.which("wrk"):
        print("wrk not installed: skipped")
        return 77
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    tmp = tempfile.mkdtemp(prefix="gbc-keepalive-")
    basic = base64.b64encode(b"ESSEX_ccccccccc:sandbox_secret").decode()
    sim_script = wrkbench.token_script(os.path.join(tmp, "sim.lua"), basic=basic)
    bare_script = wrkbench.token_script(os.path.join(tmp, "bare.lua"))
    sim, sim_url = wrkbench.start([sys.argv[1], "--listen", "127.0.0.1:0", "--quiet"])
    servers = [("gbc-sim", sim, sim_url + "/DataCustodian/essex/oauth/token", sim_script)]
    results = {}
    try:
        bare, bare_url = wrkbench.start([sys.argv[2]])
        servers.append(("bare httplib", bare, bare_url + "/token", bare_script))
        for conns in (1, 32, 256):  # interleaved: both servers see the same machine load
            for name, proc, url, script in servers:
                results[(name, conns)] = wrkbench.run(url, conns, seconds, script)
                results[(name, conns)]["rss"] = wrkbench.rss_mib(proc.pid)
    finally:
        for _, proc, _, _ in servers:
            proc.terminate()
            proc.wait()
    print(f"{'server':14} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'timeouts':>8} {'errors':>6} {'RSS MiB':>8}")
    for (name, conns), r in results.items():
        print(f"{name:14} {conns:5d} {r['rps']:10.0f} {r['p50_ms']:8.3f} {r['p99_ms']:8.2f} {r['timeouts']:8d} "
              f"{r['errors']:6d} {r['rss']:8.1f}")
    ratio = results[("gbc-sim", 32)]["rps"] / max(1.0, results[("bare httplib", 32)]["rps"])
    big = results[("gbc-sim", 256)]
    checks = [(f"token rps at 32 connections = {ratio:.2f}x the bare handler (target >= 0.8)", ratio >= 0.8),
              (f"p50 at 1 connection = {results[('gbc-sim', 1)]['p50_ms']:.3f} ms (target < 1)",
               results[("gbc-sim", 1)]["p50_ms"] < 1.0),
              (f"256 connections: {big['timeouts']} timeouts, {big['errors']} errors, p99 {big['p99_ms']:.1f} ms "
               "(target 0, 0, < 250)", big["timeouts"] == 0 and big["errors"] == 0 and big["p99_ms"] < 250)]
    for text, ok in checks:
        print(("met:    " if ok else "MISSED: ") + text)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
