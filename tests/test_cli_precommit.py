"""The pre-commit hook, installed by real pre-commit from this repository's git HEAD."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli_helpers import NOTEBOOK_CELLS, TRAIN, git, make_repo, notebook

PROJECT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True,
        check=False, timeout=900,
    )


@pytest.fixture(scope="module")
def head() -> str:
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("needs git and the project's git repository")
    if not (PROJECT / ".pre-commit-hooks.yaml").exists():
        pytest.skip("no .pre-commit-hooks.yaml")
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_pre_commit_hook_fails_then_passes_with_a_baseline(tmp_path, head):
    home = tmp_path / "pre-commit-home"
    repo = make_repo(
        tmp_path / "user-repo",
        {
            "train.py": TRAIN, "nb/explore.ipynb": notebook(*NOTEBOOK_CELLS),
            "README.md": "demo of azureml.core\n",  # not a file v2lint reads: never passed to it
            "requirements.txt": "azureml-core==1.61.0\n", "env/conda.yml": "dependencies:\n  - pip:\n    - azureml-sdk\n",
            **{f"pkg/m{i}.py": TRAIN for i in range(12)},  # enough files for pre-commit to split a parallel hook
            "pyproject.toml": '[tool.v2lint]\nexclude = ["legacy/"]\n', "legacy/old.py": TRAIN,
        },
    )
    git(repo, "add", "-A")

    tried = _pre_commit(repo, home, "try-repo", str(PROJECT), "v2lint", "--ref", head, "--all-files")
    output = tried.stdout + tried.stderr
    assert tried.returncode == 1, output
    assert "train.py:4:1: AML802" in output
    assert "nb/explore.ipynb:cell_1:2:1: AML001" in output
    # dependency files too, and one summary for the whole run
    assert "requirements.txt:1:1: AML901" in output and "env/conda.yml:3:" in output
    assert "README.md" not in output
    assert "legacy/old.py" not in output  # the configuration's exclude holds for the files pre-commit passes
    assert output.count("Found ") == 1, output

    baseline = subprocess.run(
        [sys.executable, "-m", "v2lint.cli", "baseline", ".", "-o", ".v2lint-baseline.json"],
        cwd=repo, capture_output=True, text=True, check=False,
    )
    assert baseline.returncode == 0, baseline.stderr
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"-   repo: {PROJECT}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "    -   id: v2lint\n"
        "        args: [--baseline, .v2lint-baseline.json]\n"
    )
    git(repo, "add", "-A")
    passed = _pre_commit(repo, home, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    # new v1 code in a staged file fails, naming only the new call
    (repo / "train.py").write_text(TRAIN + 'run.log("loss", 0.5)\n')
    git(repo, "add", "train.py")
    failed = _pre_commit(repo, home, "run")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "train.py:5:1: AML802" in output
    assert "train.py:4:1" not in output
