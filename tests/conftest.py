"""Shared helpers: functional example files, their expectation comments and golden output.

A functional file marks each expected finding at the end of its line with the
pylint symbols of the rules, as pylint's own functional tests do:
``ws = Workspace.from_config()  # [azureml-workspace]``. A line with two findings
lists both: ``# [azureml-run-context, azureml-run-logging]``.

Beside each functional file, a ``.txt`` of the same name holds every finding in
full, in the format of pylint's functional tests
(``symbol:line:column:end_line:end_column:obj:message:confidence``); see
tests/functional/README.md.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pylint.testutils.output_line import OutputLine

from v2lint.catalogue import RULES_BY_CODE

FUNCTIONAL = Path(__file__).parent / "functional"
UPDATE_GOLDEN = "python -m pytest tests/test_functional.py --update-golden"
_EXPECTATION = re.compile(r"#\s*\[([a-z\-, ]+)\]\s*$")


def functional_files() -> list[Path]:
    return sorted(FUNCTIONAL.rglob("*.py"))


def expected_findings(path: Path) -> Counter:
    """(line, symbol) pairs the expectation comments of a file ask for."""
    found: Counter = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _EXPECTATION.search(line)
        if match:
            for symbol in match.group(1).split(","):
                found[(number, symbol.strip())] += 1
    return found


def as_symbols(findings) -> Counter:
    return Counter((f.line, RULES_BY_CODE[f.code].symbol) for f in findings)


def pytest_addoption(parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden .txt of each functional file from the analysis instead of comparing")


class _GoldenDialect(csv.excel):
    """pylint's own for functional output (pylint.testutils.functional.LintModuleOutputUpdate)."""

    delimiter = ":"
    lineterminator = "\n"


def golden_file(path: Path) -> Path:
    return path.with_suffix(".txt")


def _in_reading_order(line: OutputLine) -> tuple:
    return line.lineno, line.column, line.to_csv()  # the whole line breaks ties: one order on every path


def finding_lines(findings) -> list[OutputLine]:
    """Findings as pylint's functional output lines; v2lint reports no ``obj``."""
    lines = (OutputLine(f.rule.symbol, f.line, f.col, f.end_line, f.end_col, "", f.message, f.confidence)
             for f in findings)
    return sorted(lines, key=_in_reading_order)


def pylint_lines(messages: list[dict]) -> list[OutputLine]:
    """pylint's json2 messages as functional output lines."""
    lines = (OutputLine(m["symbol"], m["line"], m["column"], m["endLine"], m["endColumn"], m["obj"],
                        m["message"], m["confidence"]) for m in messages)
    return sorted(lines, key=_in_reading_order)


def as_csv(rows) -> list[str]:
    """Rows as the lines of a golden file, one string each."""
    text = io.StringIO()
    csv.writer(text, dialect=_GoldenDialect).writerows(rows)
    return text.getvalue().splitlines(keepends=True)


def golden_lines(path: Path) -> list[str]:
    """The lines of ``path``'s golden file."""
    golden = golden_file(path)
    assert golden.exists(), f"{golden.name} is missing: {UPDATE_GOLDEN}"
    return golden.read_text(encoding="utf-8").splitlines(keepends=True)


def golden_rows(path: Path) -> list[list[str]]:
    """The fields of each line of ``path``'s golden file."""
    return list(csv.reader(golden_lines(path), dialect=_GoldenDialect))


def assert_same_lines(expected: list[str], actual: list[str], path: Path, produced_by: str) -> None:
    """Fail with a unified diff from ``path``'s golden file to what ``produced_by`` printed."""
    if actual != expected:
        golden = golden_file(path).relative_to(FUNCTIONAL.parent.parent)
        diff = "".join(difflib.unified_diff(expected, actual, str(golden), produced_by))
        pytest.fail(f"{produced_by} differs from {golden}:\n{diff}\n"
                    f"If the change is intended, regenerate the golden files: {UPDATE_GOLDEN}", pytrace=False)


def run_pylint_stdin(path: Path, source: str | None = None, *extra: str) -> list[dict]:
    """pylint as the VS Code extension runs it: json2, --from-stdin."""
    import json

    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=v2lint", "--disable=all", "--enable=v2lint",
         "--output-format=json2", "--persistent=n", "--score=n", *extra, "--from-stdin", str(path)],
        input=source if source is not None else path.read_text(encoding="utf-8"),
        capture_output=True, text=True, check=False, cwd=path.parent,
    )
    assert result.returncode < 32, result.stderr  # 32 = usage error; 1..31 are message bits
    return json.loads(result.stdout)["messages"]


def run_flake8_stdin(path: Path, source: str | None = None, *extra: str) -> list[str]:
    """flake8 as IDEs run it: the buffer on stdin, the real path as display name."""
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=AML", "--isolated", *extra,
         f"--stdin-display-name={path}", "-"],
        input=source if source is not None else path.read_text(encoding="utf-8"),
        capture_output=True, text=True, check=False, cwd=path.parent,
    )
    assert result.returncode in (0, 1), result.stderr
    return [line for line in result.stdout.splitlines() if line.strip()]


V2LINT = str(Path(sys.executable).parent / "v2lint")  # the installed command, as users run it


def run_v2lint(cwd: Path, *args: str, prefix: tuple[str, ...] = (), timeout: float = 300,
               **kwargs) -> subprocess.CompletedProcess:
    """The installed ``v2lint`` command in a fresh process; never a traceback."""
    kwargs.setdefault("text", True)
    result = subprocess.run([*prefix, V2LINT, *args], cwd=cwd, capture_output=True, check=False,
                            timeout=timeout, **kwargs)
    err = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return result


def empty_repo(tmp_path: Path) -> Path:
    """``tmp_path/repo``, a repository (``.git``) with nothing in it yet."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").mkdir()
    return root


def marker_project(tmp_path_factory, name: str) -> tuple[Path, Path, Path]:
    """(base, markers, project): a directory for marker files that code writes
    when it runs, and an empty repository (``.git``) beside it."""
    base = tmp_path_factory.mktemp(name)
    markers = base / "markers"
    markers.mkdir()
    project = base / "project"
    project.mkdir()
    (project / ".git").mkdir()
    return base, markers, project


@pytest.fixture(params=functional_files(), ids=lambda p: str(p.relative_to(FUNCTIONAL)))
def functional_file(request) -> Path:
    return request.param
