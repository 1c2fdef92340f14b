#!/usr/bin/env python3
"""Benchmark: gbc-sim cold start to its first HTTP 200, and idle RSS (VmRSS from /proc/PID/status).

Usage: measure_startup.py /path/to/gbc-sim [runs]   (prints one line per run, then the median)
"""
import http.client
import re
import statistics
import subprocess
import sys
import time


def one_run(binary):
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--quiet"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.match(r"gbc-sim listening on http://127\.0\.0\.1:(\d+)$", line.strip())
        if not m:
            raise RuntimeError(f"unexpected first line: {line!r}")
        port = int(m.group(1))
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.001)
        first_ok_ms = (time.perf_counter() - start) * 1000
        time.sleep(1.0)  # idle
        with open(f"/proc/{proc.pid}/status") as f:
            rss_kb = int(re.search(r"^VmRSS:\s+(\d+) kB", f.read(), re.M).group(1))
        return first_ok_ms, rss_kb
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    results = [one_run(binary) for _ in range(runs)]
    for i, (ms, kb) in enumerate(results, 1):
        print(f"run {i}: cold start to first 200 = {ms:.1f} ms, idle RSS = {kb / 1024:.1f} MiB")
    print(f"median: cold start {statistics.median(r[0] for r in results):.1f} ms, "
          f"idle RSS {statistics.median(r[1] for r in results) / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
