"""Fuzzing: no input makes v2lint raise into its host.

Generated programs (hypothesmith) with real SDK v1 imports and calls spliced
in, so that the analysis really runs on them (the pre-check skips any file
that never says ``azureml``), and mutations of the real v1 examples
(truncation, deleted and shuffled lines, random tokens) go through the
analysis core, the flake8 plugin class and the ``v2lint`` file linter, and a
sample through pylint in-process. Syntax errors are the host's to report
(``astroid.AstroidSyntaxError`` from the core is fine); nothing else may
escape, and a stated share of examples must reach name resolution.

CI runs a fixed, derandomised number of examples. The larger run:

    HYPOTHESIS_PROFILE=large python -m pytest tests/test_fuzz.py -s

(5,000 examples per mutation test and 2,000 per generated-program test;
``V2LINT_FUZZ_SCALE=N`` multiplies the CI counts instead). ``-s`` shows the
per-test counts (examples, analysed, resolved).
"""

from __future__ import annotations

import ast
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path

import astroid
import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FUNCTIONAL
from v2lint import analysis, engine
from v2lint.flake8_plugin import Flake8Plugin
from v2lint.modules import analyse_source

ROOT = Path(__file__).resolve().parent.parent
# generated code is odd on purpose: Python's and astroid's warnings about it are noise here
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning", "ignore::UserWarning")
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = int(os.environ.get("V2LINT_FUZZ_SCALE", "1"))

# (CI examples, large-run examples) per test
_COUNTS = {
    "grammar": (150, 2000),
    "node": (60, 2000),
    "mutation": (300, 5000),
    "tokens": (300, 5000),
}


def _settings(kind: str) -> settings:
    ci, large = _COUNTS[kind]
    return settings(
        max_examples=large if PROFILE == "large" else ci * SCALE,
        deadline=None,
        derandomize=PROFILE != "large",
        database=None,
        print_blob=True,
        suppress_health_check=list(HealthCheck),
    )


# --------------------------------------------------------------------------- the v1 pool
V1_IMPORTS = [
    "from azureml.core import Workspace, Experiment, Run, Dataset, Environment, ScriptRunConfig, Model",
]
V1_EXTRA_IMPORTS = [
    "import azureml.core as aml",
    "from azureml.core.compute import ComputeTarget, AmlCompute",
    "from azureml.pipeline.core import Pipeline",
    "from azureml.pipeline.steps import PythonScriptStep",
    "from azureml.core.authentication import ServicePrincipalAuthentication",
    "from azureml.data import OutputFileDatasetConfig",
]
# every snippet resolves to at least one finding other than AML001 given V1_IMPORTS
V1_SNIPPETS = [
    "ws = Workspace.from_config()",
    "Run.get_context().log('a', 1)",
    "Dataset.File.from_files(p).as_named_input('d').as_mount()",
    "exp = Experiment(ws, 'e')",
    "run = Experiment(Workspace.from_config(), 'e').submit(ScriptRunConfig(source_directory='.', script='t.py'))",
    "env = Environment.from_conda_specification('e', 'env.yml')",
    "Model.register(Workspace.from_config(), model_path='m', model_name='m')",
    "Workspace.get('n', subscription_id='s', resource_group='r').datasets['x'].to_pandas_dataframe()",
    "Dataset.Tabular.from_delimited_files(path='x.csv').register(workspace=ws, name='t')",
    "Run.get_context().parent.log_list('l', [1, 2])",
    "Environment.get(Workspace.from_config(), 'AzureML-sklearn')",
    "import azureml.core as aml\naml.Workspace.from_config().get_details()",
    "from azureml.core.compute import ComputeTarget, AmlCompute\n"
    "AmlCompute.provisioning_configuration(vm_size='STANDARD_D2_V2')",
    "from azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep\n"
    "Pipeline(workspace=ws, steps=[PythonScriptStep(script_name='s.py')])",
    "from azureml.core.authentication import ServicePrincipalAuthentication\n"
    "ServicePrincipalAuthentication(tenant_id='t', service_principal_id='i', service_principal_password='p')",
    "from azureml.data import OutputFileDatasetConfig\nOutputFileDatasetConfig(name='o').as_upload()",
    "def get_ws():\n    return Workspace.from_config()\nget_ws().get_default_datastore().upload('d')",
]

