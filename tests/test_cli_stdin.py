"""`v2lint check -`: one file from standard input, as ruff and flake8 read it (IDEs, pipes)."""

from __future__ import annotations

import json

from test_cli_helpers import NOTEBOOK_CELLS, TRAIN, make_repo, notebook, v2lint


def test_stdin_is_linted_as_the_file_it_is_named_as(tmp_path):
    root = make_repo(tmp_path / "r", {
        "pyproject.toml": '[tool.v2lint]\nignore = ["AML001"]\n[tool.v2lint.per-file-ignores]\n"legacy/*" = ["AML8"]\n',
        "src/train.py": "import os\n",  # on disk: nothing; the buffer is what counts
    })
    done = v2lint(root, "check", "-", stdin=TRAIN)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 3 and lines[0].startswith("-:3:7: AML801 ") and lines[1].startswith("-:4:1: AML802 ")
    assert "AML001" not in done.stdout  # the configuration of the current directory applies
    assert done.stdout.splitlines()[-1].startswith("Found 2 SDK v1 findings in 1 file")
    # --stdin-filename: its name, relative to the current directory; its configuration and per-file-ignores
    done = v2lint(root / "src", "check", "-", "--stdin-filename", "train.py", "--format", "concise", stdin=TRAIN)
    assert done.stdout.startswith("train.py:3:7: AML801 ")
    found = json.loads(v2lint(root, "check", "--stdin-filename", "src/train.py", "--format", "json", stdin=TRAIN).stdout)
    assert {f["path"] for f in found} == {"src/train.py"}
    done = v2lint(root, "check", "--stdin-filename", "legacy/train.py", stdin=TRAIN)
    assert done.returncode == 0 and "AML8" not in done.stdout
    # the name need not exist; other paths give way to standard input, with a note
    done = v2lint(root, "check", "src", "--stdin-filename", "new/job.py", stdin=TRAIN)
    assert "new/job.py:4:1: AML802" in done.stdout and "src ignored" in done.stderr


def test_stdin_kind_follows_the_name(tmp_path):
    root = make_repo(tmp_path / "r", {})
    done = v2lint(root, "check", "-", "--stdin-filename", "nb/explore.ipynb", stdin=notebook(*NOTEBOOK_CELLS))
    assert "nb/explore.ipynb:cell_2:1:6: AML101" in done.stdout
    done = v2lint(root, "check", "-", "--stdin-filename", "requirements-dev.txt", stdin="azureml-core==1.61\n")
    assert done.stdout.startswith("requirements-dev.txt:1:1: AML901 ")
    # without a name it is Python; a buffer that does not parse is AML000, as a file is
    done = v2lint(root, "check", "-", stdin="from azureml.core import Workspace\ndef broken(:\n")
    assert done.returncode == 1 and done.stdout.startswith("-:1:1: AML000 could not be analysed: syntax error")
    done = v2lint(root, "check", "-", "--stdin-filename", "empty.py", stdin="")
    assert done.returncode == 0 and done.stdout.startswith("Found 0 SDK v1 findings; 1 file checked.")
