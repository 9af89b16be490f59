"""Conformance: every SDK v1 name of the catalogue exists in the real SDK v1.

Runs only where the pinned SDK v1 of ``tools/requirements-sdk-v1.txt`` is
importable (CI's SDK environment); elsewhere the whole module is skipped. With
``V2LINT_EXPECT_SDK=1`` a missing SDK is a failure, not a skip.

* every target key of the symbol rules (all but the structural ones) resolves:
  the longest importable module prefix, then ``getattr`` (an attribute that the
  class only sets on its instances, ``self.x = ...``, counts);
* a key ``qname(kw)`` names a callable that really accepts the keyword ``kw``;
* every v1 keyword an advice renames is a parameter of the real callable, and its
  ``positional`` order is the real callable's;
* the classes of ``SUBMIT_JOB_KINDS``, ``ATTACH_KINDS`` and ``TYPED_RETURNS`` exist, and each
  ``TYPED_RETURNS`` argument (the one ``ARGUMENT_KINDS`` reads too) is the real parameter at its position;
* AML001's module roots import, or, when they do not, are listed in ``NOT_IN_PINNED_DISTRIBUTIONS`` with the distribution
  they come from;
* (``V1_MODULE_ROOTS`` is derived from the distributions' file lists and
  checked by test_namespace.py);
* with ``V2LINT_REGENERATE_STUBS=1``: ``tools/generate_stubs.py`` run on the
  installed SDK gives ``v2lint/brain/stubs`` byte for byte.
"""

from __future__ import annotations

import ast
import filecmp
import importlib
import inspect
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

if os.environ.get("V2LINT_EXPECT_SDK") != "1":
    pytest.importorskip(
        "azureml.core",
        reason="SDK v1 conformance: needs the pinned SDK v1 of tools/requirements-sdk-v1.txt (azureml-core not importable)",
    )
    pytest.importorskip(
        "azureml.pipeline.steps",
        reason="SDK v1 conformance: needs the pinned SDK v1 of tools/requirements-sdk-v1.txt (azureml-pipeline-steps not importable)",
    )

from sdk_import import import_longest_prefix  # noqa: E402
from v2lint.catalogue import (  # noqa: E402
    ATTACH_KINDS,
    RULES,
    RULES_BY_CODE,
    SUBMIT_JOB_KINDS,
    TYPED_RETURNS,
)

REPO = Path(__file__).resolve().parents[2]
STUBS = REPO / "v2lint" / "brain" / "stubs"
GENERATOR = REPO / "tools" / "generate_stubs.py"

#: Rules matched by structure, whose keys are not v1 qualified names
#: (AML001's module roots are checked separately below).
SKIPPED_RULES = frozenset({"AML000", "AML001", "AML002", "AML003", "AML004", "AML901"})

#: v1 module roots v2lint flags whose distributions are not in
#: tools/requirements-sdk-v1.txt (they are large, pull in ML frameworks or are
#: retired), with where they come from.
NOT_IN_PINNED_DISTRIBUTIONS = {
    "azureml.automl.runtime": "azureml-automl-runtime (the AutoML training runtime, pulls in the ML frameworks)",
    "azureml.train.automl.runtime": "azureml-train-automl-runtime (the AutoML training runtime, pulls in the ML frameworks)",
    "azureml.train.automl.runtime.automl_explain_utilities": "azureml-train-automl-runtime (its model explanation helpers)",
    "azureml.automl.runtime.shared.score": "azureml-automl-runtime (its scoring helpers)",
    "azureml.automl.dnn": "azureml-automl-dnn-nlp / azureml-automl-dnn-vision (AutoML deep learning runtime)",
    "azureml.contrib": "the azureml-contrib-* distributions (experimental, retired)",
    "azureml.contrib.automl.pipeline": "azureml-contrib-automl-pipeline-steps (many-models and HTS steps)",
    "azureml.train.automl.runtime._hts": "azureml-train-automl-runtime (its hierarchical-forecasting parameters)",
    "azureml.train.automl.runtime._many_models": "azureml-train-automl-runtime (its many-models parameters)",
    "azureml.interpret": "azureml-interpret (pulls in interpret-community and shap)",
    "azureml.interpret.scoring": "azureml-interpret (pulls in interpret-community and shap)",
    "azureml.interpret.ExplanationClient": "azureml-interpret (pulls in interpret-community and shap)",
    "azureml.tensorboard": "azureml-tensorboard (pulls in tensorboard)",
    "azureml.explain": "azureml-explain-model (pulls in interpret-community)",
    "azureml.responsibleai": "azureml-responsibleai (pulls in responsibleai)",
    "azureml.training": "azureml-training-tabular (the AutoML training runtime)",
    "azureml.opendatasets": "azureml-opendatasets",
    "azureml.monitoring": "azureml-monitoring (the v1 model data collector)",
    "azureml.synapse": "azureml-synapse (pulls in the Spark magics)",
    "azureml.automl.runtime.onnx_convert": "azureml-automl-runtime (its ONNX conversion helpers)",
}