EXAMPLES = sorted(
    [p for p in FUNCTIONAL.rglob("*.py")] + [p for p in (ROOT / "examples").rglob("*.py")]
)
EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLES]

TOKENS = [
    "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "*", "**", "@", "->", ";", "\\", "\n", "\t", " ",
    "lambda", "yield", "await", "async", "def", "class", "return", "if", "else", "elif", "try:", "except",
    "finally", "with", "global", "nonlocal", "del", "import", "from", "as", "not", "is", "in", "pass",
    "'", '"', '"""', "f'{", "b'", "#", "# noqa", "# pylint: disable=", "0x", "1e309", "1j", "...", "_",
    "azureml", "azureml.core", "Workspace", "Run", "Experiment", "Dataset", "from_config", "get_context",
    "__import__", "\ufeff", "\u00e9", "\u200b", "\U0001f600", "\x0c", "\r",
]


# --------------------------------------------------------------------------- running one input
class Stats(Counter):
    def report(self, name: str) -> None:
        print(f"\nfuzz {name}: {dict(self)}", file=sys.stderr)


@pytest.fixture
def analysis_runs(monkeypatch):
    """Counts the module analyses that really started (past pre-check and parsing)."""
    counter = Counter()
    original = analysis._ModuleAnalysis.run

    def counting_run(self):
        counter["runs"] += 1
        return original(self)

    monkeypatch.setattr(analysis._ModuleAnalysis, "run", counting_run)
    return counter


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def check_all_front_ends(source: str, directory: Path, stats: Stats, runs: Counter) -> list:
    """The core, the flake8 plugin and the v2lint file linter on ``source``; raises on any escape."""
    path = directory / "fuzzed.py"
    stats["examples"] += 1
    before = runs["runs"]
    try:
        findings = analyse_source(source, str(path))
    except astroid.AstroidBuildingError:  # the host reports syntax errors itself
        findings = None
        stats["syntax errors"] += 1
    if runs["runs"] > before:
        stats["analysed"] += 1
    if findings and any(f.code not in ("AML000", "AML001") for f in findings):
        stats["resolved"] += 1
    if findings and any(f.code == "AML000" for f in findings):
        stats["stopped"] += 1

    # flake8 parses before it calls plugins, but the plugin must not rely on it
    lines = source.splitlines(keepends=True)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = ast.Module(body=[], type_ignores=[])
    flake8_results = list(Flake8Plugin(tree, str(path), lines).run())
    for line, col, text, kind in flake8_results:
        assert isinstance(line, int) and isinstance(col, int) and text.startswith("AML"), (line, col, text)
    if findings is not None:
        assert len(flake8_results) == len(findings)

    path.write_bytes(source.encode("utf-8", errors="surrogatepass"))
    file_result = engine.lint_file(str(path), str(directory))
    for result in file_result.results:
        assert "internal error" not in result.advice, result.advice
    return findings or []


# --------------------------------------------------------------------------- strategies
def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


@st.composite
def spliced(draw, programs) -> str:
    """A generated program with v1 imports at the top and v1 calls at statement starts."""
    program = draw(programs)
    imports = V1_IMPORTS + draw(st.lists(st.sampled_from(V1_EXTRA_IMPORTS), max_size=3, unique=True))
    snippets = draw(st.lists(st.sampled_from(V1_SNIPPETS), min_size=1, max_size=4))
    head = "\n".join(imports) + "\n"
    body = program
    for snippet in snippets:
        lines = body.split("\n")
        position = draw(st.integers(0, max(len(lines) - 1, 0)))
        indent = _indent_of(lines[position]) if lines[position].strip() else ""
        block = [indent + part for part in snippet.split("\n")]
        attempt = "\n".join(lines[:position] + block + lines[position:])
        if _parses(head + attempt):
            body = attempt
        else:  # inside a bracket or a string: put it at the end of the module
            body = body.rstrip("\n") + "\n" + snippet + "\n"
    candidate = head + body
    if not _parses(candidate) and _parses(body + "\n" + head):  # a __future__ import comes first
        candidate = body.rstrip("\n") + "\n" + head
    return candidate


