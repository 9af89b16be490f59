#!/usr/bin/env python3
"""Fresh recall draw: same pool as docs/recall/draw.py minus lines in sample.tsv.
Usage: python draw3.py CORPUS_DIR N [SAMPLE_TSV]"""
import os, random, re, sys

V1_IMPORT = re.compile(
    r"^\s*(from|import)\s+azureml\.(core|pipeline|train|data|widgets|exceptions)\b", re.M)
REPO = {"MachineLearningNotebooks": "Azure/MachineLearningNotebooks",
        "azureml-examples": "Azure/azureml-examples"}

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
    sample = sys.argv[3] if len(sys.argv) > 3 else "/work/main/docs/recall/sample.tsv"
    seen = set()
    with open(sample, encoding="utf-8") as f:
        next(f)
        for row in f:
            c = row.rstrip("\n").split("\t")
            seen.add((c[0], c[2], int(c[3])))
    full = pool_of(corpus)
    pool = [p for p in full if (REPO.get(p[0], p[0]), p[1], p[2]) not in seen]
    pool.sort(key=lambda p: (p[0], p[1], p[2]))
    print("pool size", len(full), "after exclusion", len(pool), file=sys.stderr)
    random.seed(20261205)
    random.shuffle(pool)
    for repo, path, i, s in pool[:n]:
        print(f"{repo}\t{path}\t{i}\t{s}")

if __name__ == "__main__":
    main()
