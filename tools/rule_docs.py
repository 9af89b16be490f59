"""Write the parts of docs/rules/ that come from the catalogue; the prose around them stays as written.

A generated part is a marked region of a page::

    <!-- begin generated: targets; edit v2lint/catalogue.py, then run python tools/rule_docs.py -->
    | v1 name | v2 replacement |
    ...
    <!-- end generated -->

Every rule page has a ``header`` region (title, codes, tier, what the rule finds, its article) and,
if the rule has targets, a ``targets`` region (the table of its v1 names and what replaces each),
and a ``fixes`` region (what ``--fix`` writes, safe or unsafe and why);
docs/rules/README.md has an ``index`` region. v2lint.ruledocs renders them.

    python tools/rule_docs.py           rewrite the stale pages
    python tools/rule_docs.py --check   name the stale pages and exit 1, writing nothing

tests/test_docs.py fails when a page is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Mapping

from v2lint import ruledocs
from v2lint.catalogue import RULES, Rule

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "rules"
END = "<!-- end generated -->"
REGION = re.compile(rf"^<!-- begin generated: (?P<name>[a-z]+)\b[^\n]*\n.*?^{END}$", re.MULTILINE | re.DOTALL)


def begin(name: str) -> str:
    return f"<!-- begin generated: {name}; edit v2lint/catalogue.py, then run python tools/rule_docs.py -->"


def regions(rule: Rule) -> dict[str, str]:
    """What the generated regions of ``rule``'s page hold, by region name."""
    generated = {"header": ruledocs.header(rule), "fixes": ruledocs.fixes_section(rule)}
    if rule.targets:
        generated["targets"] = ruledocs.targets_table(rule)
    return generated


def documents() -> dict[Path, dict[str, str]]:
    """Every page with generated regions, and what they hold."""
    pages = {PAGES / ruledocs.page_name(rule): regions(rule) for rule in RULES}
    pages[PAGES / "README.md"] = {"index": ruledocs.index_table()}
    return pages


def filled(text: str, generated: Mapping[str, str]) -> str:
    """``text`` with each region rewritten from ``generated``; a region missing, repeated or unknown
    is a ValueError (the author decides where a table goes, not this tool)."""
    found = [match["name"] for match in REGION.finditer(text)]
    if sorted(found) != sorted(generated):
        raise ValueError(f"has the generated regions {found}, needs one each of {sorted(generated)}")
    return REGION.sub(lambda match: f"{begin(match['name'])}\n{generated[match['name']]}{END}", text)


def stale() -> dict[Path, str]:
    """The pages whose generated regions differ from the catalogue, with their new text."""
    outdated = {}
    for path, generated in documents().items():
        name = path.relative_to(ROOT)
        if not path.exists():
            raise ValueError(f"{name}: no such page; write one with the regions {sorted(generated)}")
        text = path.read_text(encoding="utf-8")
        try:
            new = filled(text, generated)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
        if new != text:
            outdated[path] = new
    return outdated


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        outdated = stale()
    except ValueError as error:
        print(f"rule_docs: {error}", file=sys.stderr)
        return 2
    for path, text in outdated.items():
        name = path.relative_to(ROOT)
        if argv:
            print(f"{name} is stale: run python tools/rule_docs.py")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"updated {name}")
    return 1 if argv and outdated else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
