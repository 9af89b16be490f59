"""A finding and its message: what every front-end, format and report shows.

Kept free of astroid, so the CLI's ``rules`` command, the formats and the
dependency scanner never load it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from v2lint.catalogue import RULES_BY_CODE, Applicability, Rule, Tier

HIGH = "HIGH"  # proved by imports
INFERENCE = "INFERENCE"  # needed inference through assignments, calls, chains


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, col) to (end_line, end_col) with ``text``:
    lines 1-based, columns 0-based in Unicode code points; an empty range inserts."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str


@dataclass(frozen=True)
class Fix:
    """What ``--fix`` does for one finding: its edits, applied together or not at all."""

    title: str
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass(frozen=True, order=True)
class Finding:
    line: int
    col: int  # 0-based, as in astroid, pylint and flake8
    code: str
    qname: str  # canonical qualified name of the v1 symbol
    written: str  # the symbol as the user wrote it
    advice: str  # the v2 replacement, or what to do instead
    confidence: str = HIGH
    end_line: int | None = None
    end_col: int | None = None
    # whose advice a name without its own catalogue target carries: "class:<qname>"
    # (a member; its nearest catalogued class in the MRO), "base:<qname>" (a
    # class; its nearest catalogued ancestor), "module:<name>" or "returned:<module>"
    # (a member of what an unmodelled v1 module returned)
    via: str = ""

    # the finding's own tier, when its advice's differs from the rule's (an import
    # of a name with no v2 equivalent); None: the rule's
    tier: Tier | None = field(default=None, compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.tier is self.rule.tier:  # only a tier that differs from the rule's is the finding's own
            object.__setattr__(self, "tier", None)

    @property
    def rule(self) -> Rule:
        return RULES_BY_CODE[self.code]

    @property
    def severity(self) -> Tier:
        return self.tier or self.rule.tier

    @property
    def message(self) -> str:
        named = self.written if self.written == self.qname else f"{self.written} ({self.qname})"
        return sentence(self.rule, named, self.advice, self.severity, self.via)


def sentence(rule: Rule, named: str, advice: str, tier: Tier, via: str = "") -> str:
    """The one grammar of every message: ``advice`` after "use" for a
    replacement, an imperative after the colon when there is no equivalent."""
    if tier is Tier.UNANALYSABLE:
        return f"could not be analysed: {advice}"
    if via:
        return _borrowed(named, advice, tier, via)
    if rule.template:
        return rule.template.format(named=named, advice=advice)
    if tier is Tier.NO_EQUIVALENT:
        return f"{named} has no SDK v2 equivalent: {advice}"
    if tier is Tier.REPLACEMENT:
        return f"{named} is Azure ML SDK v1: use {advice}"
    return f"{named}: {advice}"


def _borrowed(named: str, advice: str, tier: Tier, via: str) -> str:
    """A name without its own advice says whose advice it borrows, so no
    member gets an invented mapping."""
    kind, owner = via.split(":", 1)
    short = owner.rsplit(".", 1)[-1]
    if kind == "class":
        lead, whole = f"{named} is a member of Azure ML SDK v1 {short}", short
    elif kind == "base":
        lead, whole = f"{named} derives from Azure ML SDK v1 {short}", short
    elif kind == "returned":
        lead, whole = f"{named} is a member of an object returned by Azure ML SDK v1 module {owner}", "that module"
    else:
        lead, whole = f"{named} is defined in Azure ML SDK v1 module {owner}", "that module"
    if tier is Tier.NO_EQUIVALENT:
        return f"{lead}, which has no SDK v2 equivalent: {advice}"
    if tier is Tier.REPLACEMENT:
        return f"{lead} (no advice specific to this name): for {whole}, use {advice}"
    return f"{lead}: {advice}"


TOO_DEEP = "analysis stopped: expression nested too deeply"


def unanalysable(reason: str) -> Finding:
    """A finding for a file that could not be analysed (used by the CLI too)."""
    return Finding(1, 0, "AML000", "", "file", reason)
