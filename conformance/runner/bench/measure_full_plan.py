#!/usr/bin/env python3
"""Benchmark: wall time of the full conformance plan against the local simulator for every seed utility.

usage: measure_full_plan.py GBC_CONFORMANCE GBC_SIM [RUNS] [JOBS]
Runs `gbc-conformance run --sim --jobs JOBS` RUNS times (all report formats written) and prints min/median/max wall
seconds plus the plan size, so the figure in the closing notes can be reproduced: target < 10 s on 2 cores.
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    exe, sim = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    jobs = sys.argv[4] if len(sys.argv) > 4 else "1"
    times = []
    summary = ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.monotonic()
            proc = subprocess.run([exe, "run", "--sim", "--sim-binary", sim, "--jobs", jobs,
                                   "--format", "console,json,junit,html", "--report-dir", out],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=False)
            times.append(time.monotonic() - start)
            if proc.returncode != 0:
                print(proc.stdout)
                return proc.returncode
            summary = json.load(open(out + "/report.json"))["summary"]["line"]
    print(f"full plan, all seed utilities, jobs={jobs}: {summary}")
    print(f"wall seconds over {runs} runs: min {min(times):.2f}  median {statistics.median(times):.2f}  max {max(times):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
