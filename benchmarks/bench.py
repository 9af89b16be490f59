#!/usr/bin/env python
"""How much v2lint costs, as ratios of median CPU time (see docs/performance.md).

    python benchmarks/bench.py DIR|stdlib [--runs N] [--label NAME] [--max-files N]
                               [--host-max-lines N] [--json FILE]
    python benchmarks/bench.py DIR --memory N [--jobs J]

``DIR`` is any directory (its ``.py`` files and ``.ipynb`` notebooks, sorted by
relative path, the first ``--max-files``); ``stdlib`` is the running
interpreter's standard library without its test suites and ``site-packages``.
Every command runs in a fresh subprocess of *this* interpreter (run the script
with the Python of the environment where v2lint, pylint and flake8 are
installed), from an empty directory with configuration files ignored, on the
same files. Variants are interleaved (the order rotates each round) after one
untimed warm-up round, ``--runs`` rounds (at least 10). CPU time of a run =
the children's user+sys (``resource.getrusage(RUSAGE_CHILDREN)`` delta around
the subprocess, which includes the workers it waited for); peak memory =
``ru_maxrss`` of that subprocess (``os.wait4``: the largest single process of
its tree, i.e. per worker). Ratios are of medians.

Comparisons:

* pylint (default checkers) with ``--load-plugins=v2lint`` / without; and
  ``--disable=all --enable=v2lint`` on its own;
* flake8 with v2lint / without: flake8 runs every installed plugin whatever
  ``--select`` says (selection only filters results), so "without" must hide
  the plugin. Both variants start flake8 through the same two-line wrapper,
  which, for "without", drops v2lint's entry point from flake8's plugin
  finder (``flake8.plugins.finder._find_importlib_plugins``): same
  interpreter, same flake8, pycodestyle and pyflakes, only the plugin differs
  (checked with ``--version`` before measuring);
* ``v2lint check`` vs the floors: ``ast.parse`` of the same files, and
  building astroid trees of the same files (notebooks: their code cells
  joined, magic and shell lines blanked, in both floors);
* editor latency: one v1 file (the largest that mentions azureml) linted as
  VS Code and pylsp do, a fresh process per lint: ``pylint --output-format=json2
  --clear-cache-post-run=y --from-stdin`` with and without the plugin, and
  ``flake8 --stdin-display-name - `` with and without it; the difference of the
  medians in seconds (CPU and wall); and where v2lint's part of that goes
  (importing astroid, astroid's bootstrap, the file's tree, the SDK stub
  modules, inference), clocked inside a fresh process per run.

pylint and flake8 cannot read notebooks and pylint is slow, so both run on the
``.py`` files only, the first ones (sorted) up to ``--host-max-lines`` lines.

``--memory N`` instead copies the corpus' files that mention azureml into N
files (``copy_00001/...``) in a temporary directory and reports the peak RSS of
``v2lint check -j J`` on them (per process: the largest worker).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

PY = sys.executable
STDLIB_SKIP = {"site-packages", "dist-packages", "test", "tests", "idle_test", "__pycache__"}

# Starts flake8; with V2LINT_BENCH_HIDE=1 v2lint's entry point is not found.
FLAKE8 = (
    "import os, sys\n"
    "from flake8.plugins import finder\n"
    "if os.environ.get('V2LINT_BENCH_HIDE') == '1':\n"
    "    _found = finder._find_importlib_plugins\n"
    "    finder._find_importlib_plugins = lambda: (p for p in _found() if p.package.lower() != 'v2lint')\n"
    "from flake8.main.cli import main\n"
    "sys.exit(main())\n"
)

# The floors: parse (ast) or build (astroid) every file named in argv[2] (a list file).
FLOOR = r'''
import json, re, sys
kind, listing = sys.argv[1], sys.argv[2]
if kind == "astroid":
    import astroid
    from astroid.builder import AstroidBuilder
    builder = AstroidBuilder(astroid.MANAGER)
else:
    import ast
MAGIC = re.compile(r"^(\s*)[%!]")
def notebook_code(text):
    cells = [c for c in json.loads(text).get("cells", []) if c.get("cell_type") == "code"]
    lines = []
    for cell in cells:
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if source.lstrip().startswith("%%"):
            continue
        lines.extend(MAGIC.sub(r"\1pass  #", line) for line in source.split("\n"))
    return "\n".join(lines) + "\n"
failed = 0
for number, path in enumerate(open(listing, encoding="utf-8").read().split("\n")):
    if not path:
        continue
    data = open(path, "rb").read()
    if path.endswith(".ipynb"):
        data = notebook_code(data.decode("utf-8-sig"))
    try:
        if kind == "astroid":
            text = data if isinstance(data, str) else data.decode("utf-8", "replace")
            builder.string_build(text, "bench_%d" % number, path)
        else:
            ast.parse(data, path)
    except Exception:
        failed += 1
print(failed)
'''


# Where v2lint's time goes in a fresh process, for one file: CPU clocks around
# each phase (argv[1] = the file); stub modules are timed apart from the phase
# that asked for them.
PHASES = r'''
import json, sys, time
clock = time.process_time
t = clock()
import astroid
from astroid.builder import AstroidBuilder
from v2lint import brain
from v2lint.analysis import analyse
from v2lint.modules import build_module, module_name
phases = {"import astroid and v2lint": clock() - t}
t = clock()
AstroidBuilder(astroid.MANAGER)  # astroid's bootstrap: the builtins module, its brains
phases["astroid bootstrap"] = clock() - t
stubs = [0.0, 0]
build_stub = brain._Brain.build_stub
def timed_stub(self, modname):
    stubs[1] += 1
    t = clock()
    try:
        return build_stub(self, modname)
    finally:
        stubs[1] -= 1
        if not stubs[1]:
            stubs[0] += clock() - t
brain._Brain.build_stub = timed_stub
path = sys.argv[1]
source = open(path, encoding="utf-8").read()
t, before = clock(), stubs[0]
module = build_module(source, path, module_name(path)[0])
phases["the file's astroid tree"] = clock() - t - (stubs[0] - before)
t, before = clock(), stubs[0]
findings = analyse(module)
phases["analysis (inference)"] = clock() - t - (stubs[0] - before)
phases["SDK stub modules"] = stubs[0]
print(json.dumps(phases))
'''


# --------------------------------------------------------------------------- corpus
def corpus_files(directory: str, stdlib: bool, max_files: int) -> list[str]:
    found = []
    for here, dirs, names in os.walk(directory):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in {"__pycache__", "node_modules"}
            and not (stdlib and (d in STDLIB_SKIP or d == "lib2to3"))
        )
        for name in names:
            if name.endswith(".py") or (name.endswith(".ipynb") and not stdlib):
                found.append(os.path.relpath(os.path.join(here, name), directory).replace(os.sep, "/"))
    found.sort()
    return [os.path.join(directory, *rel.split("/")) for rel in found[:max_files]]


def line_count(path: str) -> int:
    with open(path, "rb") as handle:
        return handle.read().count(b"\n")


def mentions_azureml(path: str) -> bool:
    with open(path, "rb") as handle:
        return b"azureml" in handle.read()


# --------------------------------------------------------------------------- running
class Measure:
    """One subprocess: CPU (children's user+sys delta), wall, peak RSS."""

    def __init__(self, cpu: float, wall: float, maxrss_kb: int, returncode: int) -> None:
        self.cpu, self.wall, self.maxrss_kb, self.returncode = cpu, wall, maxrss_kb, returncode


def run_once(argv: list[str], cwd: str, env: dict, stdin: bytes | None = None) -> Measure:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as feed:
        if stdin is not None:
            feed.write(stdin)
            feed.seek(0)
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=feed if stdin is not None else subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measure(cpu, wall, usage.ru_maxrss, process.returncode)


class Variant:
    def __init__(self, name: str, argv: list[str], files: int, env: dict | None = None,
                 stdin: bytes | None = None, ok: tuple[int, ...] | None = None) -> None:
        self.name, self.argv, self.files, self.stdin = name, argv, files, stdin
        self.env = {**os.environ, **(env or {})}
        self.ok = ok  # accepted exit codes (None: any below 32, pylint's usage bit)
        self.measures: list[Measure] = []

    def run(self, cwd: str) -> None:
        measure = run_once(self.argv, cwd, self.env, self.stdin)
        accepted = measure.returncode in self.ok if self.ok else 0 <= measure.returncode < 32
        if not accepted:
            raise SystemExit(f"{self.name}: exit code {measure.returncode}: {' '.join(self.argv[:6])} ...")
        self.measures.append(measure)

    @property
    def cpu(self) -> float:
        return statistics.median(m.cpu for m in self.measures)

    @property
    def wall(self) -> float:
        return statistics.median(m.wall for m in self.measures)

    @property
    def maxrss_mb(self) -> float:
        return max(m.maxrss_kb for m in self.measures) / 1024


def interleave(variants: list[Variant], runs: int, cwd: str, progress: bool = True) -> None:
    for variant in variants:  # warm-up: file cache, bytecode
        run_once(variant.argv, cwd, variant.env, variant.stdin)
    for round_ in range(runs):
        shift = round_ % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            variant.run(cwd)
        if progress:
            sys.stderr.write(f"\r  round {round_ + 1}/{runs}: {', '.join(v.name for v in variants)}")
            sys.stderr.flush()
    if progress:
        sys.stderr.write("\n")


def versions() -> dict:
    from importlib.metadata import version

    found = {"python": platform.python_version()}
    for name in ("v2lint", "pylint", "astroid", "flake8", "pycodestyle", "pyflakes"):
        try:
            found[name] = version(name)
        except Exception:  # noqa: BLE001
            found[name] = "-"
    return found


def machine() -> dict:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "platform": platform.platform()}


