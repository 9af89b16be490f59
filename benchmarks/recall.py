#!/usr/bin/env python
"""Line recall on the hand-labelled sample of docs/recall (see its README).

    python benchmarks/recall.py CORPUS_DIR [--sample docs/recall/sample.tsv]

CORPUS_DIR holds the corpora as docs/recall/README.md extracts them
(``CORPUS_DIR/<repo name>/<path>``). Each file of the sample is analysed with
``v2lint.modules.analyse_source`` (the entry point both front-ends use); a line
labelled ``v1`` is found when a finding starts on it, and, separately, when a
finding's range covers it. Prints recall, precision on the ``not-v1`` lines
(a finding starting on a line labelled ``not-v1``) and every miss.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys

from v2lint.modules import analyse_source


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--sample", default=os.path.join(os.path.dirname(__file__), "..", "docs", "recall", "sample.tsv"))
    args = parser.parse_args()
    with open(args.sample, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    starts: dict[tuple[str, str], set[int]] = {}
    spans: dict[tuple[str, str], set[int]] = {}
    for repo, path in sorted({(row["repo"], row["path"]) for row in rows}):
        full = os.path.join(args.corpus, repo.split("/")[1], path)
        with open(full, encoding="utf-8", errors="replace") as handle:
            findings = analyse_source(handle.read(), full)
        starts[repo, path] = {f.line for f in findings if f.code != "AML000"}
        spans[repo, path] = {n for f in findings if f.code != "AML000" for n in range(f.line, (f.end_line or f.line) + 1)}

    def where(row):
        return row["repo"], row["path"]

    v1 = [row for row in rows if row["label"] == "v1"]
    found = [row for row in v1 if int(row["line"]) in starts[where(row)]]
    covered = [row for row in v1 if int(row["line"]) in spans[where(row)]]
    others = [row for row in rows if row["label"] != "v1"]
    flagged = [row for row in others if int(row["line"]) in starts[where(row)]]
    print(f"lines labelled v1: {len(v1)}")
    print(f"found (a finding starts on the line): {len(found)} = {len(found) / len(v1):.1%}")
    print(f"covered (inside a finding's range): {len(covered)} = {len(covered) / len(v1):.1%}")
    print(f"lines labelled not-v1 with a finding starting on them: {len(flagged)} of {len(others)}")
    for title, group in (("missed", [r for r in v1 if r not in found]), ("not-v1 but flagged", flagged)):
        print(f"\n{title}:")
        for row in group:
            print(f"  {row['repo']} {row['path']}:{row['line']}\t{row['v1_api']}\t{row['text'][:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
