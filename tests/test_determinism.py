"""The same inputs give byte-identical output: run after run, in one process
and in a fresh one, with ``-j 1`` and with worker processes.

(With and without the SDK v1 installed: the CI job with azureml-core runs
tests/test_functional.py and tests/test_sdk_installed.py against the same
expectations.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from v2lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ["tests/functional", "examples"]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """A copy of tests/functional and examples/: the runs compared see the same files."""
    copy = tmp_path_factory.mktemp("determinism") / "repo"
    (copy / ".git").mkdir(parents=True)
    for target in TARGETS:
        shutil.copytree(ROOT / target, copy / target, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _in_process(fmt: str, jobs: str, capsys, monkeypatch, snapshot: Path) -> str:
    monkeypatch.chdir(snapshot)
    status = main(["check", *TARGETS, "--format", fmt, "-j", jobs, "--no-baseline", "--exit-zero", "-q"])
    out = capsys.readouterr().out
    assert status == 0
    return out


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "report"])
def test_repeated_runs_and_jobs_are_byte_identical(fmt, capsys, monkeypatch, snapshot):
    first = _in_process(fmt, "1", capsys, monkeypatch, snapshot)
    second = _in_process(fmt, "1", capsys, monkeypatch, snapshot)
    parallel = _in_process(fmt, "2", capsys, monkeypatch, snapshot)
    assert first and "AML101" in first
    assert second == first
    assert parallel == first


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_fresh_process_matches(fmt, capsys, monkeypatch, snapshot):
    """A fresh interpreter (nothing cached by earlier tests) and -j 3 give the same bytes."""
    expected = _in_process(fmt, "1", capsys, monkeypatch, snapshot)
    outputs = [
        subprocess.run(
            [sys.executable, "-m", "v2lint.cli", "check", *TARGETS, "--format", fmt, "-j", jobs, "--no-baseline",
             "--exit-zero", "-q"],
            cwd=snapshot, capture_output=True, check=True,
        ).stdout
        for jobs in ("1", "3")
    ]
    assert outputs == [expected.encode("utf-8")] * 2


def test_order_of_arguments_does_not_matter(capsys, monkeypatch, snapshot):
    monkeypatch.chdir(snapshot)
    main(["check", *TARGETS, "--format", "json", "-j", "1", "--no-baseline", "-q"])
    forward = capsys.readouterr().out
    main(["check", *reversed(TARGETS), "--format", "json", "-j", "1", "--no-baseline", "-q"])
    assert capsys.readouterr().out == forward
