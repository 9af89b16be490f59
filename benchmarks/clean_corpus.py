#!/usr/bin/env python
"""v2lint on code that never uses SDK v1: every finding is a false alarm.

    python benchmarks/clean_corpus.py [PATHS ...] [--limit N] [--precheck] [--json] [--verbose]

PATHS are directories (walked for ``*.py``) or files; the default is the
standard library and the site-packages of the running interpreter. Files of
SDK v1-era distributions installed there (azureml-core, azureml-pipeline-*,
azureml-train-*, azureml-dataprep, ...: ``V1_ERA_DISTRIBUTIONS``) and modules
under a v1 root (``azureml.core``, ``azureml._restclient``, ...) are left out:
they *are* SDK v1.

Every file goes through ``v2lint.modules.analyse_source``, the entry point of
the flake8 front-end and the ``v2lint`` command. The front-ends skip a file
that never mentions ``azureml`` (the pre-check); here, by default, the
pre-check is bypassed so that the resolver really runs on every file that
parses (``--precheck`` keeps it, as the front-ends do).

Figures: files, files analysed (parsed and analysed), syntax errors
(Python 2 files, test data), findings (any code but AML000), stopped
(AML000: the per-file inference budget or nesting limit), crashes (any
exception other than astroid's building errors), time. ``--limit N`` takes N
files spread evenly over the sorted list (CI's bounded subset). Exit status 1
when there is a finding or a crash.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import sysconfig
import time
import traceback
from collections import Counter
from importlib import metadata

import astroid

from v2lint import modules
from v2lint.catalogue import is_v1_module

# Distributions of the SDK v1 era: their own files are SDK v1, not a clean corpus.
V1_ERA_DISTRIBUTIONS = (
    "azureml-core", "azureml-pipeline", "azureml-train", "azureml-dataprep", "azureml-dataset-runtime",
    "azureml-defaults", "azureml-telemetry", "azureml-automl", "azureml-contrib", "azureml-widgets",
    "azureml-sdk", "azureml-interpret", "azureml-datadrift", "azureml-explain", "azureml-opendatasets",
    "azureml-tensorboard", "azureml-responsibleai", "azureml-accel", "azureml-designer", "azureml-synapse",
    "azureml-mlflow-legacy", "azureml-train-automl", "azureml-inference-server-http-legacy",
)
_SKIP_DIRS = {"__pycache__", ".git", "site-packages", "dist-packages"}


def default_paths() -> list[str]:
    paths = [sysconfig.get_paths()["stdlib"]]
    for key in ("purelib", "platlib"):
        path = sysconfig.get_paths()[key]
        if path not in paths and os.path.isdir(path):
            paths.append(path)
    return paths


def v1_era_files() -> set[str]:
    """Absolute paths of files installed by SDK v1-era distributions."""
    files: set[str] = set()
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if not name.startswith(V1_ERA_DISTRIBUTIONS):
            continue
        for entry in dist.files or ():
            files.add(os.path.abspath(str(dist.locate_file(entry))))
    return files


def _is_v1_module_file(path: str) -> bool:
    """``.../azureml/core/x.py``, ``.../azureml/_restclient/y.py``: SDK v1 by its module name."""
    parts = os.path.abspath(path).split(os.sep)
    if "azureml" not in parts:
        return False
    dotted = parts[len(parts) - 1 - parts[::-1].index("azureml"):]
    dotted[-1] = os.path.splitext(dotted[-1])[0]
    if dotted[-1] == "__init__":
        dotted.pop()
    name = ".".join(dotted)
    return is_v1_module(name) or (len(dotted) > 1 and dotted[1].startswith("_"))


def collect(paths: list[str]) -> tuple[list[str], int]:
    """Sorted .py files under ``paths`` (nested site-packages are not entered) and how many were excluded."""
    excluded_files = v1_era_files()
    found: set[str] = set()
    excluded = 0
    for given in paths:
        given = os.path.abspath(given)
        if os.path.isfile(given):
            found.add(given)
            continue
        for directory, subdirs, files in os.walk(given):
            subdirs[:] = sorted(d for d in subdirs if d not in _SKIP_DIRS)
            for name in files:
                if not name.endswith(".py"):
                    continue
                path = os.path.join(directory, name)
                if path in excluded_files or _is_v1_module_file(path):
                    excluded += 1
                    continue
                found.add(path)
    return sorted(found), excluded


def spread(files: list[str], limit: int | None) -> list[str]:
    if not limit or limit >= len(files):
        return files
    step = len(files) / limit
    return [files[int(i * step)] for i in range(limit)]


def run(files: list[str], precheck: bool = False, verbose: bool = False) -> dict:
    original = modules.worth_analysing
    if not precheck:
        modules.worth_analysing = lambda source, path=None: True
    counts: Counter = Counter()
    findings: list[dict] = []
    crashes: list[dict] = []
    stopped: list[dict] = []
    started = time.perf_counter()
    try:
        for path in files:
            counts["files"] += 1
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                source = data.decode("utf-8")
            except (OSError, UnicodeDecodeError):
                counts["unreadable"] += 1
                continue
            try:
                result = modules.analyse_source(source, path)
            except astroid.AstroidBuildingError:
                counts["syntax errors"] += 1
                continue
            except Exception as error:  # noqa: BLE001 - what this script is here to count
                crashes.append({"path": path, "error": f"{type(error).__name__}: {error}",
                                "traceback": traceback.format_exc()})
                continue
            if precheck and not modules.worth_analysing(source, path):
                continue
            counts["analysed"] += 1
            for finding in result:
                entry = {"path": path, "line": finding.line, "code": finding.code, "message": finding.message}
                (stopped if finding.code == "AML000" else findings).append(entry)
            if verbose and result:
                print(f"{path}: {[f.code for f in result]}", file=sys.stderr)
    finally:
        modules.worth_analysing = original
    return {
        "files": counts["files"],
        "analysed": counts["analysed"],
        "syntax_errors": counts["syntax errors"],
        "unreadable": counts["unreadable"],
        "findings": findings,
        "stopped": stopped,
        "crashes": crashes,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="directories or files (default: stdlib and site-packages)")
    parser.add_argument("--limit", type=int, help="analyse N files spread evenly over the sorted list")
    parser.add_argument("--precheck", action="store_true", help="skip files that never mention azureml, as the front-ends do")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="print every file with a result")
    args = parser.parse_args(argv)
    paths = args.paths or default_paths()
    files, excluded = collect(paths)
    report = run(spread(files, args.limit), precheck=args.precheck, verbose=args.verbose)
    report["paths"] = paths
    report["excluded_v1_era_files"] = excluded
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"paths: {', '.join(paths)}")
        print(f"files: {report['files']} ({excluded} SDK v1-era files excluded)")
        print(f"analysed: {report['analysed']}{' (pre-check kept)' if args.precheck else ' (pre-check bypassed)'}")
        print(f"syntax errors: {report['syntax_errors']}, unreadable: {report['unreadable']}")
        print(f"findings: {len(report['findings'])}")
        for finding in report["findings"][:50]:
            print(f"    {finding['path']}:{finding['line']}: {finding['code']} {finding['message']}")
        print(f"stopped (AML000): {len(report['stopped'])}")
        for finding in report["stopped"][:50]:
            print(f"    {finding['path']}: {finding['message']}")
        print(f"crashes: {len(report['crashes'])}")
        for crash in report["crashes"][:20]:
            print(f"    {crash['path']}: {crash['error']}")
        print(f"time: {report['seconds']} s")
    return 1 if report["findings"] or report["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
