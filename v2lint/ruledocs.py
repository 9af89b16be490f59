"""What the rule pages say from the catalogue, rendered once for every place that shows it.

The pages of docs/rules/ (whose marked regions ``tools/rule_docs.py`` writes), the rule table and
page of ``v2lint rules`` and the SARIF rule help all take a target's text from :func:`target_text`,
so docs, terminal and SARIF say the same. Imports no astroid: ``v2lint rules`` never loads it.
"""

from __future__ import annotations

import re

from v2lint.catalogue import IN_JOB_ADVICE, RULES, Applicability, Rule, Tier, describe
from v2lint.catalogue import DEPENDENCY


def target_text(rule: Rule, qname: str) -> str:
    """What replaces the v1 name ``qname`` of ``rule``, in one line of plain text: the catalogue's
    advice, then the keyword renames Microsoft documents for it. The one reader of a target's value,
    so a change of how the catalogue holds advice changes only this function."""
    return describe(rule.targets[qname])


def markdown_cell(text: str) -> str:
    """Plain ``text`` as one Markdown table cell: a pipe would end the cell, and a viewer
    would drop ``<name>`` as an HTML tag (a ``>`` alone is shown as written)."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def page_name(rule: Rule) -> str:
    return f"{rule.code}-{rule.symbol}.md"


def header(rule: Rule) -> str:
    """A rule page's title and facts: its codes and how to silence them, tier, what it finds, article."""
    if rule is DEPENDENCY:  # found in dependency files, which only the v2lint command reads
        codes = [f"- **pylint message:** `{rule.msgid}` (`{rule.symbol}`); never emitted by pylint, "
                 "which reads only Python files",
                 f"- **v2lint code:** `{rule.code}`; reported by the `v2lint` command"]
    else:
        codes = [f"- **pylint message:** `{rule.msgid}` (`{rule.symbol}`); "
                 f"disable with `# pylint: disable={rule.symbol}`",
                 f"- **flake8 code:** `{rule.code}`; silence with `# noqa: {rule.code}`"]
    tier = rule.tier
    return "\n".join([
        f"# {rule.symbol} ({rule.code})",
        "",
        *codes,
        f"- **tier:** {tier.pylint_letter} ({tier.label}; SARIF level `{tier.sarif_level}`)",
        f"- **finds:** {rule.summary}",
        f"- **migration guide:** <{rule.url}>",
    ]) + "\n"


def targets_table(rule: Rule) -> str:
    """The rule's v1 names and what replaces each (or what to do instead), as a Markdown table."""
    replacement = "what to do instead" if rule.tier is Tier.NO_EQUIVALENT else "v2 replacement"
    rows = [f"| v1 name | {replacement} |", "|---|---|"]
    rows += [f"| `{qname}` | {markdown_cell(target_text(rule, qname))} |" for qname in rule.targets]
    return "\n".join(rows) + "\n"


def index_table() -> str:
    """The table of every rule that docs/rules/README.md shows, each linked to its page."""
    rows = ["| code | symbol | pylint id | tier | finds |", "|---|---|---|---|---|"]
    for rule in RULES:
        page = page_name(rule)
        rows.append(f"| [{rule.code}]({page}) | [`{rule.symbol}`]({page}) | `{rule.msgid}` "
                    f"| {rule.tier.pylint_letter} ({rule.tier.label}) | {markdown_cell(rule.summary)} |")
    return "\n".join(rows) + "\n"


def fixes_section(rule: Rule) -> str:
    """The rule page's "Fix" section: what ``v2lint check --fix`` writes for each v1 name, in the
    order it tries the rewrites, and whether each is safe (and if not, why)."""
    fixable = {qname: advice.fixes for qname, advice in rule.targets.items() if advice.fixes}
    fixable.update({qname: advice.fixes for qname, advice in IN_JOB_ADVICE.items()
                    if qname in rule.targets and advice.fixes})
    lines = ["## Fix", ""]
    if not fixable:
        lines.append("`v2lint check --fix` has no fix for this rule yet: migrate these lines by hand, as the table says.")
        return "\n".join(lines) + "\n"
    lines += [
        "`v2lint check --fix` writes these rewrites only inside a pattern it understands whole (docs/fixes.md):",
        "a job script's own run (bound by `Run.get_context()`) and the workspace it runs in (`run.experiment.workspace`",
        "with every use of it), or a whole script run (workspace, experiment, `ScriptRunConfig`, compute block,",
        "datasets consumed, conda or registered environment, distribution, submit), or a whole pipeline of",
        "`PythonScriptStep`s (compute block, datasets, outputs, `Pipeline`, submit), each of which becomes one unsafe",
        "fix, or a whole workspace handle (its binding, its `auth=` credential and every use of the handle), one fix",
        "as safe as its least safe rewrite. It takes the first rewrite whose arguments are all passed and whose",
        "condition holds (an optional keyword is left out when the v1 code has no value for it); an argument the",
        "rewrite does not use makes it unsafe (in a workspace handle or a credential, where it would change what is",
        "signed in to: no fix). Safe fixes keep behaviour; unsafe ones (`--fix --unsafe-fixes`) may change it, for",
        "the reason given.",
        "",
        "| v1 name | rewrite | when | applicability |",
        "|---|---|---|---|",
    ]
    for qname, rewrites in fixable.items():
        # the first rewrite that holds is written: it holds when the arguments that only some
        # of the target's rewrites require are passed, and its condition is met
        arguments = [set(rewrite.required) - {"self"} for rewrite in rewrites]
        choosing = set().union(*arguments) - set.intersection(*arguments)
        for index, rewrite in enumerate(rewrites):
            conditions = []
            if choosing & arguments[index]:
                conditions.append(", ".join(f"`{name}`" for name in sorted(choosing & arguments[index])) + " passed")
            if rewrite.when:
                conditions.append(f"`{rewrite.when[0]}` is {rewrite.when[1]}")
            when = "; ".join(conditions) or ("otherwise" if index else "always")
            if rewrite.optional:
                keywords = [re.search(rf"(\w+)=\{{{name}\}}", rewrite.template).group(1) for name in rewrite.optional]
                when += "; " + ", ".join(f"`{keyword}=`" for keyword in keywords) + " only when v1 has a value for it"
            applies = "safe" if rewrite.applicability is Applicability.SAFE else f"unsafe: {rewrite.why}"
            code = " ".join(line.strip() for line in rewrite.template.split("\n"))  # statements: one line
            lines.append(f"| `{qname}` | `{markdown_cell(code)}` | {when} | {markdown_cell(applies)} |")
    return "\n".join(lines) + "\n"
