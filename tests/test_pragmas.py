"""pylint's disables hide the same lines in ``v2lint check`` as in pylint itself.

Each case marks the findings it expects as pylint's functional tests do
(``# [azureml-workspace]``); ``v2lint check`` must report exactly those, and
(slow) so must ``pylint --load-plugins=v2lint`` on the same text. Notebooks
are compared with pylint on their code cells joined into one file, which is
what nbQA gives pylint.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from conftest import expected_findings
from test_cli_helpers import notebook

from v2lint.catalogue import RULES_BY_CODE
from v2lint.engine import lint_file

CASES = {
    "module_level": """\
        from azureml.core import Workspace, Experiment  # [azureml-import, azureml-import]

        ws = Workspace.from_config()  # [azureml-workspace]
        # pylint: disable=azureml-workspace
        ws = Workspace.from_config()
        Experiment(ws, "train")  # [azureml-experiment]


        def helper():
            return Workspace.from_config()
        # pylint: enable=azureml-workspace
        ws = Workspace.from_config()  # [azureml-workspace]
        """,
    "block_level": """\
        from azureml.core import Workspace  # pylint: disable=azureml-import


        def connect(name):
            ws = Workspace.from_config()  # [azureml-workspace]
            # pylint: disable=azureml-workspace
            ws = Workspace.get(name)
            if not ws:
                ws = Workspace.from_config()
            return ws


        def fallback():
            return Workspace.from_config()  # [azureml-workspace]


        class Client:
            # pylint: disable=W7410
            ws = Workspace.from_config()


        for attempt in range(3):
            ws = Workspace.from_config()  # [azureml-workspace]
            if ws:
                # pylint: disable=azureml-workspace
                ws = Workspace.from_config()
            ws = Workspace.from_config()  # [azureml-workspace]
        else:
            ws = Workspace.from_config()  # [azureml-workspace]
        with open("config.json") as handle:
            # pylint: disable=v2lint
            ws = Workspace.from_config(handle.name)
        ws = Workspace.from_config()  # [azureml-workspace]
        """,
    "enable_again": """\
        from azureml.core import Workspace  # [azureml-import]


        def connect():
            # pylint: disable=azureml-workspace
            ws = Workspace.from_config()
            # pylint: enable=azureml-workspace
            ws = Workspace.from_config()  # [azureml-workspace]
            # pylint: disable=W
            ws = Workspace.from_config()
            # pylint: enable=all
            return Workspace.from_config()  # [azureml-workspace]
        """,
    "line_level": """\
        from azureml.core import Run, Workspace  # [azureml-import, azureml-import]

        ws = Workspace.from_config()  # pylint: disable=azureml-workspace
        ws = Workspace.from_config()  # [azureml-workspace]
        ws = Workspace.from_config()  # noqa: AML001  # pylint: disable=W7410
        ws = Workspace.from_config()  # pylint: disable=unused-import  # [azureml-workspace]


        def connect():  # pylint: disable=azureml-workspace
            return Workspace.from_config()  # [azureml-workspace]


        ws = Workspace.get(  # pylint: disable=azureml-workspace
            "name")
        ws = Workspace.get(  # [azureml-workspace]
            "name")  # pylint: disable=azureml-workspace
        # pylint: disable-next=azureml-run-context, azureml-run-logging
        Run.get_context().log("loss", 0.1)
        Run.get_context().log("loss", 0.2)  # pylint: disable=azureml-run-logging  # [azureml-run-context]
        text = "# pylint: disable=azureml-workspace" and Workspace.from_config()  # [azureml-workspace]
        """,
    "skip_file": """\
        # pylint: skip-file
        from azureml.core import Workspace

        ws = Workspace.from_config()
        """,
    "disable_all_anywhere": """\
        from azureml.core import Workspace

        ws = Workspace.from_config()  # pylint: disable=all
        ws = Workspace.from_config()
        """,
}

# one notebook: the code cells, in order
NOTEBOOK_CELLS = [
    "from azureml.core import Workspace  # [azureml-import]\nws = Workspace.from_config()  # [azureml-workspace]\n",
    "# pylint: disable=azureml-workspace\nws = Workspace.from_config()\n",
    "ws = Workspace.from_config()\n"
    "def connect():\n"
    "    # pylint: enable=azureml-workspace\n"
    "    return Workspace.from_config()  # [azureml-workspace]\n"
    "ws = Workspace.from_config()\n",
]


def _source(case: str) -> str:
    return textwrap.dedent(CASES[case])


def _expected(path: Path) -> Counter:
    return expected_findings(path)


def _v2lint_check(path: Path) -> Counter:
    results = lint_file(str(path), str(path.parent)).results
    return Counter((r.line, RULES_BY_CODE[r.code].symbol) for r in results)


def _notebook_line(cell: int, line: int) -> int:
    """The line of a cell's line in the code cells joined into one file."""
    return sum(source.count("\n") for source in NOTEBOOK_CELLS[: cell - 1]) + line


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("pragmas")
    for case in CASES:
        (directory / f"{case}.py").write_text(_source(case), encoding="utf-8")
    (directory / "cells.py").write_text("".join(NOTEBOOK_CELLS), encoding="utf-8")
    (directory / "cells.ipynb").write_text(notebook(*NOTEBOOK_CELLS), encoding="utf-8")
    return directory


