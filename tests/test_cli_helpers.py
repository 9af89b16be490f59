"""Shared helpers of the `v2lint` command tests (no tests here): temporary repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from v2lint.cli import main

TRAIN = textwrap.dedent(
    """\
    from azureml.core import Run

    run = Run.get_context()
    run.log("accuracy", 0.9)
    """
)

CONTROL = textwrap.dedent(
    """\
    from azureml.core import Run, Workspace


    def workspace():
        return Workspace.from_config()


    def secret():
        return Run.get_context().get_secret("key")
    """
)

PLAIN = "import os\n\nprint(os.getcwd())\n"


def notebook(*cells, kernel: str | None = "python", single_string: bool = False) -> str:
    """Jupyter-style JSON: each cell a source string (code) or ("markdown", text)."""
    out = []
    for cell in cells:
        kind, source = ("code", cell) if isinstance(cell, str) else cell
        lines = source.splitlines(keepends=True)
        entry = {"cell_type": kind, "metadata": {}, "source": source if single_string else lines}
        if kind == "code":
            entry.update({"execution_count": None, "outputs": []})
        out.append(entry)
    metadata = {}
    if kernel:
        metadata = {
            "kernelspec": {"display_name": kernel, "language": kernel, "name": kernel},
            "language_info": {"name": kernel},
        }
    return json.dumps({"cells": out, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


NOTEBOOK_CELLS = (
    ("markdown", "# Train on Azure ML\n"),
    "%pip install azureml-core\nfrom azureml.core import Workspace, Experiment\n",
    "ws = Workspace.from_config()\n!az account show\n",
    "exp = Experiment(ws, 'demo')\n",
)


def git(repo: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )
    return completed.stdout


def make_repo(root: Path, files: dict[str, str | bytes], init_git: bool = True, commit: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if init_git:
        git(root, "init", "-q")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if commit:
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "init")
    return root


def run_cli(capsys, monkeypatch, cwd: Path, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def finding_lines(out: str) -> list[str]:
    """Text output minus the summary line."""
    return [line for line in out.splitlines() if line and not line.startswith("Found ")]


V2LINT = str(Path(sys.executable).with_name("v2lint"))  # the installed console script of this environment


def v2lint(cwd: Path, *args: str, stdin: str | bytes | None = None, env: dict | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess:
    """The installed ``v2lint`` command, as a user runs it (stdout and stderr as text)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    environment.update(env or {})
    completed = subprocess.run(
        [V2LINT, *args], cwd=cwd, input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True, check=False, env=environment, timeout=timeout,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )
