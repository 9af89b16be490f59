"""The versions of pylint, astroid and flake8 that pyproject.toml claims are the
ones tested (issue 5: support matrix).

CI (``.ci/run``) runs tests/test_functional.py, tests/test_ide.py and
tests/test_pylint_neutral.py in two more environments: one with the lowest
versions pyproject.toml allows, one with the pylint that VS Code's Pylint
extension bundles (4.0.x). These tests keep the claim and the CI pins together.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
HOSTS = ("pylint", "astroid", "flake8")


def _claimed() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = {Requirement(r).name.lower(): Requirement(r) for r in project["dependencies"]}
    return {name: requirements[name] for name in HOSTS}


def _lower_bound(requirement: Requirement) -> Version:
    bounds = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    assert len(bounds) == 1, f"{requirement}: one >= lower bound expected"
    return bounds[0]


@pytest.mark.parametrize("name", HOSTS)
def test_installed_host_is_within_the_claimed_range(name):
    requirement = _claimed()[name]
    assert requirement.specifier.contains(version(name), prereleases=True), (name, version(name), str(requirement))


@pytest.mark.parametrize("name", HOSTS)
def test_claim_has_a_lower_and_an_upper_bound(name):
    requirement = _claimed()[name]
    _lower_bound(requirement)
    assert any(s.operator == "<" for s in requirement.specifier), f"{requirement}: no upper bound"


def test_ci_tests_the_lowest_claimed_versions():
    """The line of .ci/run that pins all three hosts (``"pylint==3.3.*" "astroid==3.3.*"
    "flake8==7.0.*"``) pins the lower bounds of pyproject.toml."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [dict(re.findall(r'"(pylint|astroid|flake8)==([0-9.]+?)\.\*"', line)) for line in script.splitlines()]
    pins = next((found for found in lines if set(found) == set(HOSTS)), None)
    if pins is None:
        pytest.skip(".ci/run has no lowest-versions environment yet")
    for name, requirement in _claimed().items():
        lower = _lower_bound(requirement)
        assert name in pins, f".ci/run does not pin {name}"
        pinned = Version(pins[name])
        assert (pinned.major, pinned.minor) == (lower.major, lower.minor), (name, str(pinned), str(lower))
