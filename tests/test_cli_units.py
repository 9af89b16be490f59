"""Unit tests of the command's parts that need no analysis: notebooks, walk, deps, baseline."""

from __future__ import annotations

import json
import os

import pytest

from test_cli_helpers import notebook
from v2lint import dependencies, discovery, notebooks
from v2lint.baseline import Baseline, BaselineError, key_of
from v2lint.changes import changed_cells, parse_diff
from v2lint.settings import Layer, Selection, load as load_settings
from v2lint.pragmas import Suppressions
from v2lint.results import Result


# --------------------------------------------------------------------------- notebooks
def test_magics_are_blanked_keeping_lines_and_blocks():
    lines = [
        "%pip install azureml-core",
        "!az login",
        "files = !ls",
        "x = %time f()",
        "if True:",
        "    %matplotlib inline",
        "Workspace?",
        "?Workspace",
        "!echo a \\",
        "  b",
        "y = 1",
    ]
    blanked = notebooks.blank_magics(lines)
    assert len(blanked) == len(lines)
    assert blanked[5] == "    pass"
    assert blanked[-1] == "y = 1"
    compile("\n".join(blanked), "cell", "exec")


def test_notebook_units_and_line_map():
    text = notebook(
        ("markdown", "# title\n"),
        "%pip install x\nimport azureml.core\n",
        "%%time\nws = 1\n",
        "%%bash\necho hi\n",
        "%%writefile train.py\nfrom azureml.core import Run\nrun = Run.get_context()\n",
        "%%writefile conda.yml\nname: env\n",
        "%%writefile script.sh\necho\n",
        "print(ws)\n",
    )
    parsed = notebooks.parse(text)
    assert len(parsed.cells) == 7 and parsed.cell_index == [1, 2, 3, 4, 5, 6, 7]
    main, writefile = parsed.units
    assert writefile.writefile == "train.py"
    assert writefile.locate(2) == (4, 2)
    assert "Run.get_context" in writefile.source.split("\n")[2]
    # the main module: cells 1, 2 and 7 (bash and writefile cells are not part of it)
    assert main.source.split("\n")[:5] == ["pass", "import azureml.core", "", "ws = 1", "print(ws)"]
    assert main.locate(2) == (1, 2) and main.locate(4) == (2, 2) and main.locate(5) == (7, 1)
    assert any("conda.yml" in note for note in parsed.notes)


def test_cell_that_does_not_parse_is_a_problem_not_a_failure():
    parsed = notebooks.parse(notebook("import azureml.core\n", "ws = azureml.core.Workspace(\n", "y = 2\n"))
    assert [(p.cell, p.line) for p in parsed.problems] == [(2, 1)]
    assert parsed.units[0].locate(2) == (3, 1)


def test_cell_that_does_not_parse_and_cannot_hold_v1_code_is_skipped_with_a_note():
    parsed = notebooks.parse(notebook("import azureml.core\n", "x = (\n", "y = 2\n"))
    assert parsed.problems == []
    assert parsed.units[0].locate(2) == (3, 1)
    assert any("cell 2 skipped" in note for note in parsed.notes)


def test_automagics_are_read_as_ipython_reads_them():
    parsed = notebooks.parse(notebook(
        "pip install azure-ai-ml\npip show azure-ai-ml\n", "cd src\nls\nimport azureml.core\n", "cat train.py\n"
    ))
    assert parsed.problems == []
    main = parsed.units[0].source.split("\n")
    assert main[:6] == ["pass", "pass", "pass", "pass", "import azureml.core", "pass"]


def test_names_like_automagics_stay_python_in_a_cell_that_parses():
    parsed = notebooks.parse(notebook("import azureml.core\ncd = 1\nls = [cd]\nprint(ls)\n"))
    assert parsed.units[0].source.split("\n")[:4] == ["import azureml.core", "cd = 1", "ls = [cd]", "print(ls)"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("{", "not valid notebook JSON"),
        ("[]", "not an object"),
        ('{"nbformat": 4}', '"cells"'),
        ('{"worksheets": []}', "nbformat 3"),
        ('{"cells": [{"cell_type": "code", "source": 5}]}', "list of strings"),
        ('{"cells": [{"cell_type": "code", "source": ["a", 1]}]}', "list of strings"),
        ('{"cells": [5]}', "not a JSON object"),
    ],
)
def test_broken_notebooks(text, words):
    with pytest.raises(notebooks.NotebookError, match=words):
        notebooks.parse(text)


