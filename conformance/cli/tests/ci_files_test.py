#!/usr/bin/env python3
"""CI files as a user pastes them: `matrix --emit github-workflow` checked by a real validator (action-validator),
`--emit gitlab-pipeline` parsed as YAML and checked against the GitLab CI schema (jsonschema) plus job references;
slugs safe for artifact names; shards clamped with a note; the JUnit of a failing run read by a real consumer
(junitparser) with the counts of report.json.
Usage: ci_files_test.py <gbc-conformance> <gbc-sim> <source root> <output dir>"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml
from junitparser import Error, Failure, JUnitXml, Skipped

TOOL, SIM, SOURCE, OUT = (os.path.abspath(a) for a in sys.argv[1:5])
SLUG = re.compile(r"^[A-Za-z0-9._-]+$")
failures = 0


def check(ok, what):
    global failures
    print(("ok - " if ok else "not ok - ") + what)
    failures += 0 if ok else 1


def tool(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=240)


def github_workflow():
    r = tool("matrix", "--emit", "github-workflow", "--sim")
    check(r.returncode == 0, f"github-workflow exits 0 ({r.stderr.strip()})")
    check("one job runs the whole plan in seconds" in r.stderr, "a note says one job beats a matrix against the simulator")
    path = os.path.join(OUT, "ci-files", ".github", "workflows", "conformance.yml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(r.stdout)
    validator = os.path.join(SOURCE, "node_modules", ".bin", "action-validator")
    v = subprocess.run([validator, path], capture_output=True, text=True, timeout=120)
    check(v.returncode == 0, f"action-validator accepts the workflow ({v.stdout[:800]}{v.stderr[:400]})")
    wf = yaml.safe_load(r.stdout)
    jobs = wf["jobs"]
    check(list(jobs) == ["build", "plan", "conformance", "merge"], f"jobs build, plan, conformance, merge ({list(jobs)})")
    steps = json.dumps(jobs["merge"]["steps"])
    check("gbc-conformance merge" in steps and "GITHUB_STEP_SUMMARY" in steps and "summary.md" in steps,
          "merge job merges and writes the Markdown job summary")
    check("action-junit-report" in steps, "merge job publishes the JUnit")
    check("report-${{ matrix.slug }}" in json.dumps(jobs["conformance"]["steps"]), "artifact names use the slug")
    check("actions/cache@v4" in json.dumps(jobs["build"]["steps"]), "build is cached")
    # A broken workflow is refused by the same validator (the check can fail).
    broken = path.replace("conformance.yml", "broken.yml")
    with open(broken, "w") as f:
        f.write(r.stdout.replace("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04", 1))
    v = subprocess.run([validator, broken], capture_output=True, text=True, timeout=120)
    check(v.returncode != 0, "action-validator refuses a misspelt runs-on")
    os.remove(broken)


def gitlab_pipeline():
    r = tool("matrix", "--emit", "gitlab-pipeline", "--sim", "--shards", "100")
    check(r.returncode == 0, f"gitlab-pipeline exits 0 ({r.stderr.strip()})")
    variants = json.loads(tool("matrix", "--emit", "json", "--sim").stdout)
    n = len(variants)
    check(f"100 shards for {n} variants; using {n}" in r.stderr, f"100 shards clamped to {n} with a note")
    pipeline = yaml.safe_load(r.stdout)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gitlab-ci.schema.json")) as f:
        schema = json.load(f)
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(pipeline)]
    check(not errors, f"the pipeline matches the GitLab CI schema ({errors[:3]})")
    bad = yaml.safe_load(r.stdout.replace("  script:", "  scirpt:", 1))
    check(any(True for _ in jsonschema.Draft7Validator(schema).iter_errors(bad)), "the schema refuses a misspelt keyword")
    jobs = {k: v for k, v in pipeline.items() if k not in ("stages", "default", "variables")}
    check(all(j.get("stage") in pipeline["stages"] for j in jobs.values()), "every job's stage is declared")
    needs = [n if isinstance(n, str) else n["job"] for j in jobs.values() for n in j.get("needs", [])]
    check(all(n in jobs for n in needs), f"every need names a job ({needs})")
    matrix = pipeline["conformance"]["parallel"]["matrix"]
    check(len(matrix) == n and matrix[0]["SHARD"] == f"1/{n}", f"{n} shards in the matrix")
    check(all(SLUG.match(e["SLUG"]) for e in matrix), "every shard slug is artifact-safe")
    check(pipeline["merge"]["artifacts"]["reports"]["junit"] == "merged/junit.xml", "merge publishes the merged JUnit")
    check(pipeline["conformance"]["artifacts"]["reports"]["junit"] == "reports/out/$SLUG/junit.xml", "shards publish JUnit")


def matrix_slugs():
    entries = json.loads(tool("matrix", "--emit", "github", "--sim").stdout)["include"]
    check(all(SLUG.match(e["slug"]) and "/" in e["variant"] for e in entries), "every variant has an artifact-safe slug")
    check(len({e["slug"] for e in entries}) == len(entries), "slugs are unique")


def readme_workflow():
    """The README's Nightly CI workflow is what the command prints for TARGET.md's first example, and it validates."""
    readme = open(os.path.join(SOURCE, "README.md")).read()
    section = readme[readme.index("## Nightly CI"):]
    command = re.search(r"gbc-conformance (matrix --emit github-workflow --target (\S+))", section)
    shown = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    target = re.findall(r"```json\n(.*?)```", open(os.path.join(SOURCE, "conformance/runner/TARGET.md")).read(), re.S)[0]
    cwd = os.path.join(OUT, "ci-files", "nightly")
    os.makedirs(os.path.join(cwd, os.path.dirname(command.group(2))), exist_ok=True)
    with open(os.path.join(cwd, command.group(2)), "w") as f:
        f.write(target)
    r = subprocess.run([TOOL, *command.group(1).split()], capture_output=True, text=True, cwd=cwd, timeout=60)
    check(r.returncode == 0 and r.stdout == shown, "the README's Nightly CI workflow is what the command prints")
    path = os.path.join(cwd, "conformance.yml")
    with open(path, "w") as f:
        f.write(shown)
    v = subprocess.run([os.path.join(SOURCE, "node_modules", ".bin", "action-validator"), path], capture_output=True,
                       text=True, timeout=120)
    check(v.returncode == 0, f"action-validator accepts the README's workflow ({v.stdout[:400]})")


def junit_counts():
    out = os.path.join(OUT, "ci-files", "junit-run")
    r = tool("run", "--sim", "ESSEX", "--sim-binary", SIM, "--sim-arg=--defect=bearer_lowercase", "--plan", "oauth-token",
             "--report-dir", out, "--format", "json,junit")
    check(r.returncode == 1, f"the defect run exits 1 ({r.stderr[-300:]})")
    report = json.load(open(os.path.join(out, "report.json")))
    counts = report["summary"]["counts"]
    xml = JUnitXml.fromfile(os.path.join(out, "junit.xml"))
    suites = list(xml)
    cases = [c for s in suites for c in s]
    kinds = {"failure": 0, "error": 0, "skipped": 0}
    for c in cases:
        for res in c.result:
            kinds["failure" if isinstance(res, Failure) else "error" if isinstance(res, Error) else "skipped"] += isinstance(res, (Failure, Error, Skipped))
    check(len(cases) == len(report["results"]), f"junitparser reads {len(cases)} testcases, one per result")
    check(kinds["failure"] == counts["FAIL"] and kinds["error"] == counts["ERROR"] and kinds["skipped"] == counts["SKIP"],
          f"failures/errors/skipped {kinds} match report.json {counts}")
    check(sorted(s.name for s in suites) == sorted(v["id"] for v in report["variants"]), "one testsuite per variant")
    check(all(c.classname == "oauth-token" and re.match(r"^[A-Z]+-\d+ — ", c.name) for c in cases),
          "testcase names are CHECK — requirement, classname the plan")
    failed = [c for c in cases if any(isinstance(x, Failure) for x in c.result)]
    check(failed and all(x.message.startswith("expected ") for c in failed for x in c.result if isinstance(x, Failure)),
          "failure messages are expected/actual one-liners")
    check(failed and all("evidence " in (c.system_out or "") for c in failed), "failures carry their evidence in system-out")


github_workflow()
gitlab_pipeline()
matrix_slugs()
readme_workflow()
junit_counts()
print("ci files: all checks passed" if failures == 0 else f"{failures} check(s) failed")
sys.exit(1 if failures else 0)
