"""v2lint never imports or runs the user's code or the SDK v1.

A fake ``azureml`` package whose ``azureml/__init__.py`` and
``azureml/core/__init__.py`` write a marker file and raise is put first on
PYTHONPATH, next to user modules with import-time side effects (each writes a
marker); pylint, flake8 and ``v2lint check`` lint v1 code that imports all of
them, in fresh processes. No marker may appear, and the findings must equal
those of the same runs without the fake package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FUNCTIONAL, marker_project

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

SIDE_EFFECT = """\
import pathlib
pathlib.Path({marker!r}).joinpath({name!r}).write_text("imported")
raise RuntimeError({name!r} + " must never be imported by a linter")
"""


def _write_side_effect(path: Path, markers: Path, name: str, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SIDE_EFFECT.format(marker=str(markers), name=name) + extra, encoding="utf-8")


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    base, markers, project = marker_project(tmp_path_factory, "no_execution")
    fake = base / "fake_site"
    _write_side_effect(fake / "azureml" / "__init__.py", markers, "azureml")
    _write_side_effect(fake / "azureml" / "core" / "__init__.py", markers, "azureml.core",
                       "\nclass Workspace:\n    pass\n")
    _write_side_effect(fake / "azureml" / "pipeline" / "core" / "__init__.py", markers, "azureml.pipeline.core")

    for source in sorted(FUNCTIONAL.glob("*.py")):
        shutil.copy(source, project / source.name)
    shutil.copytree(FUNCTIONAL / "mlops_pkg", project / "mlops_pkg")
    # user modules with import-time side effects, imported by linted v1 code
    _write_side_effect(project / "helpers.py", markers, "helpers",
                       "\nfrom azureml.core import Workspace\n\ndef get_ws():\n    return Workspace.from_config()\n")
    _write_side_effect(project / "userpkg" / "__init__.py", markers, "userpkg")
    _write_side_effect(project / "userpkg" / "aml.py", markers, "userpkg.aml",
                       "\nfrom azureml.core import Run\n\ndef context():\n    return Run.get_context()\n")
    _write_side_effect(project / "setup.py", markers, "setup.py", "\n# azureml-core==1.61.0\n")
    _write_side_effect(project / "conftest.py", markers, "conftest")
    (project / "uses_side_effects.py").write_text(
        "import helpers\nfrom userpkg.aml import context\nimport userpkg\n"
        "from azureml.core import Experiment\n"
        "ws = helpers.get_ws()\n"
        "context().log('loss', 0.1)\n"
        "Experiment(ws, 'e').submit(None)\n"
        "ws.get_default_datastore()\n",
        encoding="utf-8",
    )
    return base, markers, fake, project


def _env(fake: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    if fake is not None:
        env["PYTHONPATH"] = str(fake)
    return env


def _files(project: Path) -> list[str]:
    return sorted(str(p.relative_to(project)) for p in project.rglob("*.py") if ".git" not in p.parts)


def _pylint(project: Path, fake: Path | None) -> list:
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=v2lint", "--disable=all", "--enable=v2lint",
         "--output-format=json2", "--persistent=n", "--score=n", *_files(project)],
        cwd=project, env=_env(fake), capture_output=True, text=True, check=False,
    )
    assert result.returncode < 32, result.stderr
    messages = json.loads(result.stdout)["messages"]
    return sorted((m["path"], m["line"], m["column"], m["symbol"], m["message"]) for m in messages)


def _flake8(project: Path, fake: Path | None) -> list:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=AML", "--isolated", *_files(project)],
        cwd=project, env=_env(fake), capture_output=True, text=True, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return sorted(result.stdout.splitlines())


def _v2lint(project: Path, fake: Path | None, jobs: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "v2lint.cli", "check", ".", "--format", "json", "-j", jobs, "--no-baseline"],
        cwd=project, env=_env(fake), capture_output=True, text=True, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


@pytest.mark.parametrize("front_end", ["pylint", "flake8", "v2lint", "v2lint -j 2"])
def test_nothing_is_imported_and_findings_are_unchanged(front_end, setup):
    _, markers, fake, project = setup
    run = {
        "pylint": lambda f: _pylint(project, f),
        "flake8": lambda f: _flake8(project, f),
        "v2lint": lambda f: _v2lint(project, f, "1"),
        "v2lint -j 2": lambda f: _v2lint(project, f, "2"),
    }[front_end]
    without = run(None)
    with_fake = run(fake)
    assert sorted(p.name for p in markers.iterdir()) == []
    assert with_fake == without
    assert "azureml" in str(without)  # the runs found the v1 code
    if front_end == "pylint":
        lines = {(path, line, symbol) for path, line, _, symbol, _ in without}
        # through the user modules too: names resolved, modules never run
        assert ("uses_side_effects.py", 6, "azureml-run-logging") in lines
        assert ("uses_side_effects.py", 8, "azureml-workspace") in lines


def test_the_fake_package_really_has_side_effects(setup):
    """The control: importing the fake SDK does write the marker (so the test above can fail)."""
    base, _, fake, _ = setup
    control = base / "control_markers"
    control.mkdir(exist_ok=True)
    probe = base / "probe"
    _write_side_effect(probe / "azureml" / "__init__.py", control, "azureml")
    result = subprocess.run([sys.executable, "-c", "import azureml"], env=_env(probe), capture_output=True,
                            text=True, check=False)
    assert result.returncode != 0 and "must never be imported" in result.stderr
    assert [p.name for p in control.iterdir()] == ["azureml"]