def check_flake8_hiding(cwd: str) -> None:
    shown = subprocess.run([PY, "-c", FLAKE8, "--version"], capture_output=True, text=True, cwd=cwd).stdout
    hidden = subprocess.run([PY, "-c", FLAKE8, "--version"], capture_output=True, text=True, cwd=cwd,
                            env={**os.environ, "V2LINT_BENCH_HIDE": "1"}).stdout
    if "v2lint" not in shown or "v2lint" in hidden:
        raise SystemExit(f"cannot show/hide the flake8 plugin:\n{shown}\n{hidden}")


# --------------------------------------------------------------------------- the benchmark
def benchmark(args: argparse.Namespace) -> dict:
    stdlib = args.dir == "stdlib"
    directory = sysconfig.get_paths()["stdlib"] if stdlib else os.path.abspath(args.dir)
    files = corpus_files(directory, stdlib, args.max_files)
    if not files:
        raise SystemExit(f"{directory}: no .py or .ipynb file")
    python_files = [f for f in files if f.endswith(".py")]
    host_files, lines = [], 0
    for path in python_files:
        if host_files and lines >= args.host_max_lines:
            break
        host_files.append(path)
        lines += line_count(path)
    v1_files = [f for f in python_files if mentions_azureml(f)]
    editor_file = max(v1_files or python_files, key=lambda f: (os.path.getsize(f), f))

    work = tempfile.mkdtemp(prefix="v2lint-bench-")
    try:
        listing = os.path.join(work, "files.txt")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.write("\n".join(files))
        rcfile = os.path.join(work, "pylintrc")
        open(rcfile, "w").close()
        check_flake8_hiding(work)

        pylint = [PY, "-m", "pylint", f"--rcfile={rcfile}", "--persistent=n", "--reports=n", "--score=n", "--jobs=1"]
        flake8 = [PY, "-c", FLAKE8, "--isolated", "--jobs=1"]
        hide = {"V2LINT_BENCH_HIDE": "1"}
        n_host = len(host_files)
        groups = {
            "pylint": [
                Variant("pylint", pylint + host_files, n_host),
                Variant("pylint+v2lint", pylint + ["--load-plugins=v2lint"] + host_files, n_host),
                Variant("pylint only v2lint", pylint + ["--load-plugins=v2lint", "--disable=all", "--enable=v2lint"]
                        + host_files, n_host),
            ],
            "flake8": [
                Variant("flake8", flake8 + host_files, n_host, env=hide),
                Variant("flake8+v2lint", flake8 + host_files, n_host),
            ],
            "v2lint": [
                Variant("ast.parse", [PY, "-c", FLOOR, "ast", listing], len(files), ok=(0,)),
                Variant("astroid build", [PY, "-c", FLOOR, "astroid", listing], len(files), ok=(0,)),
                Variant("v2lint check", [PY, "-m", "v2lint.cli", "check", "-q", "--exit-zero", "--no-baseline",
                                         "--format=json", "-j", "1", *files], len(files), ok=(0,)),
            ],
        }
        source = open(editor_file, "rb").read()
        stdin_pylint = [PY, "-m", "pylint", f"--rcfile={rcfile}", "--persistent=n", "--output-format=json2",
                        "--clear-cache-post-run=y", "--from-stdin", editor_file]
        stdin_flake8 = [PY, "-c", FLAKE8, "--isolated", f"--stdin-display-name={editor_file}", "-"]
        groups["editor"] = [
            Variant("editor pylint", stdin_pylint, 1, stdin=source),
            Variant("editor pylint+v2lint", stdin_pylint[:3] + ["--load-plugins=v2lint"] + stdin_pylint[3:], 1,
                    stdin=source),
            Variant("editor flake8", stdin_flake8, 1, env=hide, stdin=source),
            Variant("editor flake8+v2lint", stdin_flake8, 1, stdin=source),
        ]
        for name, variants in groups.items():
            if name not in args.only:
                continue
            sys.stderr.write(f"{name}:\n")
            interleave(variants, args.runs, work)
        # (a file that never mentions azureml is never analysed: nothing to break down)
        phases = editor_phases(editor_file, args.runs, work) if "editor" in args.only and v1_files else {}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    measured = {v.name: v for vs in groups.values() for v in vs if v.measures}
    rows = [
        {"variant": v.name, "files": v.files, "cpu_s": round(v.cpu, 3), "wall_s": round(v.wall, 3),
         "files_per_s": round(v.files / v.cpu, 1) if v.cpu else None, "peak_rss_mb": round(v.maxrss_mb, 1),
         "cpu_runs": [round(m.cpu, 3) for m in v.measures]}
        for v in measured.values()
    ]

    def ratio(a: str, b: str) -> float | None:
        if a in measured and b in measured and measured[b].cpu:
            return round(measured[a].cpu / measured[b].cpu, 3)
        return None

    def diff(a: str, b: str, what: str) -> float | None:
        if a in measured and b in measured:
            return round(getattr(measured[a], what) - getattr(measured[b], what), 3)
        return None

    ratios = {
        "pylint+v2lint / pylint": ratio("pylint+v2lint", "pylint"),
        "pylint only v2lint / pylint": ratio("pylint only v2lint", "pylint"),
        "flake8+v2lint / flake8": ratio("flake8+v2lint", "flake8"),
        "v2lint check / astroid build": ratio("v2lint check", "astroid build"),
        "v2lint check / ast.parse": ratio("v2lint check", "ast.parse"),
        "editor pylint: +v2lint CPU s": diff("editor pylint+v2lint", "editor pylint", "cpu"),
        "editor pylint: +v2lint wall s": diff("editor pylint+v2lint", "editor pylint", "wall"),
        "editor flake8: +v2lint CPU s": diff("editor flake8+v2lint", "editor flake8", "cpu"),
        "editor flake8: +v2lint wall s": diff("editor flake8+v2lint", "editor flake8", "wall"),
    }
    return {
        "label": args.label or (("stdlib " + platform.python_version()) if stdlib else os.path.basename(directory)),
        "directory": directory,
        "files": len(files),
        "notebooks": sum(f.endswith(".ipynb") for f in files),
        "files_mentioning_azureml": sum(mentions_azureml(f) for f in files),
        "host_files": n_host,
        "host_lines": lines,
        "editor_file": os.path.relpath(editor_file, directory),
        "editor_file_lines": line_count(editor_file),
        "runs": args.runs,
        "machine": machine(),
        "versions": versions(),
        "rows": rows,
        "ratios": {k: v for k, v in ratios.items() if v is not None},
        "editor_phases": phases,
    }


