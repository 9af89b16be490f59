"""Edges of the gate, through the installed command: --diff-against's errors and notebooks,
the exit status after a closed pipe, help texts that say what happens."""

from __future__ import annotations

import json
import subprocess

from test_cli_helpers import NOTEBOOK_CELLS, TRAIN, V2LINT, git, make_repo, notebook, v2lint


def test_diff_against_errors_name_the_revision_and_the_shallow_clone(tmp_path):
    root = make_repo(tmp_path / "r", {"train.py": TRAIN}, commit=True)
    for number in range(2):
        (root / "train.py").write_text(TRAIN + f"# {number}\n")
        git(root, "commit", "-q", "-am", f"change {number}")
    done = v2lint(root, "check", "--diff-against", "origin/mian")
    assert done.returncode == 2
    assert f"--diff-against origin/mian: no such revision in {root}" in done.stderr
    assert "shallow" not in done.stderr and "Traceback" not in done.stderr
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(shallow)], check=True)
    done = v2lint(shallow, "check", "--diff-against", "HEAD~2")
    assert done.returncode == 2
    assert "--diff-against HEAD~2: no such revision" in done.stderr
    assert "shallow clone" in done.stderr and "git fetch --unshallow" in done.stderr
    assert "fetch-depth: 0" in done.stderr
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    (outside / "a.py").write_text(TRAIN)
    done = v2lint(outside, "check", "--diff-against", "HEAD")
    assert done.returncode == 2 and "not in a git repository" in done.stderr


def test_notebook_counts_only_in_cells_whose_source_changed(tmp_path):
    root = make_repo(tmp_path / "r", {"nb.ipynb": notebook(*NOTEBOOK_CELLS)}, commit=True)
    executed = json.loads(notebook(*NOTEBOOK_CELLS))
    for number, cell in enumerate(c for c in executed["cells"] if c["cell_type"] == "code"):
        cell.update(execution_count=number + 7, outputs=[{"output_type": "stream", "name": "stdout", "text": "x\n"}])
    (root / "nb.ipynb").write_text(json.dumps(executed, indent=1))
    done = v2lint(root, "check", "--diff-against", "HEAD")
    assert done.returncode == 0 and done.stdout.startswith("Found 0 SDK v1 findings"), done.stdout
    # an edited line of cell 2 counts, the unchanged line above it does not
    cells = list(NOTEBOOK_CELLS)
    cells[2] = "ws = Workspace.from_config()\nexp = Experiment(ws, 'x')\n!az account show\n"
    (root / "nb.ipynb").write_text(notebook(*cells))
    done = v2lint(root, "check", "--diff-against", "HEAD", "--format", "json")
    assert {(f["cell"], f["line"], f["code"]) for f in json.loads(done.stdout)} == {(2, 2, "AML201")}
    # renamed and edited: compared with its old self, not counted whole
    git(root, "mv", "nb.ipynb", "renamed.ipynb")
    done = v2lint(root, "check", "--diff-against", "HEAD", "--format", "json")
    assert {(f["path"], f["cell"], f["line"]) for f in json.loads(done.stdout)} == {("renamed.ipynb", 2, 2)}


def test_exit_status_after_a_closed_pipe_keeps_findings(tmp_path):
    root = make_repo(tmp_path / "r", {"train.py": TRAIN + 'run.log("x", 1)\n' * 2000})
    process = subprocess.Popen([V2LINT, "check"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()  # `v2lint check | head -1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 1, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    clean = make_repo(tmp_path / "clean", {"a.py": "import os\n" * 5000})
    process = subprocess.Popen([V2LINT, "rules"], cwd=clean, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    assert process.wait(timeout=300) == 0 and b"Traceback" not in process.stderr.read()


def test_help_says_where_the_summary_goes(tmp_path):
    helped = v2lint(tmp_path, "check", "--help").stdout
    assert "summary line (wherever they go: stdout in the text and concise formats" in " ".join(helped.split())
    root = make_repo(tmp_path / "r", {"train.py": TRAIN})
    text = v2lint(root, "check")
    assert text.stdout.splitlines()[-1].startswith("Found ") and text.stderr == ""
    quiet = v2lint(root, "check", "-q")
    assert not any(line.startswith("Found ") for line in quiet.stdout.splitlines()) and quiet.stderr == ""
    machine = v2lint(root, "check", "--format", "json")
    assert machine.stderr.startswith("v2lint: Found ")
    assert v2lint(root, "check", "--format", "json", "-q").stderr == ""


def test_pre_commit_hook_selects_the_files_a_directory_walk_checks():
    """The hook's `files` pattern and v2lint's own choice of files agree (both directions)."""
    import re
    from pathlib import Path

    import pytest

    yaml = pytest.importorskip("yaml")
    from v2lint.discovery import PYTHON_SUFFIXES, is_dependency_file

    (hook,) = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    assert hook["require_serial"] is True and hook["types"] == ["text"]
    assert hook["entry"] == "v2lint check --force-exclude"  # the configuration's exclude holds for staged files
    pattern = re.compile(hook["files"])
    names = [
        "train.py", "pkg/job.py", "nb/explore.ipynb", "requirements.txt", "requirements-dev.txt", "reqs/requirements.in",
        "Requirements.TXT", "pyproject.toml", "sub/setup.cfg", "setup.py", "environment.yml", "conda-env.yaml",
        "env/conda.yml", "README.md", "config.yml", "data.json", "notes.txt", "mysetup.py.bak", "Dockerfile",
        "my-requirements.txt", "ci/azure-pipelines.yml", "setup.cfg.orig", "requirements.txt.lock",
    ]
    for name in names:
        base = name.rsplit("/", 1)[-1]
        walked = base.endswith(PYTHON_SUFFIXES) or is_dependency_file(base)
        assert bool(pattern.search(name)) == walked, name
