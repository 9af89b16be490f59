"""``v2lint check --fix`` on notebooks: the code cells and ``%%writefile`` scripts
are fixed as .py files are, and only the changed cells' ``source`` strings of the
JSON text change (outputs, metadata and layout keep every byte)."""

from __future__ import annotations

import difflib
import json
import subprocess
from pathlib import Path

import pytest

from test_cli_helpers import run_cli
from v2lint import fixing
from v2lint.notebook_fixing import fix_notebook

FIXES = Path(__file__).parent / "fixes"
JOB = (FIXES / "job_script_v1.py").read_text(encoding="utf-8")


def _code(source: str, number: int, outputs=(), single_string: bool = False) -> dict:
    return {
        "cell_type": "code", "execution_count": number,
        "metadata": {"collapsed": False, "tags": ["cell-%d" % number], "ExecuteTime": {"end_time": "2024-01-02"}},
        "outputs": list(outputs), "source": source if single_string else source.splitlines(keepends=True),
    }


def _stream(text: str) -> dict:
    return {"name": "stdout", "output_type": "stream", "text": text.splitlines(keepends=True)}


def _notebook(cells: list[dict], ensure_ascii: bool = False) -> str:
    document = {
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3.8 - AzureML", "language": "python",
                                    "name": "python38-azureml"},
                     "language_info": {"name": "python", "version": "3.8.5"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1, ensure_ascii=ensure_ascii) + "\n"  # as Jupyter writes


def _training_notebook(**options) -> str:
    return _notebook([
        {"cell_type": "markdown", "metadata": {}, "source": ["# Train — a diabetes model\n", "on Azure ML"]},
        _code("%pip install azureml-core\n", 1, [_stream("Requirement already satisfied: azureml-core\n")]),
        _code("from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\n", 2,
              [_stream("Found the config file in: /config.json\n")]),
        _code("%%writefile train.py\n" + JOB, 3, [_stream("Writing train.py\n")]),
        _code("from azureml.core.run import Run\nrun = Run.get_context()\n!ls outputs\n", 4),
        _code("run.log('accuracy', 0.9)  # é\nprint(ws.name)", 5,
              [{"data": {"image/png": "iVBORw0KGgo=", "text/plain": ["<Figure>"]},
                "metadata": {"needs_background": "light"},
                "output_type": "display_data"}]),
    ], **options)


def _cells(text: str) -> list[dict]:
    return json.loads(text)["cells"]


def _outside_sources(text: str) -> list[str]:
    """Each cell but its source, as JSON: what --fix must keep."""
    return [json.dumps({k: v for k, v in cell.items() if k != "source"}, sort_keys=True) for cell in _cells(text)]


def _fix(text: str, unsafe: bool = False, path: str = "nb.ipynb") -> str:
    fixed = fix_notebook(text.encode("utf-8"), path, "nb.ipynb", unsafe)
    return text if fixed is None or not fixed.applied else fixed.text


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_only_changed_sources_change_and_every_other_byte_stays(unsafe):
    before = _training_notebook()
    after = _fix(before, unsafe)
    assert after != before
    assert _outside_sources(after) == _outside_sources(before)
    old, new = _cells(before), _cells(after)
    assert [c["source"] for c in old][:2] == [c["source"] for c in new][:2]  # markdown, %pip cell
    # the bytes: each diff hunk only touches lines inside a cell's "source" list
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert all(line[2:].startswith('    "') for line in changed), changed
    assert after.endswith("}\n") and "\u00e9" in after and "\\u00e9" not in after


def test_code_cells_are_fixed_as_one_namespace():
    new = _cells(_fix(_training_notebook()))
    assert new[4]["source"] == ["!ls outputs\n"]  # the magic as written; Run and its binding gone
    assert new[5]["source"] == ["mlflow.log_metric('accuracy', 0.9)  # é\n", "print(ws.name)"]
    # the import goes before the first Python line, not above the %pip cell
    assert new[2]["source"][0] == "import mlflow\n"
    assert new[1]["source"] == ["%pip install azureml-core\n"]
    assert "from azureml.core import Workspace, Experiment\n" in new[2]["source"]  # ws still uses it


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_writefile_cell_is_fixed_as_the_script_it_writes(unsafe, tmp_path):
    new = _cells(_fix(_training_notebook(), unsafe, str(tmp_path / "nb.ipynb")))
    script = tmp_path / "train.py"
    script.write_text(JOB, encoding="utf-8")
    as_py = fixing.fix_file(script.read_bytes(), str(script), "train.py", unsafe).text
    assert "".join(new[3]["source"]) == "%%writefile train.py\n" + as_py


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_a_second_fix_changes_nothing(unsafe):
    once = _fix(_training_notebook(), unsafe)
    assert _fix(once, unsafe) == once


def test_single_string_sources_and_ascii_escapes_are_kept():
    before = _notebook([
        _code("from azureml.core import Run\nrun = Run.get_context()\nrun.log('é', 1)\n", 1, [_stream("x\n")],
              single_string=True),
    ], ensure_ascii=True)
    after = _fix(before)
    source = _cells(after)[0]["source"]
    assert isinstance(source, str) and "mlflow.log_metric('\u00e9', 1)" in source
    assert "\\u00e9" in after and _outside_sources(after) == _outside_sources(before)


