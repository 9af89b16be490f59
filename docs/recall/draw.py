#!/usr/bin/env python3
"""Draw the recall sample pool WITHOUT any linter.

Usage: python draw.py CORPUS_DIR [N] [SEED]

CORPUS_DIR holds one sub-directory per repository (e.g. MachineLearningNotebooks/,
azureml-examples/), each containing the .py files of that repository at the pinned
commit (paths relative to the repository root).  Prints a TSV of the first N
(default 600) lines of the shuffled pool: repo, path, line, text.

Pool rule: a candidate is any non-blank line of a .py file whose stripped text does
not start with '#', and which either (a) contains the substring 'azureml', or (b) is
in a file that imports from azureml.core / azureml.pipeline / azureml.train /
azureml.data / azureml.widgets / azureml.exceptions (then every such line of the file
is a candidate).  The pool is ordered by (repo, path, line), shuffled with
random.seed(SEED); random.shuffle(pool) (SEED 20261203 for sample.tsv, 20261204 for
sample2.tsv), and the first N are taken (so a larger N extends, never changes, a smaller
draw).
"""
import os
import random
import re
import sys

V1_IMPORT = re.compile(
    r"^\s*(from|import)\s+azureml\.(core|pipeline|train|data|widgets|exceptions)\b",
    re.M,
)


def pool_of(corpus):
    pool = []
    for repo in sorted(os.listdir(corpus)):
        root = os.path.join(corpus, repo)
        if not os.path.isdir(root):
            continue
        files = []
        for d, _, names in os.walk(root):
            for n in names:
                if n.endswith(".py"):
                    files.append(os.path.relpath(os.path.join(d, n), root))
        for path in sorted(files):
            with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
                src = f.read()
            whole = bool(V1_IMPORT.search(src))
            for i, line in enumerate(src.splitlines(), 1):
                s = line.strip()
                if not s or s.startswith("#"):
                    continue
                if whole or "azureml" in line:
                    pool.append((repo, path, i, s.replace("\t", " ")))
    return pool


def main():
    corpus = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261203
    pool = pool_of(corpus)
    random.seed(seed)
    random.shuffle(pool)
    print("pool size", len(pool), file=sys.stderr)
    for repo, path, i, s in pool[:n]:
        print(f"{repo}\t{path}\t{i}\t{s}")


if __name__ == "__main__":
    main()
