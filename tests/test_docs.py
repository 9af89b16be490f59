"""The per-rule documentation in docs/rules/ agrees with the catalogue and the analysis.

Every rule has exactly one page, named ``<CODE>-<symbol>.md``; its title, article
URL and targets table match the catalogue; its ``python v1`` example really
fires the rule and its ``python v2`` example is silent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from v2lint.catalogue import RULES, RULES_BY_CODE
from v2lint.modules import analyse_source

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
NO_EXAMPLES = "<!-- no-examples -->"
TARGETS_HEADING = "## v1 name → v2 replacement"
_PAGE_NAME = re.compile(r"^(AML\d{3})-([a-z-]+)\.md$")
_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def pages() -> list[Path]:
    return sorted(p for p in DOCS.glob("*.md") if p.name != "README.md")


def rule_of(page: Path):
    match = _PAGE_NAME.match(page.name)
    assert match, f"{page.name}: not named <CODE>-<symbol>.md"
    return RULES_BY_CODE[match.group(1)]


def blocks(text: str, info: str) -> list[str]:
    """Bodies of the fenced code blocks whose info string is exactly ``info``."""
    return [m.group("body") for m in _FENCE.finditer(text) if m.group("info").strip() == info]


def section(text: str, heading: str) -> str:
    """The body of ``heading`` up to the next heading of any level ("" if absent)."""
    match = re.search(rf"^{re.escape(heading)}[ \t]*\n(.*?)(?=^#|\Z)", text, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def has_examples(text: str) -> bool:
    return NO_EXAMPLES not in text


def test_every_rule_has_exactly_one_page():
    names = [p.name for p in pages()]
    for rule in RULES:
        matching = [n for n in names if n.startswith(f"{rule.code}-")]
        assert matching == [f"{rule.code}-{rule.symbol}.md"], (rule.code, matching)


def test_every_page_belongs_to_a_rule():
    expected = {f"{rule.code}-{rule.symbol}.md" for rule in RULES}
    strays = sorted({p.name for p in pages()} - expected)
    assert not strays, f"pages without a rule (or with a stale symbol): {strays}"


def test_index_links_every_page():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"({rule.code}-{rule.symbol}.md)" in index, rule.code
        assert rule.symbol in index and rule.msgid in index, rule.code


@pytest.fixture(params=pages(), ids=lambda p: p.stem)
def page(request) -> Path:
    return request.param


def test_title_matches_rule(page):
    rule = rule_of(page)
    first_line = page.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# {rule.symbol} ({rule.code})"


def test_header_states_message_id_and_tier(page):
    rule = rule_of(page)
    text = page.read_text(encoding="utf-8")
    head = text.split("## What it does")[0]
    assert f"`{rule.msgid}`" in head
    assert f"**tier:** {rule.tier.pylint_letter} (" in head
    assert rule.msgid[0] == rule.tier.pylint_letter


def test_page_cites_article(page):
    rule = rule_of(page)
    text = page.read_text(encoding="utf-8")
    references = text.split("## References", 1)
    assert len(references) == 2, "no ## References section"
    assert rule.url in references[1]


def test_targets_table_lists_every_target(page):
    rule = rule_of(page)
    rows = {
        line.split("|")[1].strip().strip("`")
        for line in section(page.read_text(encoding="utf-8"), TARGETS_HEADING).splitlines()
        if line.startswith("| `")
    }
    missing = [qname for qname in rule.targets if qname not in rows]
    assert not missing, f"targets missing from the table: {missing}"
    stale = sorted(rows - set(rule.targets))
    assert not stale, f"table rows that are not targets of {rule.code} (any more): {stale}"


def test_sections_present(page):
    text = page.read_text(encoding="utf-8")
    for heading in ("## What it does", "## Why is this bad?", "## References"):
        assert f"\n{heading}\n" in text, heading
    if has_examples(text):
        for heading in ("## Example", "## Use instead"):
            assert f"\n{heading}\n" in text, heading


def test_v1_example_fires_the_rule(page):
    rule = rule_of(page)
    text = page.read_text(encoding="utf-8")
    if not has_examples(text):
        pytest.skip("page documents no v1/v2 example pair")
    examples = blocks(text, "python v1")
    assert len(examples) == 1, "expected exactly one ```python v1 block"
    findings = analyse_source(examples[0], f"{page.stem}.py")
    codes = sorted({f.code for f in findings})
    assert rule.code in codes, f"v1 example does not fire {rule.code}; it fires {codes}"


def test_v2_example_is_silent(page):
    text = page.read_text(encoding="utf-8")
    if not has_examples(text):
        pytest.skip("page documents no v1/v2 example pair")
    examples = blocks(text, "python v2")
    assert len(examples) == 1, "expected exactly one ```python v2 block"
    findings = analyse_source(examples[0], f"{page.stem}.py")
    assert findings == [], [f"{f.line}: {f.code} {f.message}" for f in findings]
