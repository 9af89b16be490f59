"""Every advice of the catalogue, rendered through the one message grammar,
reads as a sentence: a noun phrase after "use", an imperative after "has no
SDK v2 equivalent:", and code in balanced backticks."""

from __future__ import annotations

import pytest

from v2lint.catalogue import RULES, RULES_BY_CODE, Tier, context_advice
from v2lint.findings import sentence

# words that start a clause, not the noun phrase "use" needs
NOT_AFTER_USE = frozenset({
    "use", "no", "not", "nothing", "none", "there", "save", "split", "remove", "pass", "run", "set", "call",
    "create", "choose", "port", "copy", "read", "write", "import", "redeploy", "query", "delete", "list",
    "re-create", "work", "migrate", "finish", "replace", "it", "this", "install", "compute", "annotate", "load", "drop", "cast",
})
# the imperative verbs a text of a name with no v2 equivalent starts with
IMPERATIVES = frozenset({
    "run", "port", "copy", "re-create", "remove", "choose", "redeploy", "import", "split", "set", "read",
    "write", "list", "delete", "work", "query", "migrate", "finish", "install", "compute", "keep", "drop",
    "annotate", "load", "create", "cast",
})


def _advices():
    for rule in RULES:
        for qname, advice in rule.targets.items():
            yield pytest.param(rule, advice, id=f"{rule.code}:{qname}")
    for where, code, advice in context_advice():
        yield pytest.param(RULES_BY_CODE[code], advice, id=where)


@pytest.mark.parametrize(("rule", "advice"), list(_advices()))
def test_advice_reads_as_a_sentence(rule, advice):
    message = sentence(rule, "Name (azureml.core.Name)", advice.text, advice.tier)
    first = advice.text.split()[0].strip("`(").lower()
    if rule.template:
        assert "{advice}" in rule.template
    elif advice.tier is Tier.REPLACEMENT:
        assert first not in NOT_AFTER_USE, f"not a noun phrase after 'use': {message}"
    elif advice.tier is Tier.NO_EQUIVALENT:
        assert first in IMPERATIVES, f"no verb after 'has no SDK v2 equivalent:': {message}"
    assert "use use" not in message and "  " not in message and advice.text == advice.text.strip()
    assert advice.text.count("`") % 2 == 0, f"unbalanced backticks: {advice.text}"
    prose = " ".join(advice.text.split("`")[::2])
    assert prose.count("(") == prose.count(")"), f"unbalanced parentheses: {advice.text}"
    assert not advice.text.endswith((".", ";", ",", ":")), f"the grammar ends the sentence: {advice.text}"
    for v1, v2 in advice.renames.items():
        assert v1 != v2 and v2.split()[0] != v1, f"a rename that renames nothing: {v1} -> {v2}"


def test_the_grammar_per_tier():
    rule = RULES_BY_CODE["AML303"]
    assert sentence(rule, "AdlaStep", "port the job to Spark", Tier.NO_EQUIVALENT) == (
        "AdlaStep has no SDK v2 equivalent: port the job to Spark"
    )
    assert sentence(RULES_BY_CODE["AML001"], "Run", "`mlflow`", Tier.REPLACEMENT) == "Run is Azure ML SDK v1: use `mlflow`"
    assert sentence(RULES_BY_CODE["AML001"], "x", "`a`", Tier.REPLACEMENT, via="class:azureml.core.run.Run") == (
        "x is a member of Azure ML SDK v1 Run (no advice specific to this name): for Run, use `a`"
    )
    assert sentence(RULES_BY_CODE["AML004"], "Run", "remove it", Tier.INFO) == (
        "Run is the Azure ML SDK v1 fallback of an `azure.ai.ml` import: remove it"
    )


def test_an_import_of_a_name_without_equivalent_is_worded_as_one():
    from v2lint.modules import analyse_source

    # re-exported (__all__), so not an unused import to remove
    findings = analyse_source('from azureml.pipeline.steps import AdlaStep\n__all__ = ["AdlaStep"]\n', "pipeline.py")
    assert [f.code for f in findings] == ["AML001"]
    assert findings[0].severity is Tier.NO_EQUIVALENT
    assert findings[0].message.startswith("AdlaStep (azureml.pipeline.steps.adla_step.AdlaStep) has no SDK v2 equivalent: port")


def test_an_unused_import_is_one_to_remove_unless_it_re_exports():
    from v2lint.modules import analyse_source

    unused = analyse_source("from azureml.core import Workspace\nimport os\n", "setup_ws.py")
    assert [(f.code, f.severity) for f in unused] == [("AML001", Tier.INFO)]
    assert unused[0].message == "Workspace (azureml.core.workspace.Workspace): an SDK v1 import the file never uses; remove it"
    package = analyse_source("from azureml.core import Workspace\n", "mlops/__init__.py")
    assert "never uses" not in package[0].message
    dotted = analyse_source("import azureml.core\n", "check.py")  # `import a.b` may serve another import's `a`
    assert "never uses" not in dotted[0].message
