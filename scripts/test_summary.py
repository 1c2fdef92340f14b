#!/usr/bin/env python3
"""Prints the closing 'N passed, N failed, N skipped' line from meson's testlog.json (and per-suite counts)."""
import collections
import json
import sys

counts = collections.Counter()
suites = collections.defaultdict(collections.Counter)
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        test = json.loads(line)
        result = test["result"]
        kind = "passed" if result in ("OK", "EXPECTEDFAIL") else "skipped" if result == "SKIP" else "failed"
        counts[kind] += 1
        for suite in test.get("suite", []):
            suites[suite.split(":")[-1]][kind] += 1
for suite in sorted(suites):
    c = suites[suite]
    print(f"  suite {suite}: {c['passed']} passed, {c['failed']} failed, {c['skipped']} skipped")
print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
sys.exit(1 if counts["failed"] or not counts["passed"] else 0)
