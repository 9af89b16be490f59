"""pylint front-end: a thin adapter from findings to ``linter.add_message``."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.constants import WarningScope
from pylint.interfaces import HIGH, INFERENCE

from v2lint import brain, isolation, worth_analysing
from v2lint.analysis import analyse
from v2lint.findings import unanalysable
from v2lint.catalogue import RULES

_CONFIDENCE = {"HIGH": HIGH, "INFERENCE": INFERENCE}


class V2LintChecker(BaseChecker):
    """Azure ML SDK v1 uses and their SDK v2 replacements."""

    name = "v2lint"
    msgs = {
        rule.msgid: (
            "%s",
            rule.symbol,
            f"{rule.summary} ({rule.tier.label}; {rule.code}; {rule.url})",
            {"scope": WarningScope.LINE},
        )
        for rule in RULES
    }

    def visit_module(self, node: nodes.Module) -> None:
        if not worth_analysing(_source(node), node.file):
            return
        try:
            with isolation.source_only():  # pylint's own checkers get astroid as it is
                findings = analyse(node)
        except isolation.BudgetExceeded as error:
            findings = [unanalysable(str(error))]
        for finding in findings:
            self.add_message(
                finding.rule.symbol,
                line=finding.line,
                col_offset=finding.col,
                end_lineno=finding.end_line,
                end_col_offset=finding.end_col,
                args=(finding.message,),
                confidence=_CONFIDENCE[finding.confidence],
            )


def _source(node: nodes.Module) -> bytes:
    try:
        with node.stream() as stream:
            return stream.read()
    except OSError:
        return b""


def register(linter) -> None:
    brain.register()
    linter.register_checker(V2LintChecker(linter))