class _Missing(Exception):
    pass


def _import_longest_prefix(dotted: str):
    """(module, remaining attribute names) for the longest importable prefix."""
    found = import_longest_prefix(dotted)
    if found is None:
        raise _Missing(f"no importable module prefix in {dotted}")
    return found


def _instance_attributes(cls: type) -> set[str]:
    """Names assigned as ``self.<name> = ...`` in the classes of ``cls.__mro__``."""
    names: set[str] = set()
    for klass in cls.__mro__:
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        for node in ast.walk(ast.parse(source)):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                targets = [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                    names.add(target.attr)
    return names


def _on_a_concrete_subclass(cls: type, attr: str) -> bool:
    """A factory class (abstract, or with a ``__new__`` such as ``Webservice(ws,
    name)`` and ``ComputeTarget(ws, name)``) only ever has instances of its
    subclasses; the stubs declare the members of those (tools/generate_stubs.py,
    hoisted_members), and a target may name one on the factory class."""
    if not (inspect.isabstract(cls) or any("__new__" in vars(k) for k in cls.__mro__ if k is not object)):
        return False
    pending, seen = list(cls.__subclasses__()), set()
    while pending:
        sub = pending.pop()
        if sub in seen:
            continue
        seen.add(sub)
        pending.extend(sub.__subclasses__())
        if not inspect.isabstract(sub) and (attr in vars(sub) or attr in _instance_attributes(sub)):
            return True
    return False


def resolve(dotted: str):
    """The real object of a v1 qualified name; an instance-only attribute
    resolves to the string ``"<instance attribute>"``."""
    module, rest = _import_longest_prefix(dotted)
    obj = module
    for position, attr in enumerate(rest):
        try:
            obj = inspect.getattr_static(obj, attr) if isinstance(obj, type) else getattr(obj, attr)
            if isinstance(obj, (staticmethod, classmethod)):
                obj = obj.__func__
        except AttributeError:
            if isinstance(obj, type) and position == len(rest) - 1 and attr in _instance_attributes(obj):
                return "<instance attribute>"
            if isinstance(obj, type) and position == len(rest) - 1 and _on_a_concrete_subclass(obj, attr):
                return "<member of a concrete subclass>"
            raise _Missing(f"{dotted}: {attr!r} not found on {getattr(obj, '__name__', obj)!r}") from None
    return obj


def _signature_target(obj):
    if isinstance(obj, type):
        return obj.__init__
    if isinstance(obj, property):
        raise _Missing("a property is not callable")
    return obj


def accepted_keywords(dotted: str) -> tuple[set[str], bool]:
    """Named parameters of the real callable, and whether it takes **kwargs."""
    obj = resolve(dotted)
    signature = inspect.signature(_signature_target(obj))
    named = {
        name for name, param in signature.parameters.items()
        if param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY)
    }
    var_keyword = any(param.kind == param.VAR_KEYWORD for param in signature.parameters.values())
    return named, var_keyword


def _target_keys():
    for rule in RULES:
        if rule.code in SKIPPED_RULES:
            continue
        for key in rule.targets:
            yield pytest.param(rule.code, key, id=f"{rule.code}:{key}")


@pytest.mark.parametrize(("code", "key"), list(_target_keys()))
def test_target_resolves_in_the_real_sdk(code, key):
    qname, _, keyword = key.partition("(")
    try:
        obj = resolve(qname)
    except _Missing as error:
        pytest.fail(f"{code} {key}: {error}")
    if keyword:
        keyword = keyword.rstrip(")")
        named, var_keyword = accepted_keywords(qname)
        assert keyword in named, (
            f"{code} {key}: the real {qname} does not declare the keyword {keyword!r} "
            f"(parameters: {sorted(named)}{', **kwargs' if var_keyword else ''})"
        )
    else:
        assert obj is not None