@pytest.mark.parametrize("case", sorted(CASES))
def test_v2lint_check_hides_what_the_pragmas_say(cases, case):
    path = cases / f"{case}.py"
    assert _v2lint_check(path) == _expected(path)


def test_pragmas_of_notebook_cells_hold_across_cells_as_in_one_module(cases):
    results = lint_file(str(cases / "cells.ipynb"), str(cases)).results
    got = Counter((_notebook_line(r.cell, r.line), RULES_BY_CODE[r.code].symbol) for r in results)
    assert got == _expected(cases / "cells.py")


def test_a_writefile_cell_is_its_own_module_for_pragmas(tmp_path):
    """It is another file at run time: the notebook's disables do not reach it,
    its own do, and a ``%pip install`` line follows the disables around it."""
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(
        "# pylint: disable=azureml-workspace, azureml-dependency\n"
        "from azureml.core import Workspace\n"
        "%pip install azureml-core\n"
        "ws = Workspace.from_config()\n",
        "%%writefile train.py\n"
        "from azureml.core import Workspace\n"
        "ws = Workspace.from_config()\n"
        "# pylint: disable=azureml-workspace\n"
        "ws = Workspace.from_config()\n",
        "%pip install azureml-sdk  # noqa: AML901\n%pip install azureml-train-core\n",
    ), encoding="utf-8")
    got = [(r.cell, r.line, r.code) for r in lint_file(str(path), str(tmp_path)).results]
    assert got == [(1, 2, "AML001"), (2, 2, "AML001"), (2, 3, "AML101")]


@pytest.fixture(scope="module")
def pylint_messages(cases) -> dict[str, Counter]:
    """pylint with v2lint on every case file, in one process."""
    files = sorted(path.name for path in cases.glob("*.py"))
    completed = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=v2lint", "--disable=all", "--enable=v2lint",
         "--output-format=json2", "--persistent=n", "--score=n", *files],
        capture_output=True, text=True, check=False, cwd=cases,
    )
    assert completed.returncode < 32, completed.stderr
    found: dict[str, Counter] = {name: Counter() for name in files}
    for message in json.loads(completed.stdout)["messages"]:
        found[message["path"]][(message["line"], message["symbol"])] += 1
    return found


@pytest.mark.slow
@pytest.mark.parametrize("case", [*sorted(CASES), "cells"])
def test_pylint_hides_the_same_lines(cases, pylint_messages, case):
    path = cases / f"{case}.py"
    assert pylint_messages[path.name] == _expected(path)
