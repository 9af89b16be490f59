#!/usr/bin/env python
"""Measure v2lint on a directory of real code (see docs/evaluation.md).

    python benchmarks/evaluate.py DIR [--notebooks] [--json] [--sample N --seed S]
                                      [--unflagged-lines] [--dump FILE]
    python benchmarks/evaluate.py --sample N --seed S --from DUMP [DUMP ...]

Walks the ``.py`` files under DIR (with ``--notebooks``: the ``.ipynb``
notebooks instead, so the two kinds get separate figures) and runs
``v2lint.modules.analyse_source`` on each, the same entry point the flake8
front-end and the ``v2lint`` command use.

Notebook method (deliberately simple, independent of ``v2lint.notebooks``):
the code cells of one notebook are concatenated into one module; a line whose
first non-blank character is ``%`` or ``!`` becomes ``pass`` at its indentation
(line numbers are kept); a cell starting with a cell magic (``%%...``) is left
out, except ``%%writefile X.py`` whose body is analysed as a separate unit at
the path ``X.py`` next to the notebook (it is the training script of a job); a
code cell that does not parse on its own is left out and counted.

Figures printed: files, files analysed (text mentions ``azureml``, v2lint's own
pre-check), files with findings, findings by code, files that import a v1
module (``ast``: ``Import``/``ImportFrom`` whose module ``is_v1_module``) but
get no finding, syntax-error files skipped, crashes (any exception other than
astroid's building errors), per-node analysis errors v2lint swallowed (logged
at DEBUG by ``v2lint.analysis``), and total time.

``--unflagged-lines`` lists lines of analysed files that mention a common SDK
v1 name (regex ``V1_HINTS``) but carry no finding: the candidates for missed v1
use, to be classified by hand.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import logging
import os
import random
import re
import sys
import time

import astroid

from v2lint.catalogue import is_v1_module
from v2lint.brain.cache import forget_project_modules_after
from v2lint.modules import analyse_source

# Lines that mention one of these probably use SDK v1 (heuristic, for --unflagged-lines).
V1_HINTS = re.compile(
    r"\bWorkspace\b|\bExperiment\b|\.submit\(|\brun\.log|\bDataset\.|\bComputeTarget\b|\bRun\.get_context\b"
    r"|\bScriptRunConfig\b|\bEnvironment\b|\bDatastore\b|\bModel\.(register|deploy|get_model_path)\b"
    r"|\bPipelineData\b|\bPythonScriptStep\b|\bPipeline\(|\bHyperDriveConfig\b|\bAutoMLConfig\b"
    r"|\bWebservice\b|\bInferenceConfig\b|\bAmlCompute\b|\bdeploy_configuration\b|\bCondaDependencies\b"
    r"|\bOutputFileDatasetConfig\b|\bTabularDatasetFactory\b|\bParallelRunConfig\b|\bPublishedPipeline\b"
    r"|\.register_model\(|\.download_files?\(|\.get_metrics\(|\.wait_for_completion\(|\.as_named_input\("
    r"|\.as_mount\(|\.as_download\(|\.to_pandas_dataframe\(|\.get_environment\(|\.get_output\("
    r"|\.get_best_run_by_primary_metric\(|\.upload_files?\(|\.get_default_datastore\(|\.input_datasets\b"
)


FIGURES = ("files", "files analysed", "units analysed", "files with findings", "files importing v1")


class _Swallowed(logging.Handler):
    """Counts the per-node exceptions v2lint.analysis logs and skips."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        self.records.append(f"{record.getMessage()}: {type(exc).__name__}: {exc}" if exc else record.getMessage())


