"""README.md and docs/cli.md cannot go stale: every output they show is what its command prints
now, docs/cli.md lists every option of the command, and the README's first commands work as written."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import doc_outputs  # noqa: E402


def _blocks():
    for name in doc_outputs.DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        for match in doc_outputs.blocks(text):
            slow = not match["command"].startswith("v2lint ")  # pylint and flake8: other processes' start-up
            yield pytest.param(name, match["command"], match["body"], id=f"{name}: {match['command']}",
                               marks=[pytest.mark.slow] if slow else [])


@pytest.mark.parametrize("document, command, shown", list(_blocks()))
def test_shown_output_is_what_the_command_prints(document, command, shown):
    assert shown == doc_outputs.run(command), f"{document} is stale: run python tools/doc_outputs.py"


def test_every_document_shows_outputs():
    for name in doc_outputs.DOCUMENTS:
        assert doc_outputs.blocks((ROOT / name).read_text(encoding="utf-8")), name


def _options(parser: argparse.ArgumentParser, seen: set[str]) -> set[str]:
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk of its options
        seen.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                _options(sub, seen)
    return seen


def test_cli_md_lists_every_option():
    from v2lint.cli import build_parser

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("| `")]
    missing = sorted(o for o in _options(build_parser(), set()) if not any(f"`{o}" in row.split("|")[1] for row in table))
    assert not missing, f"docs/cli.md does not list {missing}"
    for fmt in ("text", "concise", "json", "sarif", "github", "azure", "report"):
        assert f"### {fmt}" in text, fmt
    # every row of a table has the table's columns
    tables: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    for rows in tables:
        assert len({row.count("|") for row in rows}) <= 1, rows


def test_readme_starts_with_install_and_run_then_the_tests():
    first, second = doc_outputs.readme_commands()
    assert "python3 -m venv .venv" in first and "pip install ." in first
    assert first.endswith("v2lint check examples/v1-project")
    assert 'pip install -e ".[test]"' in second and second.endswith("python -m pytest")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("```sh") < text.index("\n## ")  # before anything else
    assert "pip install v2lint" not in text and "rev: v0." not in text  # not published, no tags


@pytest.mark.slow
def test_readme_first_command_as_written_in_a_fresh_copy(tmp_path):
    """Command 1 exactly as the README writes it, in a copy of the repository (a fresh venv)."""
    copy = tmp_path / "v2lint"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(sys.prefix))
    done = subprocess.run(["bash", "-c", doc_outputs.readme_commands()[0]], cwd=copy, env=env, capture_output=True,
                          text=True, check=False, timeout=900)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "examples/v1-project/deploy.py:6:6: AML101 Workspace.from_config" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["v2lint check", "pylint --load-plugins=v2lint --disable=all --enable=v2lint",
                                  "flake8 --select=AML"])
def test_example_project_commands_work_from_the_repository_root(tool):
    """The commands of examples/v1-project/README.md and the README, from the repository root
    (the repository's own pylint and flake8 configuration must not hide the example)."""
    example = (ROOT / "examples" / "v1-project" / "README.md").read_text(encoding="utf-8")
    command = f"{tool} examples/v1-project"
    assert command in example and command in (ROOT / "README.md").read_text(encoding="utf-8")
    out = doc_outputs.run(command)
    assert "examples/v1-project/deploy.py:6:" in out and "examples/v1-project/src/train.py:16:" in out


def test_configuration_shown_in_the_docs_is_accepted_and_its_error_is_real(tmp_path):
    import re

    from test_cli_helpers import v2lint

    for name in doc_outputs.DOCUMENTS:
        for block in re.findall(r"^```toml\n(.*?)^```", (ROOT / name).read_text(encoding="utf-8"), re.M | re.S):
            if "[tool.v2lint" not in block:
                continue
            (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
            done = v2lint(tmp_path, "check", "--show-settings")
            assert done.returncode == 0, (name, block, done.stderr)
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.v2lint]\nselct = ["AML1"]\n')
    done = v2lint(project, "check")
    assert done.returncode == 2
    shown = done.stderr.strip().replace(str(project), "/path/to/project")
    assert f"```text\n{shown}\n```" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