@pytest.mark.parametrize("text", [
    "{not json",
    '{"cells": [{"cell_type": "code", "source": 3}]}',
    json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,
                           "source": "from azureml.core import Run\nrun = Run.get_context()\nrun.log('a', 1)\n"}]},
               indent=1).replace('"source": "', '"source":   "').replace("\\n", "\\u000a"),
], ids=["broken", "bad-source", "unusual-escapes"])
def test_broken_or_unusual_notebooks_are_left_alone(text):
    fixed = fix_notebook(text.encode("utf-8"), "nb.ipynb", "nb.ipynb", True)
    assert fixed is None or not fixed.applied


def test_pure_v2_notebook_is_unchanged():
    text = _notebook([_code("from azure.ai.ml import MLClient\nimport mlflow\nmlflow.log_metric('a', 1)\n", 1)])
    assert fix_notebook(text.encode("utf-8"), "nb.ipynb", "nb.ipynb", True) is None


def test_diff_is_exactly_what_fix_writes(tmp_path, capsys, monkeypatch):
    (tmp_path / "nb.ipynb").write_text(_training_notebook(), encoding="utf-8")
    code, diff, _ = run_cli(capsys, monkeypatch, tmp_path, "check", "nb.ipynb", "--diff", "--unsafe-fixes",
                            "--no-baseline")
    assert code == 1 and diff.startswith("--- a/nb.ipynb")
    assert (tmp_path / "nb.ipynb").read_text(encoding="utf-8") == _training_notebook()  # --diff writes nothing
    subprocess.run(["git", "apply", "-p1"], input=diff.encode(), cwd=tmp_path, check=True)
    patched = (tmp_path / "nb.ipynb").read_bytes()
    (tmp_path / "nb.ipynb").write_text(_training_notebook(), encoding="utf-8")
    _, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "nb.ipynb", "--fix", "--unsafe-fixes",
                          "--show-fixes", "--no-baseline")
    assert (tmp_path / "nb.ipynb").read_bytes() == patched
    assert "- nb.ipynb:" in err and "fixed" in out.splitlines()[-1]


def test_notebook_findings_are_marked_fixable(tmp_path, capsys, monkeypatch):
    (tmp_path / "nb.ipynb").write_text(_training_notebook(), encoding="utf-8")
    _, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check", "nb.ipynb", "--no-baseline")
    assert "AML802 [*]" in out and "fixable with --fix" in out


def test_crlf_layout_and_a_cell_emptied_by_the_fix():
    before = _notebook([
        _code("import os\nfrom azureml.core.run import Run\n", 1, [_stream("ok\n")]),
        _code("run = Run.get_context()\n", 2),
        _code("run.log('accuracy', 0.9)\nprint(os.getcwd())\n", 3),
    ]).replace("\n", "\r\n")
    after = _fix(before)
    assert after.count("\n") == after.count("\r\n") and _outside_sources(after) == _outside_sources(before)
    assert [c["source"] for c in _cells(after)] == [
        ["import os\n", "import mlflow\n"], [], ["mlflow.log_metric('accuracy', 0.9)\n", "print(os.getcwd())\n"]]
    assert '"source": []' in after


def test_lines_replaced_across_two_cells_stay_in_their_cells():
    before = _notebook([_code("from azureml.core.run import Run\nrun = Run.get_context()\n", 1),
                        _code("run.log('accuracy', 0.9)\n", 2)])
    after = _fix(before)
    assert [c["source"] for c in _cells(after)] == [["import mlflow\n"], ["mlflow.log_metric('accuracy', 0.9)\n"]]


def test_a_script_run_notebook_becomes_a_command_job_notebook(request):
    """Microsoft's train-on-amlcompute notebook shape: the submit and what it depends on spread
    over cells (workspace and experiment, the compute block, the environment, the submit shown
    as the cell's value, the wait under ``%%time``) fixed in place, outputs kept."""
    example = FIXES / "script_run_notebook_v1.ipynb"
    golden = FIXES / "script_run_notebook_v1.ipynb.unsafe.fixed"
    fixed = fix_notebook(example.read_bytes(), str(example), example.name, unsafe=True)
    if request.config.getoption("--update-golden"):
        golden.write_text(fixed.text, encoding="utf-8")
    assert fixed.text == golden.read_text(encoding="utf-8"), f"{golden.name} differs; regenerate with --update-golden"
    assert "from azureml" not in "".join(line for cell in json.loads(fixed.text)["cells"] for line in cell["source"])
    assert [cell["outputs"] for cell in json.loads(fixed.text)["cells"] if cell["cell_type"] == "code"] == [
        cell["outputs"] for cell in json.loads(example.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == "code"]
    assert fix_notebook(example.read_bytes(), str(example), example.name, unsafe=False) is None
    assert fix_notebook(fixing.encode(fixed), str(example), example.name, unsafe=True) is None