def _blank(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith(("%", "!")):
        return line[: len(line) - len(stripped)] + "pass"
    return line


def notebook_units(path: str) -> tuple[list[tuple[str, str, list[tuple[int, int]]]], int]:
    """[(unit path, source, line map to (cell, line in cell))], cells dropped as unparsable."""
    with open(path, encoding="utf-8-sig") as handle:
        notebook = json.load(handle)
    cells = [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]
    main_lines: list[str] = []
    main_map: list[tuple[int, int]] = []
    units = []
    dropped = 0
    for number, cell in enumerate(cells, start=1):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        lines = source.splitlines()
        first = lines[0].strip() if lines else ""
        if first.startswith("%%"):
            parts = first.split()
            if parts[0] == "%%writefile" and len(parts) > 1 and parts[-1].endswith(".py"):
                body = [""] + lines[1:]
                unit_path = os.path.join(os.path.dirname(path), parts[-1].strip("'\""))
                units.append((unit_path, "\n".join(body) + "\n", [(number, i) for i in range(1, len(body) + 1)]))
            continue
        cleaned = [_blank(line) for line in lines]
        try:
            ast.parse("\n".join(cleaned) + "\n")
        except (SyntaxError, ValueError):
            dropped += 1
            continue
        main_lines.extend(cleaned)
        main_map.extend((number, i) for i in range(1, len(cleaned) + 1))
    units.insert(0, (path, "\n".join(main_lines) + "\n", main_map))
    return units, dropped


def imports_v1(source: str) -> bool:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(is_v1_module(a.name) for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and not node.level and node.module and is_v1_module(node.module):
            return True
    return False


def walk(root: str, notebooks: bool):
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".py") or (notebooks and name.endswith(".ipynb")):
                yield os.path.join(directory, name)


def sample_dumps(paths: list[str], n: int, seed: int) -> int:
    """--sample N --seed S --from DUMP...: a seeded sample of saved findings."""
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    print(f"random sample of {len(picked)} of {len(rows)} findings (seed {seed}):")
    for number, row in enumerate(picked, start=1):
        print(f"{number}. {row['where']}  [{row['code']}]")
        print(f"     source:  {row['source']}\n     message: {row['message']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?")
    parser.add_argument("--notebooks", action="store_true", help="analyse .ipynb notebooks instead of .py files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="print N random findings")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--unflagged-lines", action="store_true", help="list v1-looking lines without a finding")
    parser.add_argument("--dump", metavar="FILE", help="write every finding as JSON lines to FILE")
    parser.add_argument("--from", dest="dumps", nargs="+", metavar="DUMP",
                        help="no analysis: draw the --sample from these --dump files")
    args = parser.parse_args(argv)
    if args.dumps:
        return sample_dumps(args.dumps, args.sample, args.seed)
    if not args.dir:
        parser.error("DIR is required unless --from is given")

    swallowed = _Swallowed()
    analysis_log = logging.getLogger("v2lint.analysis")
    analysis_log.addHandler(swallowed)
    analysis_log.setLevel(logging.DEBUG)
    analysis_log.propagate = False

    root = os.path.abspath(args.dir)
    stats = collections.Counter()
    by_code: collections.Counter = collections.Counter()
    findings_all = []  # (display path, line, source line, finding)
    missed_v1: list[str] = []
    syntax: list[str] = []
    crashes: list[str] = []
    swallowed_by_file: dict[str, int] = {}
    unflagged: list[str] = []
    start = time.perf_counter()

    for path in walk(root, args.notebooks):
        rel = os.path.relpath(path, root)
        is_nb = path.endswith(".ipynb")
        if args.notebooks and not is_nb:
            continue
        stats["files"] += 1
        try:
            with open(path, encoding="utf-8-sig", errors="replace") as handle:
                text = handle.read()
        except OSError as error:
            crashes.append(f"{rel}: {error}")
            continue
        if "azureml" not in text:
            continue
        stats["files analysed"] += 1
        if is_nb:
            try:
                units, dropped = notebook_units(path)
            except (ValueError, AttributeError, TypeError) as error:
                syntax.append(f"{rel}: unreadable notebook: {error}")
                continue
            stats["notebook cells dropped (unparsable)"] += dropped
        else:
            units = [(path, text, None)]
        file_findings = 0
        file_imports_v1 = False
        for unit_path, source, line_map in units:
            unit_rel = rel if unit_path == path else f"{rel}::{os.path.basename(unit_path)}"
            stats["units analysed"] += 1
            file_imports_v1 = file_imports_v1 or imports_v1(source)
            before = len(swallowed.records)
            # forgotten as by ``v2lint check``, so that the figures here match it:
            # two projects' utils.py must not shadow each other. Before commit
            # 11556ca the command also evicted file-less modules, which lost
            # findings (docs/evaluation.md)
            try:
                with forget_project_modules_after():
                    found = analyse_source(source, unit_path)
            except astroid.AstroidBuildingError as error:  # includes AstroidSyntaxError
                syntax.append(f"{unit_rel}: {str(error).splitlines()[-1][:120]}")
                continue
            except Exception as error:  # noqa: BLE001 - that is what we count
                crashes.append(f"{unit_rel}: {type(error).__name__}: {error}")
                continue
            if len(swallowed.records) > before:
                swallowed_by_file[unit_rel] = len(swallowed.records) - before
            lines = source.splitlines()
            file_findings += len(found)
            flagged_lines = set()
            for finding in found:
                by_code[finding.code] += 1
                for line in range(finding.line, (finding.end_line or finding.line) + 1):
                    flagged_lines.add(line)
                where = f"{unit_rel}:{finding.line}"
                if line_map and 1 <= finding.line <= len(line_map):
                    where = f"{unit_rel}:cell {line_map[finding.line - 1][0]}:{line_map[finding.line - 1][1]}"
                text_line = lines[finding.line - 1].strip() if 1 <= finding.line <= len(lines) else ""
                findings_all.append((where, text_line, finding))
            if args.unflagged_lines:
                for number, line in enumerate(lines, start=1):
                    stripped = line.strip()
                    if number in flagged_lines or stripped.startswith("#") or not V1_HINTS.search(line):
                        continue
                    where = f"{unit_rel}:{number}"
                    if line_map and number <= len(line_map):
                        where = f"{unit_rel}:cell {line_map[number - 1][0]}:{line_map[number - 1][1]}"
                    unflagged.append(f"{where}: {stripped[:160]}")
        if file_findings:
            stats["files with findings"] += 1
        if file_imports_v1:
            stats["files importing v1"] += 1
            if not file_findings:
                missed_v1.append(rel)

    elapsed = time.perf_counter() - start
    report = {
        "dir": args.dir,
        "kind": "notebooks" if args.notebooks else ".py files",
        **{k: stats[k] for k in FIGURES},
        "findings": sum(by_code.values()),
        "findings by code": dict(sorted(by_code.items())),
        "v1-importing files with no finding": missed_v1,
        "syntax-error units skipped": syntax,
        "crashes": crashes,
        "swallowed per-node errors": sum(swallowed_by_file.values()),
        "swallowed per-node errors by unit": swallowed_by_file,
        "swallowed samples": sorted(set(swallowed.records))[:20],
        "seconds": round(elapsed, 1),
    }
    if args.notebooks:
        report["notebook cells dropped (unparsable)"] = stats["notebook cells dropped (unparsable)"]
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for key, value in report.items():
            if isinstance(value, list):
                print(f"{key}: {len(value)}")
                for item in value:
                    print(f"    {item}")
            elif isinstance(value, dict):
                print(f"{key}:")
                for k, v in value.items():
                    print(f"    {k}: {v}")
            else:
                print(f"{key}: {value}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for where, text_line, f in findings_all:
                out.write(json.dumps({"where": where, "source": text_line, "code": f.code, "qname": f.qname,
                                      "written": f.written, "message": f.message, "confidence": f.confidence}) + "\n")
    if args.unflagged_lines:
        print(f"\nv1-looking lines without a finding: {len(unflagged)}")
        for item in unflagged:
            print(f"  {item}")
    if args.sample:
        rng = random.Random(args.seed)
        picked = rng.sample(findings_all, min(args.sample, len(findings_all)))
        print(f"\nrandom sample of {len(picked)} findings (seed {args.seed}):")
        for n, (where, text_line, f) in enumerate(picked, start=1):
            print(f"{n}. {where}  [{f.code}]\n     source:  {text_line}\n     message: {f.message}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
