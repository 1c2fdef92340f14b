#!/usr/bin/env python3
"""Shared by the HTTP benchmarks: start a server that prints its URL on its first stdout line, drive it with
Debian's wrk (keep-alive), parse rps / p50 / p99 / timeouts, and read the server's RSS."""
import re
import shutil
import subprocess

TOKEN_LUA = """wrk.method = "POST"
wrk.body = "{body}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
{auth}
"""


def token_script(path, body="grant_type=client_credentials", basic=None):
    """Writes a wrk Lua script that POSTs `body` (with HTTP Basic `basic` = base64 user:pass if given)."""
    auth = f'wrk.headers["Authorization"] = "Basic {basic}"' if basic else ""
    with open(path, "w") as f:
        f.write(TOKEN_LUA.format(body=body, auth=auth))
    return path


def start(cmd, url_pattern=r"(https?://[A-Za-z0-9.-]+:\d+)", env=None, cwd=None):
    """Starts `cmd`; returns (process, base URL) once a stdout line contains a URL."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=cwd)
    for _ in range(50):
        line = proc.stdout.readline()
        if not line:
            break
        m = re.search(url_pattern, line)
        if m:
            return proc, m.group(1).replace("//localhost:", "//127.0.0.1:")
    proc.kill()
    raise RuntimeError(f"{cmd[0]}: no URL on stdout")


def rss_mib(pid):
    """Resident set of `pid` and its children processes (node peers fork none, but be safe) in MiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run(url, connections, seconds, script=None, timeout_s=2):
    """One wrk run; dict with rps, p50_ms, p99_ms, timeouts, errors (socket errors + non-2xx/3xx)."""
    wrk = shutil.which("wrk")
    if not wrk:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    threads = 1 if connections == 1 else 2
    cmd = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=seconds + 60).stdout
    res = {"rps": 0.0, "p50_ms": float("nan"), "p99_ms": float("nan"), "timeouts": 0, "errors": 0, "raw": out}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if m:
        res["rps"] = float(m.group(1))
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
        if m:
            res[key] = _ms(m.group(1), m.group(2))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        res["timeouts"] = int(m.group(4))
        res["errors"] += int(m.group(1)) + int(m.group(2)) + int(m.group(3))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        res["errors"] += int(m.group(1))
    return res