def editor_phases(path: str, runs: int, cwd: str) -> dict:
    """Median CPU seconds of each phase of v2lint in a fresh process, on one file."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([PY, "-c", PHASES, path], cwd=cwd, capture_output=True, text=True, check=True).stdout
        for phase, seconds in json.loads(out).items():
            samples.setdefault(phase, []).append(seconds)
    return {phase: round(statistics.median(values), 3) for phase, values in samples.items()}


def memory(args: argparse.Namespace) -> dict:
    directory = os.path.abspath(args.dir)
    sources = [f for f in corpus_files(directory, False, 10**9) if mentions_azureml(f)]
    if not sources:
        raise SystemExit(f"{directory}: no file mentions azureml")
    work = tempfile.mkdtemp(prefix="v2lint-memory-")
    try:
        corpus = os.path.join(work, "corpus")
        made = 0
        while made < args.memory:
            for path in sources:
                if made >= args.memory:
                    break
                copy = os.path.join(corpus, f"copy_{made // len(sources):05d}", os.path.relpath(path, directory))
                os.makedirs(os.path.dirname(copy), exist_ok=True)
                shutil.copyfile(path, copy)
                made += 1
        argv = [PY, "-m", "v2lint.cli", "check", "-q", "--exit-zero", "--no-baseline", "--format=json",
                "-o", os.path.join(work, "out.json"), "-j", str(args.jobs), corpus]
        measure = run_once(argv, work, dict(os.environ))
        if measure.returncode != 0:
            raise SystemExit(f"v2lint check: exit code {measure.returncode}")
        with open(os.path.join(work, "out.json"), encoding="utf-8") as handle:
            findings = len(json.load(handle))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "label": args.label or os.path.basename(directory), "files": made, "distinct_sources": len(sources),
        "jobs": args.jobs, "findings": findings, "cpu_s": round(measure.cpu, 1), "wall_s": round(measure.wall, 1),
        "peak_rss_mb_per_process": round(measure.maxrss_kb / 1024, 1), "machine": machine(), "versions": versions(),
    }


# --------------------------------------------------------------------------- output
def markdown(result: dict) -> str:
    out = [
        f"### {result['label']}",
        "",
        f"{result['files']} files ({result['notebooks']} notebooks, {result['files_mentioning_azureml']} mention "
        f"azureml); pylint/flake8 on the first {result['host_files']} `.py` files ({result['host_lines']} lines); "
        f"editor file `{result['editor_file']}` ({result['editor_file_lines']} lines); "
        f"median of {result['runs']} interleaved runs.",
        "",
        "| variant | files | median CPU s | median wall s | files/s (CPU) | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        out.append(f"| {row['variant']} | {row['files']} | {row['cpu_s']:.3f} | {row['wall_s']:.3f} | "
                   f"{row['files_per_s']} | {row['peak_rss_mb']:.0f} |")
    out += ["", "| ratio / difference | value |", "|---|---:|"]
    out += [f"| {name} | {value} |" for name, value in result["ratios"].items()]
    if result["editor_phases"]:
        out += ["", "Where v2lint's time goes on the editor file, in a fresh process (median CPU s):", "",
                "| phase | CPU s |", "|---|---:|"]
        out += [f"| {phase} | {seconds} |" for phase, seconds in result["editor_phases"].items()]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="a directory, or 'stdlib' for the running interpreter's standard library")
    parser.add_argument("--runs", type=int, default=10, help="interleaved rounds (at least 10; default 10)")
    parser.add_argument("--label", help="name of the corpus in the output")
    parser.add_argument("--max-files", type=int, default=300, help="first N files, sorted (default 300)")
    parser.add_argument("--host-max-lines", type=int, default=6000,
                        help="pylint and flake8 run on the first .py files up to this many lines (default 6000)")
    parser.add_argument("--only", default="pylint,flake8,v2lint,editor",
                        help="comma-separated groups to measure (default: pylint,flake8,v2lint,editor)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--memory", type=int, metavar="N",
                        help="instead: peak RSS of v2lint check on N copies of the files that mention azureml")
    parser.add_argument("--jobs", type=int, default=1, help="-j of v2lint check in --memory mode (default 1)")
    args = parser.parse_args(argv)
    if args.memory:
        result = memory(args)
        text = json.dumps(result, indent=2) + "\n"
    else:
        if args.runs < 10 and not os.environ.get("V2LINT_BENCH_SMOKE"):
            parser.error("--runs: at least 10")
        args.only = {g.strip() for g in args.only.split(",") if g.strip()}
        result = benchmark(args)
        text = markdown(result)
    sys.stdout.write(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
