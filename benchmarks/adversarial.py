#!/usr/bin/env python
"""Replay issue 13's adversarial list: an untrusted repository against all three front-ends.

    python benchmarks/adversarial.py [--json] [--timeout SECONDS]

Each case of the list is a test of the suite (they build the hostile inputs
themselves, in temporary directories, and run the *installed* ``v2lint``,
``flake8`` and ``pylint`` commands as subprocesses):

=====================================  ============================================
tests/test_untrusted_imports.py        no live import: project-local packages for every
                                       brain that imports live, stdlib-named packages,
                                       C extensions (stdlib names, installed names,
                                       the repository's own unsafe-load-any-extension),
                                       ``.pth``; -j 1, -j 2, stdin
tests/test_untrusted_writes.py         -o and baselines over devices, FIFOs, symlinks;
                                       configured paths outside the repository; FIFO,
                                       device, huge and hostile baselines; explicit
                                       FIFOs; orphaned temp files; SIGTERM; kill -9
                                       and the -j workers
tests/test_baseline_scope.py           --update-baseline under --select/--ignore, a path,
                                       a syntax error, --diff-against; the property test
tests/test_untrusted_bounds.py         a chain of 800 classes, each front-end against
                                       its host alone
tests/test_untrusted_inputs.py         non-UTF-8 and control-character names in every
                                       format and encoding, bad ignore patterns,
                                       UTF-16/32, lone surrogates, dangling links,
                                       loops, unlistable directories, exit 3
tests/test_no_execution.py             a fake SDK first on PYTHONPATH, modules with
                                       import-time side effects
=====================================  ============================================

It runs them with pytest (bounded: ``--timeout`` for the whole replay, each
subprocess has its own timeout in the tests), prints one line per case and
``N cases, F failures``; exit status 1 when any case fails. It takes under a
minute on two cores. docs/evaluation.md records the counts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = (
    "tests/test_untrusted_imports.py",
    "tests/test_untrusted_writes.py",
    "tests/test_baseline_scope.py",
    "tests/test_untrusted_bounds.py",
    "tests/test_untrusted_inputs.py",
    "tests/test_no_execution.py",
)


def replay(timeout: float) -> list[dict]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "junit.xml"
        try:
            subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", *CASES],
                cwd=ROOT, capture_output=True, text=True, check=False, timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return [{"file": "(all)", "case": f"replay did not finish in {timeout:.0f} s", "outcome": "failed"}]
        if not report.exists():
            return [{"file": "(all)", "case": "pytest wrote no report", "outcome": "failed"}]
        cases = []
        for case in ElementTree.parse(report).iter("testcase"):
            outcome = "passed"
            for child in case:
                if child.tag in ("failure", "error"):
                    outcome = "failed"
                elif child.tag == "skipped":
                    outcome = "skipped"
            cases.append({"file": case.get("classname", "").replace(".", "/") + ".py",
                          "case": case.get("name", ""), "outcome": outcome})
        return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="the cases as JSON")
    parser.add_argument("--timeout", type=float, default=1200, help="bound for the whole replay (seconds)")
    args = parser.parse_args(argv)
    cases = replay(args.timeout)
    outcomes = Counter(case["outcome"] for case in cases)
    if args.json:
        print(json.dumps({"cases": cases, "outcomes": outcomes}, indent=2))
    else:
        for case in cases:
            print(f"{case['outcome']:8} {case['file']}::{case['case']}")
        skipped = f", {outcomes['skipped']} skipped" if outcomes["skipped"] else ""
        print(f"{len(cases)} cases, {outcomes['failed']} failures{skipped}")
    return 1 if outcomes["failed"] or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