@st.composite
def mutated_example(draw) -> str:
    """A real v1 example, cut, with lines deleted, duplicated, shuffled or re-indented."""
    text = draw(st.sampled_from(EXAMPLE_TEXTS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["truncate", "delete", "duplicate", "swap", "indent", "dedent", "join"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if operation == "truncate":
            joined = "\n".join(lines)
            lines = joined[: draw(st.integers(0, len(joined)))].split("\n")
        elif operation == "delete":
            del lines[min(i, j): max(i, j) + 1]
        elif operation == "duplicate":
            lines[i:i] = lines[min(i, j): max(i, j) + 1]
        elif operation == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif operation == "indent":
            lines[i] = "    " + lines[i]
        elif operation == "dedent":
            lines[i] = lines[i].lstrip()
        elif operation == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
    return "\n".join(lines)


@st.composite
def tokenised_example(draw) -> str:
    """A real v1 example with random tokens inserted or characters replaced."""
    text = draw(st.sampled_from(EXAMPLE_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        token = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)))
        if draw(st.booleans()):
            text = text[:position] + token + text[position:]
        else:
            text = text[:position] + token + text[position + len(token):]
    return text


# --------------------------------------------------------------------------- the tests
PYLINT_SAMPLE: list[str] = []  # parsed spliced programs, for the pylint run below


def _fuzz(kind: str, strategy, tmp_path: Path, runs: Counter, keep_for_pylint: int = 0) -> Stats:
    stats = Stats()

    @_settings(kind)
    @given(source=strategy)
    def run(source: str) -> None:
        findings = check_all_front_ends(source, tmp_path, stats, runs)
        if keep_for_pylint and len(PYLINT_SAMPLE) < keep_for_pylint and findings and _parses(source):
            PYLINT_SAMPLE.append(source)

    run()
    stats.report(kind)
    return stats


def test_generated_programs_with_v1_spliced_in(tmp_path, analysis_runs):
    stats = _fuzz("grammar", spliced(hypothesmith.from_grammar()), tmp_path, analysis_runs, keep_for_pylint=8)
    # the splicing works: most programs reach the analysis and resolve a v1 call
    assert stats["analysed"] >= 0.8 * stats["examples"], stats
    assert stats["resolved"] >= 0.7 * stats["examples"], stats


def test_libcst_programs_with_v1_spliced_in(tmp_path, analysis_runs):
    stats = _fuzz("node", spliced(hypothesmith.from_node()), tmp_path, analysis_runs, keep_for_pylint=12)
    assert stats["analysed"] >= 0.8 * stats["examples"], stats
    assert stats["resolved"] >= 0.7 * stats["examples"], stats


def test_mutated_examples(tmp_path, analysis_runs):
    stats = _fuzz("mutation", mutated_example(), tmp_path, analysis_runs)
    # about 40 % of the mutants still parse: those must reach the analysis
    assert stats["analysed"] >= 0.25 * stats["examples"], stats
    assert stats["resolved"] >= 0.15 * stats["examples"], stats


def test_examples_with_random_tokens(tmp_path, analysis_runs):
    stats = _fuzz("tokens", tokenised_example(), tmp_path, analysis_runs)
    assert stats["analysed"] >= 0.12 * stats["examples"], stats
    assert stats["resolved"] >= 0.1 * stats["examples"], stats


def test_pylint_in_process_on_fuzzed_programs(tmp_path, monkeypatch, capsys):
    """pylint with only v2lint enabled on the programs above: no crash, every file reported on."""
    from pylint.lint import Run

    sources = PYLINT_SAMPLE or [
        "\n".join(V1_IMPORTS) + "\n" + snippet + "\n" for snippet in V1_SNIPPETS[:6]
    ]
    paths = []
    for number, source in enumerate(sources):
        path = tmp_path / f"fuzzed_{number}.py"
        path.write_text(source, encoding="utf-8")
        paths.append(str(path))
    monkeypatch.chdir(tmp_path)
    Run(["--load-plugins=v2lint", "--disable=all", "--enable=v2lint", "--reports=n", "--output-format=json2",
         "--persistent=n", "--score=n", *paths], exit=False)
    messages = json.loads(capsys.readouterr().out)["messages"]
    fatal = [m for m in messages if m["type"] == "fatal" or m["symbol"] in ("astroid-error", "fatal")]
    assert not fatal, fatal
    assert {Path(m["path"]).name for m in messages} >= {Path(p).name for p in paths}


# --------------------------------------------------------------------------- pathological shapes
HEADER = "from azureml.core import Workspace, Run\nws = Workspace.from_config()\n"
PATHOLOGICAL = {
    "parentheses 5,000 deep": HEADER + "x = " + "(" * 5000 + "ws" + ")" * 5000 + "\n",
    "parentheses 190 deep": HEADER + "x = " + "(" * 190 + "ws" + ")" * 190 + ".get_details()\n",
    "attribute chain 5,000 deep": HEADER + "x = ws" + ".a" * 5000 + "\n",
    "attribute chain 600 deep": HEADER + "x = ws" + ".a" * 600 + "\n",
    "call chain 3,000 deep": HEADER + "Run.get_context()" + ".parent" * 3000 + ".log('a', 1)\n",
    "binary operation 5,000 long": HEADER + "x = " + " + ".join(["ws"] * 5000) + "\n",
    "nested calls 3,000 deep": HEADER + "x = " + "f(" * 3000 + "ws" + ")" * 3000 + "\n",
    "nested lambdas 2,000 deep": HEADER + "x = " + "lambda: " * 2000 + "ws\n",
    "nested lists 1,000 deep": HEADER + "x = " + "[" * 1000 + "ws" + "]" * 1000 + "\n",
    "subscripts 3,000 deep": HEADER + "x = ws" + "[0]" * 3000 + ".get_details()\n",
    "not 5,000 deep": HEADER + "x = " + "not " * 5000 + "ws\n",
    "blocks 99 deep": HEADER + "".join("    " * i + "if ws:\n" for i in range(99)) + "    " * 99 + "ws.get_details()\n",
    "blocks 120 deep": HEADER + "".join("    " * i + "if ws:\n" for i in range(120)) + "    " * 120 + "pass\n",
    "elif chain 3,000 long": HEADER + "if ws:\n    pass\n" + "elif ws:\n    ws.get_details()\n" * 3000,
    "comparison chain 5,000 long": HEADER + "x = " + " < ".join(["ws"] * 5000) + "\n",
    "boolean chain 5,000 long": HEADER + "x = " + " and ".join(["ws"] * 5000) + "\n",
    "string 10 MB": HEADER + "x = '" + "a" * 10_000_000 + "'\n",
    "implicit concatenation 20,000 parts": HEADER + "x = " + " ".join(["'a'"] * 20000) + "\n",
    "integer 4,000 digits": HEADER + "x = " + "9" * 4000 + "\n",
    "integer 10,000 digits": HEADER + "x = " + "9" * 10000 + "\n",
    "list 30,000 items": HEADER + "x = [" + ", ".join(["ws"] * 30_000) + "]\nx[0].get_details()\n",
    "dict 10,000 items": HEADER + "x = {" + ", ".join(f"{i}: ws" for i in range(10_000)) + "}\nx[0].get_details()\n",
    "one line of 3,000 statements": HEADER + "; ".join(["ws.get_details()"] * 3_000) + "\n",
    "reassignment chain 3,000 long": HEADER + "a0 = ws\n" + "".join(f"a{i + 1} = a{i}\n" for i in range(3000))
    + "a3000.get_details()\n",
    "mutual recursion": HEADER + "def f(x):\n    return g(x)\ndef g(x):\n    return f(x)\nf(ws).get_details()\n",
    "self-referencing class": HEADER + "class A(A):\n    pass\nclass B(B, Workspace):\n    pass\nB.from_config()\n",
    "cyclic bases": HEADER + "class A(B):\n    pass\nclass B(A):\n    pass\nA().get_details()\n",
    "star imports": "from azureml.core import *\n" + "from azureml.pipeline.core import *\nWorkspace.from_config()\n",
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL), ids=list(PATHOLOGICAL))
def test_pathological_shapes(name, tmp_path, analysis_runs):
    source = PATHOLOGICAL[name]
    findings = check_all_front_ends(source, tmp_path, Stats(), analysis_runs)
    if _parses(source) and findings:
        # something sensible: normal findings, or one AML000 saying why it stopped
        stopped = [f for f in findings if f.code == "AML000"]
        assert not stopped or stopped[0].advice.startswith("analysis stopped"), stopped


# --------------------------------------------------------------------------- fixes never break a file
FIX_EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixes").glob("*.py"))]
# drawn half from the job scripts, half from the submit scripts: the many submit shapes (one unsafe fix
# each, which most mutations break) would otherwise crowd out the job scripts' fixes
JOB_EXAMPLE_TEXTS = [text for text in FIX_EXAMPLE_TEXTS if "Run.get_context()" in text]
SUBMIT_EXAMPLE_TEXTS = [text for text in FIX_EXAMPLE_TEXTS if text not in JOB_EXAMPLE_TEXTS]
JOB_SNIPPETS = ["run.log('a', 1)", "run.log('b', value)", "run.tag('t', 'v')", "run.complete()", "print(run.id)",
                "run.upload_file('o/m.pkl', 'o/m.pkl')", "run.input_datasets['x']"]


@st.composite
def mutated_fix_example(draw) -> str:
    """A fix example (job script, script run) with lines deleted, duplicated or swapped, and job
    snippets inserted at statement starts: the shapes next to the ones the fixes take whole."""
    lines = draw(st.sampled_from(JOB_EXAMPLE_TEXTS) | st.sampled_from(SUBMIT_EXAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "snippet"]))
        if operation == "delete":
            del lines[min(i, j): max(i, j) + 1]
        elif operation == "duplicate":
            lines[i:i] = lines[min(i, j): max(i, j) + 1]
        elif operation == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines.insert(i, _indent_of(lines[i]) + draw(st.sampled_from(JOB_SNIPPETS)))
        if not lines:
            lines = [""]
    return "\n".join(lines)


def test_fixes_never_break_fuzzed_programs():
    """Every fixed program parses, gains no undefined name (pyflakes) and is stable under a second fix."""
    from v2lint import fixing

    stats = Stats()

    @_settings("mutation")
    @given(source=mutated_fix_example(), unsafe=st.booleans())
    def run(source: str, unsafe: bool) -> None:
        stats["examples"] += 1
        stats["parse"] += _parses(source)  # a mutant that does not parse has nothing to fix
        fixed = fixing.fix_file(source.encode("utf-8"), "job.py", "job.py", unsafe)
        if fixed is None or not fixed.applied:
            return
        stats["fixed"] += 1
        ast.parse(fixed.text)
        assert fixing.undefined_names(fixed.text) <= fixing.undefined_names(source), (source, fixed.text)
        assert fixing.fix_file(fixed.text.encode("utf-8"), "job.py", "job.py", unsafe) is None, (source, fixed.text)

    run()
    stats.report("fixes")
    assert stats["fixed"] >= 0.3 * stats["parse"], stats
