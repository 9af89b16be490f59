"""The per-rule documentation in docs/rules/ agrees with the catalogue and the analysis.

Every rule has exactly one page, named ``<CODE>-<symbol>.md``; the parts written from the
catalogue (header, targets table, index) are current; its References cite the rule's article;
its ``python v1`` example really fires the rule and its ``python v2`` example is silent.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from v2lint.catalogue import RULES, RULES_BY_CODE
from v2lint.modules import analyse_source
from v2lint.ruledocs import page_name

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import rule_docs  # noqa: E402

DOCS = ROOT / "docs" / "rules"
NO_EXAMPLES = "<!-- no-examples -->"
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


def has_examples(text: str) -> bool:
    return NO_EXAMPLES not in text


def test_every_rule_has_exactly_one_page():
    names = [p.name for p in pages()]
    for rule in RULES:
        matching = [n for n in names if n.startswith(f"{rule.code}-")]
        assert matching == [page_name(rule)], (rule.code, matching)


def test_every_page_belongs_to_a_rule():
    expected = {page_name(rule) for rule in RULES}
    strays = sorted({p.name for p in pages()} - expected)
    assert not strays, f"pages without a rule (or with a stale symbol): {strays}"


def test_generated_parts_are_current():
    stale = [str(path.relative_to(ROOT)) for path in rule_docs.stale()]
    assert not stale, f"stale generated parts in {', '.join(stale)}: run python tools/rule_docs.py"


@pytest.fixture(params=pages(), ids=lambda p: p.stem)
def page(request) -> Path:
    return request.param


def test_page_cites_article(page):
    rule = rule_of(page)
    text = page.read_text(encoding="utf-8")
    references = text.split("## References", 1)
    assert len(references) == 2, "no ## References section"
    assert rule.url in references[1]


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