def test_kernels():
    assert notebooks.parse(notebook("x = 1\n", kernel="R")).skipped_kernel == "r"
    assert notebooks.parse(notebook("x = 1\n", kernel=None)).skipped_kernel is None
    assert notebooks.parse(notebook("x = 1\n", kernel="python3")).skipped_kernel is None


@pytest.mark.parametrize("single", [False, True])
def test_physical_lines_and_columns(single):
    text = notebook(
        ("markdown", "# t\n"), "import os\nfrom azureml.core import Run\n", 'x = "a\\tb"; run = Run.get_context()\n',
        single_string=single,
    )
    parsed = notebooks.parse(text)
    mapper = notebooks.PhysicalLines(text, parsed.cell_index)
    raw = text.split("\n")
    cases = [(1, 2, 1, "from azureml"), (2, 1, 13, "run = Run"), (2, 1, 19, "Run.get_context")]
    for cell, line, col, expected in cases:
        physical_line, physical_col = mapper.position(cell, line, col)
        assert mapper.line(cell, line) == physical_line
        assert raw[physical_line - 1][physical_col - 1:].startswith(expected)


def test_physical_lines_when_list_items_are_not_one_line_each():
    document = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": ["a = 1\nb", " = 2\n", "c = 3\n"]}],
        "metadata": {},
    }
    text = json.dumps(document, indent=1)
    parsed = notebooks.parse(text)
    mapper = notebooks.PhysicalLines(text, parsed.cell_index)
    raw = text.split("\n")
    assert '"a = 1\\nb"' in raw[mapper.line(1, 1) - 1]
    assert '"a = 1\\nb"' in raw[mapper.line(1, 2) - 1]
    assert '"c = 3\\n"' in raw[mapper.line(1, 3) - 1]


# --------------------------------------------------------------------------- gitignore
@pytest.mark.parametrize(
    "pattern, path, is_dir, expected",
    [
        ("*.pyc", "a/b/c.pyc", False, True),
        ("build/", "x/build", True, True),
        ("build/", "x/build", False, False),
        ("/top.py", "top.py", False, True),
        ("/top.py", "sub/top.py", False, False),
        ("docs/*.py", "docs/a.py", False, True),
        ("docs/*.py", "docs/x/a.py", False, False),
        ("docs/**/*.py", "docs/x/y/a.py", False, True),
        ("**/gen", "a/b/gen", True, True),
        ("a/**", "a/b/c.py", False, True),
        ("ma?e.py", "make.py", False, True),
        ("[ab].py", "c.py", False, False),
        ("\\#x.py", "#x.py", False, True),
    ],
)
def test_gitignore_patterns(tmp_path, pattern, path, is_dir, expected):
    rule = discovery.parse_ignore_line(pattern, str(tmp_path))
    assert rule.matches(str(tmp_path / path), is_dir) is expected


def test_gitignore_negation_last_match_wins(tmp_path):
    rules = [discovery.parse_ignore_line(p, str(tmp_path)) for p in ("*.py", "!keep.py", "# c", "")]
    rules = [r for r in rules if r]
    assert discovery.ignored(rules, str(tmp_path / "x.py"), False)
    assert not discovery.ignored(rules, str(tmp_path / "keep.py"), False)


