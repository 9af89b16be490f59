"""pylint -j 2 and flake8 -j 2 report what -j 1 reports (issue 5: support matrix).

Parallel hosts lint each file in a worker process that loaded the plugin on
its own (flake8 forks after loading plugins, pylint's workers re-register
them): v2lint's brain must be there in every worker, whatever file a worker
gets first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import FUNCTIONAL

pytestmark = pytest.mark.slow


def _pylint(jobs: int, tmp_path) -> set[tuple[str, int, str]]:
    rcfile = tmp_path / "pylintrc"
    rcfile.write_text("")  # not the repository's config, which ignores tests/functional
    result = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={rcfile}", "--load-plugins=v2lint", "--disable=all",
         "--enable=v2lint", "--output-format=json2", "--persistent=n", "--score=n", f"--jobs={jobs}",
         str(FUNCTIONAL)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert result.returncode < 32, result.stderr
    messages = json.loads(result.stdout)["messages"]
    return {(os.path.relpath(m["absolutePath"], FUNCTIONAL), m["line"], m["symbol"]) for m in messages}


def _flake8(jobs: int, tmp_path) -> set[tuple[str, int, str]]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=AML", f"--jobs={jobs}",
         "--format=%(path)s\t%(row)d\t%(code)s", str(FUNCTIONAL)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert result.returncode in (0, 1), result.stderr
    found = set()
    for line in result.stdout.splitlines():
        path, row, code = line.split("\t")
        found.add((os.path.relpath(path, FUNCTIONAL), int(row), code))
    return found


def test_pylint_jobs_2_same_findings_as_jobs_1(tmp_path):
    serial = _pylint(1, tmp_path)
    assert len({path for path, _, _ in serial}) >= 5, serial  # the functional files were all linted
    assert _pylint(2, tmp_path) == serial


def test_flake8_jobs_2_same_findings_as_jobs_1(tmp_path):
    serial = _flake8(1, tmp_path)
    assert len({path for path, _, _ in serial}) >= 5, serial
    assert all(re.fullmatch(r"AML\d{3}", code) for _, _, code in serial)
    assert _flake8(2, tmp_path) == serial
