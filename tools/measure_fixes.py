"""Measure ``v2lint check --fix`` on a corpus of Python files: what docs/fixes.md reports.

For every ``.py`` file under the given directories: its findings, which of them
carry a safe or an unsafe fix, and for the job scripts (files that call
``Run.get_context()``) the share of findings that ``--fix --unsafe-fixes``
removes. Every fixed file is checked: it must parse, pyflakes may report no
undefined name that the original did not have, and a second fix must change
nothing. Nothing is written to the corpus. With ``--notebooks`` each notebook's units
(its code cells as one module, each ``%%writefile`` script) are measured the same way,
in rows of their own. The fixable findings and the applied fixes are also counted by rule,
which tells the fix families apart (AML101/AML102: the workspace handle; AML202: the
script-run and pipeline submits; AML2xx on a run: the job scripts).

    python tools/measure_fixes.py /tmp/corpus/MachineLearningNotebooks /tmp/corpus/azureml-examples [--examples N] [--notebooks]
"""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import sys
from collections import Counter

from v2lint import fixing, notebooks
from v2lint.catalogue import RUN_CONTEXT_TARGET, Applicability
from v2lint.units import python_results


def python_files(roots: list[str], suffix: str = ".py") -> list[str]:
    return sorted(os.path.join(d, f) for root in roots for d, _, files in os.walk(root) for f in files if f.endswith(suffix))


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def notebook_units(roots: list[str]):
    """(display path, the unit's Python source as bytes) of every notebook's units."""
    for path in python_files(roots, ".ipynb"):
        try:
            with open(path, encoding="utf-8-sig") as handle:
                notebook = notebooks.parse(handle.read())
        except (UnicodeDecodeError, notebooks.NotebookError):
            continue
        if notebook.skipped_kernel:
            continue
        for number, unit in enumerate(notebook.units):
            if unit.writefile is not None:
                lines = notebook.cells[unit.line_map[0][0] - 1]
                yield f"{path}#{number}", ("\n".join(lines[1:]) + "\n").encode("utf-8")
            else:
                yield f"{path}#{number}", unit.source.encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("roots", nargs="+")
    parser.add_argument("--examples", type=int, default=3, help="before/after diffs to print")
    parser.add_argument("--remaining", type=int, default=0, metavar="N",
                        help="print the N most frequent names of what stays in the job scripts after the fix")
    parser.add_argument("--notebooks", action="store_true", help="measure the notebooks' units too")
    args = parser.parse_args()
    counts: Counter = Counter()
    remaining: Counter = Counter()  # qname -> findings left in job scripts by --fix --unsafe-fixes
    broken, unstable, examples = [], [], []
    sources = [(path, _read(path)) for path in python_files(args.roots)]
    if args.notebooks:
        sources += [(path, data) for path, data in notebook_units(args.roots)]
    for path, data in sources:
        results = [r for r in python_results(data, path, path) if r.code != "AML000"]
        if not results:
            continue
        job = any(r.qname == RUN_CONTEXT_TARGET for r in results)
        kind = ("job" if job else "other") + (" (notebook units)" if "#" in path else "")
        counts[f"{kind} files"] += 1
        counts[f"{kind} findings"] += len(results)
        for r in results:
            if r.fix is not None:
                counts[f"{kind} {r.fix.applicability.value}"] += 1
                counts[f"rule {r.code} {r.fix.applicability.value}"] += 1
        safe = fixing.fix_file(data, path, path, unsafe=False)
        if safe is not None and safe.applied:
            left = [r for r in python_results(fixing.encode(safe), path, path) if r.code != "AML000"]
            counts[f"{kind} removed safe"] += len(results) - len(left)
        fixed = fixing.fix_file(data, path, path, unsafe=True)
        if fixed is None or not fixed.applied:
            if job:
                remaining.update(r.qname for r in results)
            continue
        counts[f"{kind} files fixed"] += 1
        for code, fix in fixed.applied:
            counts[f"applied {code}"] += 1
        text = fixed.text.lstrip("\ufeff")
        try:
            ast.parse(text)
        except SyntaxError as error:
            broken.append(f"{path}: does not parse: {error}")
            continue
        original = data.decode("utf-8-sig")
        new_names = fixing.undefined_names(text) - fixing.undefined_names(original)
        if new_names:
            broken.append(f"{path}: new undefined names {sorted(new_names)}")
        after = [r for r in python_results(fixing.encode(fixed), path, path) if r.code != "AML000"]
        counts[f"{kind} findings after"] += len(after)
        if job:
            remaining.update(r.qname for r in after)
        counts[f"{kind} findings removed"] += len(results) - len(after)
        if fixing.fix_file(fixing.encode(fixed), path, path, unsafe=True) is not None:
            unstable.append(path)
        examples.append((len(fixed.applied), path, original, text))
    print("files with findings, findings, fixable safe / unsafe, files fixed (--fix --unsafe-fixes), findings removed:")
    kinds = ["job", "other"] + (["job (notebook units)", "other (notebook units)"] if args.notebooks else [])
    for kind in kinds:
        findings = counts[f"{kind} findings"]
        print(f"  {kind:5} files {counts[f'{kind} files']:4}  findings {findings:5}  safe {counts[f'{kind} safe']:4}"
              f"  unsafe {counts[f'{kind} unsafe']:4}  files fixed {counts[f'{kind} files fixed']:4}"
              f"  removed by --fix {counts[f'{kind} removed safe']:4}, with --unsafe-fixes {counts[f'{kind} findings removed']:4}"
              + (f" ({100 * counts[f'{kind} findings removed'] / findings:.1f} % of the {kind} files' findings)" if findings else ""))
    rules = sorted({key.split()[1] for key in counts if key.startswith(("rule ", "applied "))})
    print("by rule: fixable safe / unsafe, fixes applied by --fix --unsafe-fixes")
    for code in rules:
        print(f"  {code}  safe {counts[f'rule {code} safe']:4}  unsafe {counts[f'rule {code} unsafe']:4}"
              f"  applied {counts[f'applied {code}']:4}")
    print(f"broken files: {len(broken)}")
    for line in broken:
        print("  " + line)
    print(f"files a second --fix changes: {len(unstable)}")
    for line in unstable:
        print("  " + line)
    if args.remaining:
        print("left in the job scripts after --fix --unsafe-fixes:")
        for qname, count in remaining.most_common(args.remaining):
            print(f"  {count:4}  {qname}")
    for _, path, before, after in sorted(examples, reverse=True)[: args.examples]:
        print(f"\n--- example: {path}")
        sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True), "before", "after", n=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