def test_config_without_pyproject(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_settings(str(tmp_path))
    assert config.path is None and config.exclude == [] and config.root == str(tmp_path)


# --------------------------------------------------------------------------- suppressions and filters
@pytest.mark.parametrize(
    "comment, hidden",
    [
        ("# noqa", True),
        ("# noqa: AML101", True),
        ("# NOQA:AML1", True),
        ("# noqa: AML10,E501", True),
        ("# noqa: AML2", False),
        ("# noqa: E501", False),
        ("# pylint: disable=azureml-workspace", True),
        ("# pylint: disable=W7410", True),
        ("# pylint: disable=unused-import, azureml-workspace", True),
        ("# pylint: disable=unused-import", False),
        ("# type: ignore", False),
    ],
)
def test_suppressions(comment, hidden):
    assert Suppressions(f"ws = Workspace.from_config()  {comment}\n").hides("AML101", 1, 1) is hidden


def test_pylint_disable_next():
    source = "# pylint: disable-next=azureml-workspace\nws = Workspace.from_config()\nws = Workspace.from_config()\n"
    assert [line for line in (1, 2, 3) if Suppressions(source).hides("AML101", line)] == [2]


def _selection(*layers):
    return Selection([Layer(*layer) for layer in layers])


def test_select_ignore_longest_prefix_wins():
    wanted = _selection((("AML1",), (), ("AML10",))).enabled
    assert not wanted("AML101") and wanted("AML102") is False and not wanted("AML201")
    assert wanted("AML000")  # could-not-analyse stays unless ignored
    assert not _selection((None, (), ("AML000",))).enabled("AML000")
    assert _selection((("AML101",), (), ("AML1",))).enabled("AML101")
    # equal specificity: ignore wins
    assert not _selection((("AML1",), (), ("AML1",))).enabled("AML101")


def test_selection_layers_as_ruff():
    config, cli_only_ignore = (("AML8",), ("AML101",), ()), (None, (), ("AML802",))
    selected = _selection(config, cli_only_ignore)
    every = Selection([]).enabled_codes()
    assert selected.enabled_codes() == ["AML000", "AML101"] + [
        c for c in every if c.startswith("AML8") and c != "AML802"]
    # a later select starts again (the configuration's extend-select is dropped)
    assert _selection(config, (("AML2",), (), ())).enabled_codes() == ["AML000"] + [
        c for c in every if c.startswith("AML2")]
    # inside a layer the more specific prefix wins: AML9 over the ignored AML (which also covers AML000)
    assert _selection((("AML8",), (), ()), (None, ("AML9",), ("AML",))).enabled_codes() == ["AML901"]
    assert _selection((None, (), ("AML8",)), (None, ("AML802",), ())).enabled_codes().count("AML802") == 1
    assert "AML801" not in _selection((None, (), ("AML8",)), (None, ("AML802",), ())).enabled_codes()
    assert _selection((("ALL",), (), ("AML1",))).enabled("AML201")


# --------------------------------------------------------------------------- diff parsing
def test_parse_diff():
    diff = (
        "diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -3,0 +4,2 @@\n+a\n+b\n"
        "@@ -10 +12 @@\n-c\n+d\n"
        "diff --git a/gone.py b/gone.py\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        "--- a/n.ipynb\n+++ b/n.ipynb\n@@ -5 +5 @@\n"
        '--- "a/sp ace.py"\n+++ "b/sp ace.py"\n@@ -1,0 +2 @@\n'
    )
    changes = parse_diff(diff)
    assert changes.lines["x.py"] == {4, 5, 12}
    assert "gone.py" not in changes.lines
    assert "n.ipynb" in changes.lines  # notebooks: compared cell by cell by changed_since
    assert changes.touches("sp ace.py", 2) and not changes.touches("sp ace.py", 1)
    assert not changes.touches("x.py", 6)


def test_changed_cells_only_count_code_cells_whose_source_changed():
    cells = ["import azureml.core\n", "ws = 1\nx = 2\n", "print(ws)\n"]
    before = notebook(*cells)
    executed = json.loads(before)
    for number, cell in enumerate(executed["cells"], start=1):
        cell.update(execution_count=number, outputs=[{"output_type": "stream", "name": "stdout", "text": ["1\n"]}])
    assert changed_cells(before, json.dumps(executed)) == {}  # execution counts and outputs never count
    moved = notebook(("markdown", "# new\n"), cells[0], "new = 3\n", cells[2], cells[1])
    # cell 2 is new; cell 3 (print) moved up, and the "ws = 1" cell moved down: unchanged
    assert changed_cells(before, moved) == {2: None}
    edited = notebook(cells[0], "ws = 1\ny = 3\nx = 2\n", cells[2])
    assert changed_cells(before, edited) == {2: {2}}
    assert changed_cells("", edited) is None and changed_cells(before, "{broken") is None


# --------------------------------------------------------------------------- baseline
def _result(path="a.py", line=1, code="AML101", qname="q", source="ws = W()") -> Result:
    return Result(path, None, line, 1, None, None, code, qname, "W", "advice", "message", source, line)


def test_baseline_keys_ignore_whitespace_and_line_numbers():
    assert key_of(_result(line=1, source="ws = W()")) == key_of(_result(line=9, source="ws=W()"))
    assert key_of(_result(source="ws = W()")) != key_of(_result(source="wx = W()"))
    assert key_of(_result(code="AML000", source="x")) == key_of(_result(code="AML000", source="y"))


def test_baseline_counts_and_roundtrip(tmp_path):
    results = [_result(line=1), _result(line=5), _result(path="b.py")]
    baseline = Baseline.from_results(results)
    path = tmp_path / "sub" / "base.json"
    baseline.save(str(path))
    text = path.read_text()
    assert text == Baseline.load(str(path)).to_json()
    assert json.loads(text)["findings"][0]["count"] == 2
    assert os.listdir(path.parent) == ["base.json"]
    comparison = Baseline.load(str(path)).compare(results + [_result(line=7)], {"a.py", "b.py"})
    assert [r.line for r in comparison.new] == [7]
    comparison = baseline.compare([_result(line=1)], {"a.py"})
    assert comparison.stale_count == 1 and not comparison.new  # b.py was not checked: not stale
    pruned = baseline.pruned([_result(line=1)], {"a.py"})
    assert sorted(pruned.counts.values()) == [1, 1]


def test_baseline_errors(tmp_path):
    with pytest.raises(BaselineError, match="does not exist"):
        Baseline.load(str(tmp_path / "missing.json"))
    (tmp_path / "b.json").write_bytes(b"\xff\xfe")
    with pytest.raises(BaselineError):
        Baseline.load(str(tmp_path / "b.json"))


# --------------------------------------------------------------------------- dependency files
def _names(hits):
    return [(hit.line, hit.name) for hit in hits]


def test_requirements_txt():
    text = (
        "# comment\nazureml-core==1.61.0\n-r other.txt\nazureml_mlflow\n"
        "AzureML-SDK[notebooks] >=1.5  # x\n\n--index-url x\n"
    )
    expected = [(2, "azureml-core"), (4, "azureml_mlflow"), (5, "AzureML-SDK")]
    assert _names(dependencies.scan(text, "requirements.txt")) == expected
    hits = dependencies.v1_hits(text, "requirements-dev.txt")
    assert [(h.line, h.col, h.name) for h, _ in hits] == [(2, 0, "azureml-core"), (5, 0, "AzureML-SDK")]


def test_pyproject_dependencies():
    text = (
        '[project]\nname = "x"\ndependencies = [\n  "azureml-core>=1.5",\n  "azureml-fsspec",\n]\n'
        '[project.optional-dependencies]\nml = ["azureml-pipeline-steps", "mltable"]\n'
        '[tool.poetry.dependencies]\nazureml-defaults = "^1"\n'
    )
    hits = dependencies.v1_hits(text, "pyproject.toml")
    expected = [(4, "azureml-core"), (8, "azureml-pipeline-steps"), (10, "azureml-defaults")]
    assert [(h.line, h.name) for h, _ in hits] == expected
    line = text.split("\n")[3]
    assert line[hits[0][0].col:].startswith("azureml-core")


def test_setup_cfg_and_setup_py():
    cfg = (
        "[metadata]\nname = x\n[options]\ninstall_requires =\n    azureml-core\n    numpy\n"
        "[options.extras_require]\nplot = azureml-widgets\n"
    )
    hits = dependencies.v1_hits(cfg, "setup.cfg")
    assert [(h.line, h.name) for h, _ in hits] == [(5, "azureml-core"), (8, "azureml-widgets")]
    py = (
        "from setuptools import setup\nREQS = ['azureml-core', 'numpy']\n"
        "setup(name='x', install_requires=REQS + ['azureml-train-automl-client'],\n"
        "      extras_require={'x': ['azureml-contrib-fairness']})\n"
    )
    hits = dependencies.v1_hits(py, "setup.py")
    expected = [(2, "azureml-core"), (3, "azureml-train-automl-client"), (4, "azureml-contrib-fairness")]
    assert [(h.line, h.name) for h, _ in hits] == expected
    assert py.split("\n")[1][hits[0][0].col:].startswith("azureml-core")
    assert dependencies.v1_hits("setup(install_requires=[", "setup.py") == []


def test_conda_environment():
    text = (
        "name: env\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - conda-forge::azureml-core\n"
        "  - pip\n  - pip:\n    - azureml-defaults==1.61\n    - 'azureml-inference-server-http'\n"
        "    - azureml-dataprep\n    # - azureml-sdk\nvariables:\n  - azureml-sdk\n"
    )
    hits = dependencies.v1_hits(text, "environment.yml")
    assert [(h.line, h.name) for h, _ in hits] == [(6, "azureml-core"), (9, "azureml-defaults")]
    assert text.split("\n")[5][hits[0][0].col:].startswith("azureml-core")
    assert "azureml-inference-server-http" in hits[1][1].text


def test_v2_era_packages_are_silent():
    for name in ("azureml-mlflow", "azureml-fsspec", "azureml-ai-monitoring", "azureml-inference-server-http",
                 "azureml-featurestore", "mltable", "azureml-dataprep", "azureml-dataprep-rslex", "azureml-rag",
                 "azureml-acft-common-components", "azureml-metrics", "azureml-evaluate-mlflow", "azuremlconstructor"):
        assert dependencies.advice_for(name) is None, name
    v1 = ("azureml-sdk", "azureml_core", "AzureML.Pipeline.Steps", "azureml-contrib-anything", "azureml-telemetry")
    for name in v1:
        assert dependencies.advice_for(name), name


def test_dependency_findings_in_a_run(tmp_path, capsys, monkeypatch):
    from test_cli_helpers import make_repo, run_cli

    root = make_repo(tmp_path / "r", {"requirements.txt": "azureml-core==1.61\nazureml-mlflow\n",
                                      "env/conda.yml": "dependencies:\n  - pip:\n    - azureml-sdk\n"})
    code, out, _ = run_cli(capsys, monkeypatch, root, "check")
    assert code == 1
    assert "requirements.txt:1:1: AML901" in out and "env/conda.yml:3:7: AML901" in out
    assert "requirements.txt:2:" not in out  # azureml-mlflow is v2-era


def test_notebook_pip_install_lines():
    line = (
        "%pip install -q --upgrade azureml-sdk[notebooks] 'azureml-mlflow' -r req.txt azureml-core==1.5"
        "  # x azureml-train"
    )
    hits = dependencies.scan_pip_install(line)
    assert [h.name for h in hits] == ["azureml-sdk", "azureml-mlflow", "azureml-core"]
    assert all(line[h.col:].startswith(h.name) for h in hits)
    assert [h.name for h in dependencies.scan_pip_install("!pip3 install azureml-defaults")] == ["azureml-defaults"]
    assert dependencies.scan_pip_install("import azureml.core") == []


def test_dependency_findings_with_a_stand_in_rule(tmp_path, capsys, monkeypatch):
    """The whole AML901 path: requirements, notebooks' %pip lines, the summary."""

    from test_cli_helpers import make_repo, notebook as make_notebook, run_cli

    root = make_repo(
        tmp_path / "r",
        {
            "requirements.txt": "azureml-core==1.61\nazureml-mlflow\n",
            "env/conda.yml": "dependencies:\n  - pip:\n    - azureml-sdk\n",
            "setup.py": "from setuptools import setup\nsetup(install_requires=['azureml-pipeline-steps'])\n",
            "pyproject.toml": '[project]\nname = "x"\ndependencies = ["azureml-defaults"]\n',
            "nb.ipynb": make_notebook("%pip install azureml-sdk azureml-fsspec\nimport os\n"),
            "docs/notes.txt": "azureml-core\n",
        },
    )
    code, out, _ = run_cli(capsys, monkeypatch, root, "check")
    lines = [line.split(" ")[0] + " " + line.split(" ")[1] for line in out.splitlines()[:-1]]
    assert code == 1
    assert lines == [
        "env/conda.yml:3:7: AML901",
        "nb.ipynb:cell_1:1:14: AML901",
        "pyproject.toml:3:18: AML901",
        "requirements.txt:1:1: AML901",
        "setup.py:2:26: AML901",
    ]
    assert "azureml-inference-server-http" in out
