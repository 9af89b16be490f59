"""The catalogue's contracts: codes, ids, symbols, tiers, and that every v1
name it lists is a real name of the SDK v1 API the brain serves."""

from __future__ import annotations

import ast
import re
from collections import defaultdict

import astroid
import pytest

from v2lint import brain
from v2lint.catalogue import ARGUMENT_KINDS, RULES, STRUCTURAL_CODES, TARGETS, TYPED_RETURNS, Tier, is_v1_module

_PLUGIN_CHECKER_ID = "74"


def test_codes_ids_and_symbols_are_unique_and_well_formed():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.msgid for r in RULES}) == len(RULES)
    assert len({r.symbol for r in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"AML\d{3}", rule.code), rule.code
        # pylint's functional-test expectation comments do not match digits
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.symbol), rule.symbol
        assert re.fullmatch(r"[EWI]\d{4}", rule.msgid), rule.msgid
        assert rule.msgid[1:3] == _PLUGIN_CHECKER_ID, rule.msgid


def test_no_dict_of_the_catalogue_names_a_key_twice():
    """A key written twice in one dict literal (or once more through a ``**{...}`` splat) silently
    drops the first advice: two engineers writing the same member's target is a merge, not a choice."""
    from v2lint import catalogue

    namespace = vars(catalogue)
    tree = ast.parse(open(catalogue.__file__, encoding="utf-8").read())
    repeated = []
    for literal in ast.walk(tree):
        if not isinstance(literal, ast.Dict):
            continue
        seen: dict[str, int] = {}
        for key, value in zip(literal.keys, literal.values):
            node = key if key is not None else value
            try:
                keys = eval(compile(ast.Expression(node), "catalogue", "eval"), namespace)  # noqa: S307 (our own constants)
            except NameError:  # a comprehension's own variable: its dict is checked as a literal of its own
                continue
            for name in [keys] if key is not None else list(keys):
                if isinstance(name, str) and name in seen:
                    repeated.append(f"{name}: lines {seen[name]} and {node.lineno}")
                seen.setdefault(name, node.lineno)
    assert not repeated, repeated


def test_no_v1_name_is_a_target_of_two_rules():
    """A name resolved to one v1 object gets one rule's advice: TARGETS keeps only
    the last rule's. ``qname(keyword)`` keys are names of their own. Structural
    rules are left out: their keys are matched another way (an import's module,
    an environment variable, a distribution name), not as resolved names."""
    rules_of = defaultdict(list)
    for rule in RULES:
        if rule.code not in STRUCTURAL_CODES:
            for name in rule.targets:
                rules_of[name].append(rule.code)
    shared = {name: codes for name, codes in rules_of.items() if len(codes) > 1}
    assert not shared, shared


def test_argument_kinds_are_typed_returns_of_targets():
    """An ARGUMENT_KINDS call reads the argument its TYPED_RETURNS entry names, and is a target."""
    for qname in ARGUMENT_KINDS:
        assert qname in TYPED_RETURNS and qname in TARGETS, qname


def test_the_tier_decides_the_pylint_letter():
    for rule in RULES:
        assert rule.msgid[0] == rule.tier.pylint_letter, rule.code
    assert Tier.NO_EQUIVALENT.sarif_level == "error"
    assert Tier.REPLACEMENT.sarif_level == "warning"
    assert Tier.INFO.sarif_level == "note"


def test_every_rule_links_an_official_article():
    for rule in RULES:
        assert rule.url.startswith(("https://learn.microsoft.com/", "https://github.com/MicrosoftDocs/")), rule.code


def test_v2_era_azureml_packages_are_not_v1():
    for module in ("azureml.mlflow", "azureml.fsspec", "azureml.ai.monitoring", "azureml.featurestore",
                   "azureml.rag", "azureml.acft.common", "azureml.metrics", "azureml.evaluate.mlflow",
                   "azureml_inference_server_http", "mltable", "azuremlconstructor", "azureml",
                   "azureml.contrib.services.aml_request"):
        assert not is_v1_module(module), module
    for module in ("azureml.core", "azureml.core.compute", "azureml.pipeline.steps", "azureml.data",
                   "azureml.train.hyperdrive", "azureml.train.automl", "azureml.widgets"):
        assert is_v1_module(module), module


def _resolve(key: str):
    """The stub object a catalogue key names, found by walking the stubs."""
    modules = brain.manifest()["modules"]
    parts = key.split(".")
    for end in range(len(parts), 0, -1):
        modname = ".".join(parts[:end])
        if modname in modules:
            break
    else:
        raise AssertionError(f"{key}: no stub module")
    node = astroid.MANAGER.ast_from_module_name(modname)
    for part in parts[end:]:
        if isinstance(node, astroid.nodes.ClassDef) and part in node.instance_attrs:
            node = node.instance_attrs[part][0]
        elif isinstance(node, astroid.nodes.ClassDef):
            node = node.getattr(part)[0]  # own, inherited or instance attribute definitions
        elif isinstance(node.getattr(part)[0], astroid.nodes.AssignName):
            node = node.getattr(part)[0]  # a module constant
        else:
            node = next(node.igetattr(part))  # through re-exports
    return node


@pytest.mark.parametrize("key", sorted(TARGETS))
def test_every_v1_target_is_canonical_in_the_stubs(key):
    brain.register()
    name, _, keyword = key.partition("(")
    node = _resolve(name)
    owner = node.parent.frame() if isinstance(node, astroid.nodes.FunctionDef) else None
    if isinstance(node, astroid.nodes.ClassDef) or (
        isinstance(node, astroid.nodes.FunctionDef) and not isinstance(owner, astroid.nodes.ClassDef)
    ):
        assert node.qname() == name, f"{key} is a re-export of {node.qname()}"
    elif isinstance(node.parent, astroid.nodes.Module) or isinstance(node.parent.parent, astroid.nodes.Module):
        pass  # a module constant such as azureml.core.VERSION
    else:  # a member, own or inherited: its class must be named canonically
        cls = _resolve(name.rsplit(".", 1)[0])
        assert isinstance(cls, astroid.nodes.ClassDef) and cls.qname() == name.rsplit(".", 1)[0], key
    if keyword:
        if isinstance(node, astroid.nodes.ClassDef):
            node = node.getattr("__init__")[0]
        assert isinstance(node, astroid.nodes.FunctionDef), key
        args = node.args
        names = [a.name for a in args.args + args.kwonlyargs]
        assert keyword.rstrip(")") in names or args.kwarg, key