def _rename_keys():
    for rule in RULES:
        for qname, advice in rule.targets.items():
            if advice.renames or advice.positional:
                yield pytest.param(rule.code, qname, advice, id=f"{rule.code}:{qname}")


@pytest.mark.parametrize(("code", "qname", "advice"), list(_rename_keys()))
def test_renamed_keywords_exist_on_the_real_callable(code, qname, advice):
    try:
        named, var_keyword = accepted_keywords(qname)
    except _Missing as error:
        pytest.fail(f"{code} renames {qname}: {error}")
    missing = sorted(set(advice.renames) - named)
    assert not missing, (
        f"{code} renames {qname}: v1 keywords {missing} are not parameters of the real callable "
        f"(parameters: {sorted(named)}{', **kwargs' if var_keyword else ''})"
    )
    signature = inspect.signature(_signature_target(resolve(qname)))
    # a ``**name`` entry stands for the callable's variadic keywords, whatever v1 calls them
    real = ["**" if parameter.kind is parameter.VAR_KEYWORD else name
            for name, parameter in signature.parameters.items() if name not in ("self", "cls")]
    written = ["**" if name.startswith("**") else name for name in advice.positional]
    assert written == real[: len(written)], (
        f"{code} {qname}: positional={advice.positional} is not the real order {real[: len(advice.positional)]}"
    )


_TYPED_CLASSES = {cls for typed in TYPED_RETURNS.values() for pair in typed.returns.items() for cls in pair}


@pytest.mark.parametrize("qname", sorted(set(SUBMIT_JOB_KINDS) | set(ATTACH_KINDS) | _TYPED_CLASSES))
def test_context_tables_name_real_classes(qname):
    try:
        obj = resolve(qname)
    except _Missing as error:
        pytest.fail(f"SUBMIT_JOB_KINDS/ATTACH_KINDS/TYPED_RETURNS {qname}: {error}")
    assert isinstance(obj, type), f"{qname} is {obj!r}, not a class"


@pytest.mark.parametrize("qname", sorted(TYPED_RETURNS))
def test_typed_returns_name_the_real_argument(qname):
    """The argument a TYPED_RETURNS call's return (and an ARGUMENT_KINDS call's advice) follows
    sits where the real signature has it."""
    typed = TYPED_RETURNS[qname]
    real = [name for name in inspect.signature(_signature_target(resolve(qname))).parameters if name not in ("self", "cls")]
    assert real[typed.position] == typed.argument, f"{qname}: {typed.argument} is not parameter {typed.position} of {real}"


