"""The ``v2lint`` command: lint a repository for Azure ML SDK v1 code.

    v2lint check [PATHS...]          lint .py, .ipynb (and dependency files); - reads stdin
    v2lint baseline [PATHS...] -o F  record today's findings
    v2lint rules [CODE|SYMBOL]       the rule table (also: v2lint --list-rules), or one rule's page
    v2lint --version

Settings: v2lint.settings; output formats: v2lint.formats; docs/cli.md compares
every option with ruff's and pylint's.

Exit codes of ``check``: 0 nothing at or above ``--fail-on``; 1 findings at
or above it; 2 usage, configuration or baseline errors; 3 an internal error
of v2lint itself (a crash: the traceback is printed, to be reported).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import sys
from typing import Iterable, Iterator, Sequence

from v2lint import __version__
from v2lint.settings import ConfigError

EXIT_OK, EXIT_FOUND, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3
SUBCOMMANDS = ("check", "baseline", "rules")
DEFAULT_BASELINE = ".v2lint-baseline.json"


class UsageError(Exception):
    """A usage or configuration problem: message on stderr, exit 2."""


# --------------------------------------------------------------------------- arguments
def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories (default: .); - reads one file from standard input")
    rules = parser.add_argument_group("rule selection (ruff's options)")
    rules.add_argument("--select", action="append", default=None, metavar="CODES",
                       help="only these codes or prefixes, comma separated (AML101, AML1, AML10, ALL); "
                            "replaces select of the configuration")
    rules.add_argument("--extend-select", action="append", default=[], metavar="CODES",
                       help="codes or prefixes added to those selected")
    rules.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help="leave out these codes or prefixes, comma separated")
    rules.add_argument("--per-file-ignores", action="append", default=None, metavar="PATTERN:CODES",
                       help="leave codes out in files matching a glob, e.g. 'tests/*:AML8,setup.py:AML901' "
                            "(replaces per-file-ignores of the configuration; globs relative to the current directory)")
    rules.add_argument("--extend-per-file-ignores", action="append", default=[], metavar="PATTERN:CODES",
                       help="like --per-file-ignores, added to those of the configuration")
    config = parser.add_argument_group("configuration")
    config.add_argument("--config", action="append", default=[], metavar="FILE|'KEY = VALUE'",
                        help="settings from FILE for every file (a pyproject.toml, or a TOML file of [tool.v2lint] keys "
                             "at its top level) instead of each file's closest pyproject.toml; or one setting as "
                             "TOML, overriding the configuration")
    config.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    config.add_argument("--force-exclude", action="store_true",
                        help="apply exclude and extend-exclude (and the directories never walked) to files named on "
                             "the command line too, as the pre-commit hook does")
    config.add_argument("--show-files", action="store_true",
                        help="print the files that would be checked (relative to the current directory), then exit")
    config.add_argument("--show-settings", action="store_true",
                        help="print the settings of the checked paths (their common directory), where each came from "
                             "and the enabled rules, then exit")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="check standard input (as with PATH -) as the file NAME: its name in the output, its "
                             "kind (.py, .ipynb, requirements.txt, ...) and the configuration and per-file-ignores "
                             "that apply to it")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="parallel worker processes (default 1; 0 = one per CPU)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no notes, progress or summary line (wherever they go: stdout in the text and concise "
                             "formats, stderr otherwise)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="v2lint",
        description="Find Azure ML SDK v1 code and name its SDK v2 (azure-ai-ml) replacement.",
    )
    parser.add_argument("--version", action="version", version=f"v2lint {__version__}")
    parser.add_argument("--list-rules", action="store_true", help="print the rule table and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint files and directories", description="Lint files and directories.")
    _add_common(check)
    check.add_argument("--format", "--output-format", choices=("text", "concise", "json", "sarif", "github", "azure", "report"),
                       default="text", metavar="FORMAT",
                       help="text (default: the full advice), concise (one line of at most 120 columns per finding), "
                            "json, sarif, github (workflow annotations), azure (Azure Pipelines logging commands), "
                            "report (Markdown migration report)")
    check.add_argument("--statistics", action="store_true",
                       help="count findings per rule instead of listing them (with --format text, concise or json)")
    check.add_argument("-o", "--output", "--output-file", metavar="FILE", help="write the output to FILE instead of stdout")
    check.add_argument("--fail-on", choices=("no-equivalent", "replacement"), default=None,
                       help="lowest tier that fails the run (default: replacement; informational never fails)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    check.add_argument("--baseline", metavar="FILE", help="report and fail only on findings not in this baseline")
    check.add_argument("--no-baseline", action="store_true", help="ignore a baseline set in the configuration")
    check.add_argument("--update-baseline", action="store_true",
                       help="prune baseline entries fixed since (only of the files checked, the rules "
                            "selected and, with --diff-against, the files changed in this run)")
    check.add_argument("--diff-against", metavar="REV",
                       help="only findings on lines changed since the git revision REV (working tree included; "
                            "in a notebook, in the code cells that changed)")
    check.add_argument("--top", type=int, default=20, metavar="N", help="files listed in the report (default 20)")
    fixing = check.add_argument_group("fixes (ruff's options)")
    fixing.add_argument("--fix", action="store_true",
                        help="apply the safe fixes in place (findings marked [*]), then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, apply the unsafe fixes too (behaviour may change: review them)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the unified diff --fix would make instead of writing; exit 1 when there is one")
    fixing.add_argument("--show-fixes", action="store_true", help="list the findings --fix fixed, per file")

    baseline = commands.add_parser(
        "baseline", help="record today's findings as the baseline",
        description="Record today's findings, so that `check --baseline` fails only on new ones.",
    )
    _add_common(baseline)
    baseline.add_argument("-o", "--output", metavar="FILE", default=None,
                          help=f"baseline file to write (default: {DEFAULT_BASELINE}, or [tool.v2lint] baseline)")

    rules = commands.add_parser("rules", help="print the rule table, or one rule's page",
                                description="Print the rule table, or the page of one rule (as ruff's `ruff rule`).")
    rules.add_argument("rule", nargs="?", metavar="CODE|SYMBOL",
                       help="a rule's code (AML101), pylint symbol (azureml-workspace) or message id (W7410)")
    rules.add_argument("--format", "--output-format", choices=("text", "json", "markdown"), default="text",
                       help="of the table; a rule's page is Markdown (text, markdown) or JSON")
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """``v2lint PATH...`` and ``v2lint --format json .`` mean ``v2lint check ...``."""
    if not argv:
        return argv
    first = argv[0]
    if first in SUBCOMMANDS or first in ("-h", "--help", "--version", "--list-rules"):
        return argv
    return ["check", *argv]


def make_selection(args: argparse.Namespace, config):
    """The rules of the run: defaults, then the configuration, then the command line (ruff's layers)."""
    from v2lint.settings import Layer, PerFileIgnore, Selection, parse_per_file_option, split_codes

    layers = [
        Layer(None if config.select is None else tuple(config.select), tuple(config.extend_select), tuple(config.ignore)),
        Layer(None if args.select is None else tuple(split_codes(args.select, "--select")),
              tuple(split_codes(args.extend_select, "--extend-select")), tuple(split_codes(args.ignore, "--ignore"))),
    ]
    cwd = os.getcwd()
    if args.per_file_ignores is None:
        per_file = [(pattern, codes, config.root) for pattern, codes in config.per_file_ignores.items()]
    else:
        per_file = [(pattern, codes, cwd) for pattern, codes in parse_per_file_option(args.per_file_ignores).items()]
    per_file += [(pattern, codes, cwd) for pattern, codes in parse_per_file_option(args.extend_per_file_ignores).items()]
    return Selection(layers, [PerFileIgnore(pattern, root, tuple(codes)) for pattern, codes, root in per_file])


# --------------------------------------------------------------------------- running
def _progress(done: int, total: int, enabled: bool) -> None:
    if not enabled:
        return
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\rv2lint [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    if done == total:
        sys.stderr.write("\r" + " " * (width + 40) + "\r")
    sys.stderr.flush()


def lint_files(files: Sequence[str], root: str, jobs: int, progress: bool):
    """FileResults of all files, in the order of ``files`` whatever -j is."""
    from v2lint.engine import lint_file

    total = len(files)
    results: dict[str, object] = {}
    strings: dict[str, str] = {}
    if jobs == 0:
        jobs = os.cpu_count() or 1
    jobs = max(1, min(jobs, total))
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
                futures = {pool.submit(lint_file, path, root): path for path in files}
                for future in as_completed(futures):
                    try:
                        results[futures[future]] = future.result().share_strings(strings)
                    except BrokenProcessPool:
                        break
                    except Exception:  # noqa: BLE001 - a worker failure: redo that file in-process
                        continue
                    _progress(len(results), total, progress)
        except (BrokenProcessPool, OSError):
            pass  # the files not done yet are linted in this process below
    for path in files:
        if path not in results:
            results[path] = lint_file(path, root).share_strings(strings)
            _progress(len(results), total, progress)
    return [results[path] for path in files]


class Resolved:
    """Where a run looks and what it keeps: the paths, the repository, the configuration, the rules."""

    def __init__(self, args: argparse.Namespace) -> None:
        from v2lint import discovery, settings

        self.paths = args.paths or ["."]
        self.notes: list[str] = []
        # `v2lint check -`, or --stdin-filename: one file from standard input, as ruff reads it
        self.stdin = args.stdin_filename is not None or self.paths == ["-"]
        if self.stdin:
            self.notes += [f"{p} ignored: the file to check comes from standard input" for p in args.paths if p != "-"]
            self.stdin_path = os.path.abspath(args.stdin_filename or "stdin")
            absolute = [self.stdin_path]
        else:
            for path in self.paths:
                if not os.path.lexists(path):  # a dangling link given is reported as AML000
                    from v2lint.safe_io import printable

                    raise UsageError(f"{printable(path)}: no such file or directory"
                                     + (" (`-` alone reads standard input)" if path == "-" else ""))
            absolute = [os.path.abspath(p) for p in self.paths]
        anchor = os.path.commonpath(absolute) if len(absolute) > 1 else absolute[0]
        if not os.path.isdir(anchor):
            anchor = os.path.dirname(anchor)
        self.args = args
        self._selections: dict[int, object] = {}  # per configuration (by identity: the resolver keeps each once)
        self._excludes: dict[int, list] = {}
        self.resolver = settings.Resolver(args.config, args.isolated)
        self.config = self.resolver.for_directory(anchor)  # the run's: fail-on, baseline, --show-settings
        self.selection = self.selection_for(anchor)
        discovered = self.config.path and os.path.dirname(self.config.path) == self.config.root
        self.root = discovery.repo_root(anchor, self.config.root if discovered else None)

    def selection_for(self, path: str):
        """The rules for ``path``'s settings (each configuration's, under the command line's)."""
        config = self.resolver.for_directory(path if os.path.isdir(path) else os.path.dirname(path))
        if id(config) not in self._selections:
            self._selections[id(config)] = make_selection(self.args, config)
        return self._selections[id(config)]

    def _exclude_for(self, directory: str) -> list:
        config = self.resolver.for_directory(directory)
        if id(config) not in self._excludes:
            self._excludes[id(config)] = config.exclude_rules()
        return self._excludes[id(config)]

    def show(self) -> str:
        enabled = self.selection.enabled_codes()
        return self.config.show() + f"# enabled rules ({len(enabled)}): {', '.join(enabled)}\n"

    def files(self) -> list[str]:
        """Absolute paths of the files the run checks (the walk, or standard input's name)."""
        from v2lint import discovery

        if self.stdin:
            return [self.stdin_path]
        return list(discovery.walk(self.paths, self._exclude_for, self.root, dependency_files=True,
                                   force_exclude=self.args.force_exclude))


def _die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it is gone (killed with -9,
    say): a daemon thread watches the parent id."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="v2lint-parent-watch", daemon=True).start()


class Run:
    """Everything one `check` or `baseline` run found, filtered."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        resolved = Resolved(args)
        self.root, self.config = resolved.root, resolved.config
        self.notes: list[str] = list(resolved.notes)
        self.progress = sys.stderr.isatty() and not args.quiet
        self.files = resolved.files()
        if resolved.stdin:
            from v2lint.engine import lint_file
            from v2lint.results import STDIN_DISPLAY, display_path

            display = display_path(resolved.stdin_path, self.root) if args.stdin_filename else STDIN_DISPLAY
            file_results = [lint_file(resolved.stdin_path, self.root, sys.stdin.buffer.read(), display)]
        else:
            file_results = lint_files(self.files, self.root, args.jobs, self.progress)
        self.checked_paths = {fr.path for fr in file_results}
        # files that could not be analysed (all their findings, whatever --select)
        self.unanalysable_paths = {fr.path for fr in file_results if any(r.code == "AML000" for r in fr.results)}
        self._selected: dict[str, tuple[object, str]] = {}  # display path -> (its selection, its path)
        results = []
        for path, file_result in zip(self.files, file_results):
            self.notes.extend(file_result.notes)
            selection = resolved.selection_for(path)
            self._selected[file_result.path] = (selection, path)
            results.extend(r for r in file_result.results if selection.wanted(r.code, path))
        self.results = sorted(results, key=lambda r: r.sort_key)

    def wanted(self, code: str, display: str) -> bool:
        """Whether this run reported ``code`` in the checked file ``display``."""
        selection, path = self._selected[display]
        return selection.wanted(code, path)

    def emit_notes(self) -> None:
        if self.args.quiet:
            return
        for note in self.notes:
            print(f"v2lint: note: {note}", file=sys.stderr)


def _fails(code: str, fail_on: str) -> bool:
    from v2lint.catalogue import Tier
    from v2lint.formats import tier_of

    tier = tier_of(code)
    if tier is Tier.INFO:
        return False
    if fail_on == "no-equivalent":
        return tier in (Tier.NO_EQUIVALENT, Tier.UNANALYSABLE)
    return True


def _write_output(pieces: Iterable[str], output: str | None) -> None:
    if output is None:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
        return
    from v2lint import safe_io

    try:
        safe_io.write_text(output, pieces)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error}") from None


def _in_repository(run: Run, path: str | None) -> str | None:
    """A baseline path the repository chose (its [tool.v2lint], or the default
    name) must resolve inside it, symlinks included; one given on the command
    line is the user's own choice."""
    if path is None:
        return None
    from v2lint import discovery, safe_io

    origin = run.config.root if run.config.path else os.getcwd()
    try:
        return safe_io.confined(path, discovery.repo_root(origin), "the configured baseline")
    except safe_io.UnsafePath as error:
        raise UsageError(error.strerror) from None


def command_check(args: argparse.Namespace) -> int:
    from v2lint import formats
    from v2lint.baseline import Baseline, BaselineError

    if args.top < 0:
        raise UsageError("--top must be 0 or more")
    if args.statistics and args.format not in ("text", "concise", "json"):
        raise UsageError(f"--statistics works with --format text, concise or json, not {args.format}")
    run = Run(args)
    fail_on = args.fail_on or run.config.fail_on or "replacement"
    baseline_path = None if args.no_baseline else (args.baseline or _in_repository(run, run.config.baseline_path))
    if args.update_baseline and not baseline_path:
        raise UsageError("--update-baseline needs --baseline FILE")
    baseline = None
    if baseline_path:
        try:
            baseline = Baseline.load(baseline_path)
        except BaselineError as error:
            raise UsageError(str(error)) from None

    fixed_count = 0
    if args.fix or args.diff:
        fixed = _fix_files(run, args)
        if args.diff:
            return _print_diffs(fixed, run)
        fixed_count = sum(f.removed for f in fixed.values())
        if args.show_fixes and not args.quiet:
            _show_fixes(fixed)
    results = run.results
    changes = None
    if args.diff_against:
        from v2lint.changes import ChangesError, changed_since

        try:
            changes = changed_since(run.root, args.diff_against)
        except ChangesError as error:
            raise UsageError(str(error)) from None
        results = [
            r for r in results
            if (r.code == "AML000" and changes.file_changed(r.path)) or changes.touches(r.path, r.line, r.cell)
        ]

    summary = formats.Summary(files_checked=len(run.files), all_results=results, fail_on=fail_on, top=args.top,
                              unsafe_fixes=args.unsafe_fixes, fixed=fixed_count)
    reported = results
    if baseline is not None:
        from v2lint.baseline import Scope

        scope = Scope(frozenset(run.checked_paths), run.wanted, frozenset(run.unanalysable_paths),
                      changes.file_changed if changes is not None else None)
        comparison = baseline.compare(results, scope, run.results)
        reported = comparison.new
        summary.baseline_path = baseline_path
        summary.known = len(comparison.known)
        summary.stale = comparison.stale_count
        summary.stale_keys = sorted(comparison.stale)
        if args.update_baseline:
            pruned = baseline.pruned(run.results, scope)
            if pruned.counts != baseline.counts:
                pruned.save(baseline_path)
            summary.baseline_updated = True
    summary.failing = sum(1 for r in reported if _fails(r.code, fail_on))

    run.emit_notes()
    status = EXIT_FOUND if summary.failing and not args.exit_zero else EXIT_OK
    try:
        _write_output(_formatted(args, reported, summary, run.root), args.output)
    except BrokenPipeError:  # `v2lint check | head`: the reader has enough; the verdict stands
        _silence_stdout()
        return status
    if (args.format not in formats.TERMINAL_FORMATS or args.output) and not args.quiet:
        print(f"v2lint: {formats.summary_line(reported, summary)}", file=sys.stderr)
    if baseline is not None and summary.stale and not args.quiet:
        print(f"v2lint: {summary.stale} baseline entr{'y' if summary.stale == 1 else 'ies'} fixed since the baseline:",
              file=sys.stderr)
        for key in summary.stale_keys[:20]:
            path, code, qname, _ = key
            print(f"    {path}: {code} {qname}", file=sys.stderr)
        if len(summary.stale_keys) > 20:
            print(f"    ... and {len(summary.stale_keys) - 20} more", file=sys.stderr)
    return status


def _fix_files(run: Run, args: argparse.Namespace) -> dict:
    """Fix the files with applicable fixes; with --fix write them and lint them
    again, so the run reports what remains. Display path -> fixing.Fixed."""
    from v2lint import fixing, notebook_fixing
    from v2lint.catalogue import Applicability
    from v2lint.engine import lint_file

    candidates = {r.path for r in run.results
                  if r.fix is not None and (args.unsafe_fixes or r.fix.applicability is Applicability.SAFE)}
    fixed = {}
    for display in sorted(candidates):
        selection, path = run._selected[display]
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            run.notes.append(f"{display}: not fixed: {error.strerror or error}")
            continue
        fix = notebook_fixing.fix_notebook if path.endswith(".ipynb") else fixing.fix_file
        result = fix(data, path, display, args.unsafe_fixes, lambda code: selection.wanted(code, path))
        if result is None:
            continue
        if result.note:
            run.notes.append(f"{display}: {result.note}")
        if not result.applied:
            continue
        result.original = data
        fixed[display] = result
        if args.diff:
            continue
        try:
            with open(path, "wb") as handle:
                handle.write(fixing.encode(result))
        except OSError as error:
            run.notes.append(f"{display}: not fixed: {error.strerror or error}")
            del fixed[display]
            continue
        again = lint_file(path, run.root)
        before = sum(1 for r in run.results if r.path == display)
        after = [r for r in again.results if selection.wanted(r.code, path)]
        result.removed = before - len(after)
        run.results = sorted(
            [r for r in run.results if r.path != display]
            + after,
            key=lambda r: r.sort_key,
        )
    return fixed


def _print_diffs(fixed: dict, run: Run) -> int:
    """--diff: the unified diff of each file --fix would change; 1 when there is one."""
    import difflib

    run.emit_notes()
    for display, result in sorted(fixed.items()):
        before = result.original.decode("utf-8-sig").splitlines(keepends=True)
        after = result.text.lstrip("\ufeff").splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(before, after, f"a/{display}", f"b/{display}"))
    if not run.args.quiet:
        count = sum(len(r.applied) for r in fixed.values())
        print(f"v2lint: {count} fix{'es' if count != 1 else ''} would change {len(fixed)} file{'s' if len(fixed) != 1 else ''}",
              file=sys.stderr)
    return EXIT_FOUND if fixed else EXIT_OK


def _show_fixes(fixed: dict) -> None:
    """--show-fixes: what --fix did, per file and rule (ruff's layout), on stderr."""
    from collections import Counter

    from v2lint import formats

    total = sum(len(r.applied) for r in fixed.values())
    print(f"Fixed {total} finding{'s' if total != 1 else ''}:", file=sys.stderr)
    for display, result in sorted(fixed.items()):
        print(f"- {display}:", file=sys.stderr)
        for code, count in sorted(Counter(code for code, _ in result.applied).items()):
            print(f"    {count} \u00d7 {code} ({formats.symbol_of(code)})", file=sys.stderr)


def _formatted(args: argparse.Namespace, results: list, summary, root: str) -> Iterable[str]:
    """The output of ``check`` in its format: SARIF and JSON name paths from the repository root
    (what code scanning and tools need), the formats people read from the current directory."""
    from v2lint import formats

    if args.format == "sarif":
        return formats.sarif(results, summary, pathlib.Path(root).as_uri() + "/")
    if args.format in ("json", "report"):
        return (formats.statistics_json if args.statistics else formats.FORMATS[args.format])(results, summary)
    cwd = os.getcwd()
    results = formats.relative_to(results, root, cwd)
    if args.format == "azure":
        return formats.azure(results, summary, root=cwd, exit_zero=args.exit_zero)
    if args.format == "github":
        return formats.github(results, summary)
    style = formats.Style(args.output is None and formats.colour_wanted(sys.stdout))
    render = formats.statistics_text if args.statistics else formats.FORMATS[args.format]
    return render(results, summary, quiet=args.quiet, style=style)


def _silence_stdout() -> None:
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
    except OSError:
        pass


def command_baseline(args: argparse.Namespace) -> int:
    from v2lint.baseline import Baseline

    run = Run(args)
    target = args.output or _in_repository(run, run.config.baseline_path or DEFAULT_BASELINE)
    baseline = Baseline.from_results(run.results)
    try:
        baseline.save(target)
    except OSError as error:
        raise UsageError(f"cannot write baseline {target}: {error}") from None
    run.emit_notes()
    if not args.quiet:
        files = len({r.path for r in run.results})
        print(f"v2lint: recorded {len(run.results)} findings in {files} files "
              f"({len(run.files)} checked) to {target}", file=sys.stderr)
    return EXIT_OK


def command_rules(fmt: str, name: str | None = None) -> int:
    from v2lint import formats

    if name is None:
        sys.stdout.write(formats.rules_table(fmt))
        return EXIT_OK
    rule = formats.find_rule(name)
    if rule is None:
        from v2lint.catalogue import RULES
        from v2lint.settings import did_you_mean

        known = [n for r in RULES for n in (r.code, r.symbol)]
        raise UsageError(f"no rule {name!r}{did_you_mean(name.upper() if name[:3].lower() == 'aml' else name, known)}"
                         "; `v2lint rules` lists them")
    page = formats.rule_page(rule)
    if fmt == "json":
        page = json.dumps({**formats.rule_dict(rule), "explanation": page}, indent=2) + "\n"
    sys.stdout.write(page)
    return EXIT_OK


class _Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so temporary files are removed."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


@contextlib.contextmanager
def _terminations_unwind() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`_Terminated` while the command runs (so
    ``finally`` blocks remove temporary files); the previous handlers come back
    after, for a caller that runs ``main()`` in its own process."""
    import signal
    import threading

    previous = {}
    if threading.current_thread() is threading.main_thread():
        def stop(number, _frame):
            raise _Terminated(number)

        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) in (signal.SIG_DFL, None):
                previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def main(argv: Sequence[str] | None = None) -> int:
    with _terminations_unwind():
        return _main(list(sys.argv[1:] if argv is None else argv))


def _main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(_normalise_argv(argv))
    except SystemExit as exit_:  # argparse: --help/--version exit 0, usage errors 2
        return int(exit_.code or 0)
    try:
        if args.list_rules:
            return command_rules("text")
        if args.command == "rules":
            return command_rules(args.format, args.rule)
        if getattr(args, "show_settings", False):
            sys.stdout.write(Resolved(args).show())
            return EXIT_OK
        if getattr(args, "show_files", False):
            cwd = os.getcwd()
            from v2lint.safe_io import printable

            sys.stdout.writelines(printable(os.path.relpath(path, cwd).replace(os.sep, "/")) + "\n"
                                  for path in Resolved(args).files())
            return EXIT_OK
        if args.command == "check":
            return command_check(args)
        if args.command == "baseline":
            return command_baseline(args)
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    except (UsageError, ConfigError) as error:
        print(f"v2lint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("v2lint: interrupted", file=sys.stderr)
        return 130
    except _Terminated as signal_:
        print(f"v2lint: stopped by signal {signal_.number}", file=sys.stderr)
        return 128 + signal_.number
    except BrokenPipeError:  # outside check's output (the rule table, --show-settings): nothing was found
        _silence_stdout()
        return EXIT_OK
    except Exception:  # noqa: BLE001 - a crash is not "findings": its own status, and how to report it
        import traceback

        traceback.print_exc()
        print(f"v2lint: internal error: this is a bug in v2lint {__version__}, not a problem of the code checked; "
              "please report it with the traceback above, the command line and `v2lint --version` "
              f"(exit {EXIT_CRASH})", file=sys.stderr)
        return EXIT_CRASH


if __name__ == "__main__":
    sys.exit(main())