@pytest.mark.parametrize("root", sorted(RULES_BY_CODE["AML001"].targets))
def test_module_roots_import_or_are_documented(root):
    """An AML001 key is a module that imports, or a name in one (the advice of a name the
    stubs do not model, catalogue.unmodelled_advice) that it defines; or it is allowlisted."""
    allowed = next((key for key in NOT_IN_PINNED_DISTRIBUTIONS if root == key or root.startswith(key + ".")), None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            importlib.import_module(root)
    except ModuleNotFoundError as error:
        if allowed is not None and error.name and root.startswith(error.name):
            pytest.skip(f"{root}: not in the pinned distributions: {NOT_IN_PINNED_DISTRIBUTIONS[allowed]}")
        if not error.name or not (root == error.name or root.startswith(error.name + ".")):
            raise
        if _stub_mapping_class(root):
            return  # the stubs' dict of a mapping the SDK returns (ws.compute_targets), not a name of the SDK
        resolve(root)  # a name of its own (a class, a member): its module defines it


def _stub_mapping_class(dotted: str) -> bool:
    """``azureml.core.workspace._ComputeTargetDict``: a ``dict`` class tools/generate_stubs.py writes
    for a documented ``dict[str, X]`` return, which the real module does not define."""
    module, _, name = dotted.rpartition(".")
    stub = STUBS.joinpath(*module.split(".")).with_suffix(".py")
    return stub.is_file() and f"class {name}(dict):" in stub.read_text(encoding="utf-8")


def test_allowlist_has_no_stale_entries():
    """An allowlisted root that is not flagged any more is a stale entry."""
    assert set(NOT_IN_PINNED_DISTRIBUTIONS) <= set(RULES_BY_CODE["AML001"].targets)


@pytest.mark.skipif(
    os.environ.get("V2LINT_REGENERATE_STUBS") != "1",
    reason="regenerates the stubs only with V2LINT_REGENERATE_STUBS=1 (CI's SDK v1 environment)",
)
def test_stubs_match_the_installed_sdk(tmp_path):
    out = tmp_path / "stubs"
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    committed = {p.relative_to(STUBS).as_posix() for p in STUBS.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    generated = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    only_committed = sorted(committed - generated)
    only_generated = sorted(generated - committed)
    differing = sorted(
        name for name in committed & generated
        if not filecmp.cmp(STUBS / name, out / name, shallow=False)
    )
    assert not (only_committed or only_generated or differing), (
        "v2lint/brain/stubs drifted from the installed SDK v1; regenerate with "
        "`python tools/generate_stubs.py --out v2lint/brain/stubs`.\n"
        f"only committed: {only_committed}\nonly generated: {only_generated}\ndiffering: {differing}"
    )


def test_the_fixes_name_v1s_own_default_image():
    """A fixed environment that named no image runs on the image v1 would have used,
    and the advice for v1's default-image constants names their values."""
    from v2lint.catalogue import V1_DEFAULT_CPU_IMAGE, V1_DEFAULT_GPU_IMAGE

    assert resolve("azureml.core.environment.DEFAULT_CPU_IMAGE") == V1_DEFAULT_CPU_IMAGE
    assert resolve("azureml.core.runconfig.DEFAULT_CPU_IMAGE") == V1_DEFAULT_CPU_IMAGE
    assert resolve("azureml.core.runconfig.DEFAULT_GPU_IMAGE") == V1_DEFAULT_GPU_IMAGE
    assert resolve("azureml.core.runconfig.MPI_CPU_IMAGE") == V1_DEFAULT_CPU_IMAGE
    assert resolve("azureml.core.runconfig.MPI_GPU_IMAGE") == V1_DEFAULT_GPU_IMAGE


@pytest.mark.parametrize(("table", "qname"), [
    ("AUTOML_METRIC_NAMES", "azureml.automl.core.shared.constants.Metric"),  # the names v2 logs metrics under
    ("AUTOML_TIME_SERIES_NAMES", "azureml.automl.core.shared.constants.TimeSeries"),  # v1's settings keys
])
def test_automl_constant_values_are_the_sdk_values(table, qname):
    """The strings AML701 prints for <constant class>.<constant> are the pinned SDK's values."""
    import v2lint.catalogue

    module, _ = import_longest_prefix(qname)
    holder = getattr(module, qname.rsplit(".", 1)[1])
    real = {name: value for name, value in vars(holder).items() if not name.startswith(("_", "SCHEMA_TYPE_"))
            and isinstance(value, str)}
    assert dict(getattr(v2lint.catalogue, table)) == real


def test_automl_task_literals_are_the_sdk_tasks():
    """Every AutoMLConfig task literal v2lint names a v2 factory for is a task the pinned SDK v1 takes."""
    from v2lint.catalogue import AUTOML_TASKS

    constants, _ = import_longest_prefix("azureml.automl.core.shared.constants.Tasks")
    tasks = {value for name, value in vars(constants.Tasks).items() if not name.startswith("_") and isinstance(value, str)}
    assert set(AUTOML_TASKS) <= tasks, set(AUTOML_TASKS) - tasks


def test_the_pip_requirements_fix_writes_the_conda_environment_v1_built(tmp_path):
    """Environment.from_pip_requirements: the channels, Python and pip around the file's packages."""
    from azureml.core import Environment

    from v2lint.catalogue import V1_CONDA_CHANNELS, V1_CONDA_PYTHON

    requirements = tmp_path / "requirements.txt"
    requirements.write_text("lightgbm\npandas==2.2.2\n", encoding="utf-8")
    conda = Environment.from_pip_requirements("env", str(requirements)).python.conda_dependencies.as_dict()
    # the structure the fix writes as the v2 environment's conda_file
    assert conda["channels"] == list(V1_CONDA_CHANNELS)
    assert conda["dependencies"] == [V1_CONDA_PYTHON, {"pip": ["lightgbm", "pandas==2.2.2"]}, "pip"]
