"""Output formats of ``v2lint check``: text, concise, json, sarif, github, azure, report.

All columns a person or a tool sees are 1-based. Every format is a pure
function of sorted results, so output is byte-for-byte deterministic (no
timestamps, no absolute paths unless a file lies outside the repository).
Formats yield their text in pieces, one per result where they can, so a run
with hundreds of thousands of findings is written without holding it all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import textwrap
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from v2lint import __version__, ruledocs
from v2lint.catalogue import ARTICLES, RULES, RULES_BY_CODE, Applicability, Tier
from v2lint.results import STDIN_DISPLAY, Result

INFORMATION_URI = "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "v2lint/v1"


@dataclass
class Summary:
    """What the formats say besides the findings."""

    files_checked: int = 0
    all_results: list[Result] = field(default_factory=list)  # before the baseline split
    baseline_path: str | None = None
    known: int = 0  # findings the baseline already has
    stale: int = 0  # baseline entries fixed since
    stale_keys: list = field(default_factory=list)
    failing: int = 0
    fail_on: str = "replacement"
    baseline_updated: bool = False
    top: int = 20
    unsafe_fixes: bool = False  # --unsafe-fixes: unsafe fixes count as applicable
    fixed: int = 0  # findings --fix removed


def applicable(r: Result, summary: Summary) -> bool:
    """Whether ``--fix`` (with the run's ``--unsafe-fixes``) would fix ``r``."""
    return r.fix is not None and (summary.unsafe_fixes or r.fix.applicability is Applicability.SAFE)


def fix_dict(r: Result) -> dict | None:
    """A finding's fix as JSON: edits with 1-based lines and columns, end exclusive."""
    if r.fix is None:
        return None
    if r.cell is not None:  # a notebook's edits are in its cells' Python, not the file: left out
        return {"applicability": r.fix.applicability.value, "message": r.fix.title}
    return {
        "applicability": r.fix.applicability.value,
        "message": r.fix.title,
        "edits": [
            {"line": e.line, "col": e.col + 1, "end_line": e.end_line, "end_col": e.end_col + 1, "content": e.text}
            for e in r.fix.edits
        ],
    }


def tier_of(code: str) -> Tier:
    rule = RULES_BY_CODE.get(code)
    return rule.tier if rule else Tier.REPLACEMENT


def symbol_of(code: str) -> str:
    rule = RULES_BY_CODE.get(code)
    return rule.symbol if rule else code.lower()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


_PHRASES = {
    Tier.NO_EQUIVALENT: "with no v2 equivalent",
    Tier.REPLACEMENT: "with a v2 replacement",
    Tier.INFO: "informational",
    Tier.UNANALYSABLE: "not analysable",
}


def tier_counts(results: list[Result]) -> Counter:
    return Counter(result_tier(r) for r in results)


def result_tier(result: Result) -> Tier:
    """The finding's own tier when it has one (an import of a name with no v2 equivalent), else its rule's."""
    if result.tier:
        return next(tier for tier in Tier if tier.label == result.tier)
    return tier_of(result.code)


# --------------------------------------------------------------------------- locations
def relative_to(results: list[Result], root: str, directory: str) -> list[Result]:
    """The results with paths relative to ``directory`` (the current one: what a terminal
    and an editor resolve), from paths relative to the repository ``root``."""
    if os.path.normcase(os.path.abspath(root)) == os.path.normcase(os.path.abspath(directory)):
        return results
    moved: dict[str, str] = {}
    out = []
    for r in results:
        if r.path == STDIN_DISPLAY:
            out.append(r)
            continue
        if r.path not in moved:
            absolute = os.path.join(root, r.path)
            try:
                moved[r.path] = os.path.relpath(absolute, directory).replace(os.sep, "/")
            except ValueError:  # another drive on Windows
                moved[r.path] = absolute.replace(os.sep, "/")
        out.append(dataclasses.replace(r, path=moved[r.path]))
    return out


# --------------------------------------------------------------------------- colour
class Style:
    """ANSI styling of the terminal formats; the plain style adds nothing."""

    _CODES = {"bold": "1", "path": "1", "sep": "36", "error": "1;31", "warning": "1;33", "note": "1;36", "dim": "2"}

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, kind: str) -> str:
        return f"\033[{self._CODES[kind]}m{text}\033[0m" if self.enabled and text else text

    def location(self, r: Result) -> str:
        sep = self(":", "sep")
        return sep.join([self(r.path, "path"), *([f"cell_{r.cell}"] if r.cell is not None else []), str(r.line),
                         str(r.col)]) + sep

    def code(self, code: str) -> str:
        return self(code, tier_of(code).sarif_level)


PLAIN = Style(False)


def colour_wanted(stream, environ=os.environ) -> bool:
    """NO_COLOR (no-color.org) wins, then FORCE_COLOR, then TERM=dumb, then: is it a terminal?"""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# --------------------------------------------------------------------------- text
def text(results: list[Result], summary: Summary, quiet: bool = False, style: Style = PLAIN) -> Iterator[str]:
    for r in results:
        yield f"{style.location(r)} {style.code(r.code)}{FIXABLE if applicable(r, summary) else ''} {r.message}\n"
    if not quiet:
        yield style(summary_line(results, summary), "bold") + "\n"


CONCISE_WIDTH = 120
ELLIPSIS = "\u2026"  # one column; the advice itself writes "..." for arguments


def shorten(value: str, width: int, keep: str = "start") -> str:
    """``value`` in at most ``width`` characters, marked with an ellipsis where cut. The
    start is kept (``keep="end"``: the end, cut after a ``.`` so whole names remain), cut at
    a word or punctuation boundary near the limit when there is one."""
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    room = max(width - len(ELLIPSIS), 1)
    if keep == "end":
        tail = value[-room:]
        cut = tail.find(".", 0, room // 2)
        return ELLIPSIS + (tail[cut:] if cut > 0 else tail)
    head = value[:room]
    cut = max(head.rfind(char) for char in " ,;(")
    if cut >= room * 2 // 3:
        head = head[:cut]
    return head.rstrip(" ,;(") + ELLIPSIS


def concise_line(r: Result, width: int = CONCISE_WIDTH, style: Style = PLAIN, fixable: bool = False) -> str:
    """``path:line:col: CODE v1-name -> v2 replacement`` in ``width`` columns. The location and
    the code are never cut; when the rest does not fit, the v1 name (its end: the member) and the
    advice (its start) share the room. Only a location that leaves fewer than ~20 columns makes
    the line longer than ``width``."""
    mark = FIXABLE if fixable else ""
    where = f"{r.where}: {r.code}{mark} "
    room = width - len(where)
    tier = result_tier(r)
    if tier is Tier.UNANALYSABLE:
        body = shorten(f"could not be analysed: {r.advice}", max(room, 16))
    else:
        name = " ".join((r.written or r.qname).split())
        advice = ("no v2 equivalent: " if tier is Tier.NO_EQUIVALENT else "") + " ".join(r.advice.split())
        room = max(room - len(" -> "), 16)
        if len(name) + len(advice) > room:
            name = shorten(name, min(len(name), max(room - len(advice), room * 2 // 5, 8)), keep="end")
            advice = shorten(advice, max(room - len(name), 8))
        body = f"{name} -> {advice}"
    return f"{style.location(r)} {style.code(r.code)}{mark} {body}"


def concise(results: list[Result], summary: Summary, quiet: bool = False, style: Style = PLAIN) -> Iterator[str]:
    for r in results:
        yield concise_line(r, style=style, fixable=applicable(r, summary)) + "\n"
    if not quiet:
        yield style(summary_line(results, summary), "bold") + "\n"


def statistics(results: list[Result]) -> list[dict]:
    """Per rule: count, code, name; most frequent first (ruff's --statistics)."""
    counts = Counter(r.code for r in results)
    return [{"code": code, "name": symbol_of(code), "count": count, "fixable": False}
            for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def statistics_text(results: list[Result], summary: Summary, quiet: bool = False,
                    style: Style = PLAIN) -> Iterator[str]:
    """ruff's layout: count right-aligned, a tab, the code left-aligned, a tab, the name
    (ruff's "[*] " fixable column appears once v2lint has fixes)."""
    rows = statistics(results)
    count_width = max((len(str(row["count"])) for row in rows), default=0)
    code_width = max((len(row["code"]) for row in rows), default=0)
    for row in rows:
        count = str(row["count"]).rjust(count_width)
        yield f"{style(count, 'bold')}\t{style.code(row['code'].ljust(code_width))}\t{row['name']}\n"
    if not quiet:
        yield style(summary_line(results, summary), "bold") + "\n"


def statistics_json(results: list[Result], summary: Summary) -> Iterator[str]:
    yield json.dumps(statistics(results), indent=2) + "\n"


def summary_line(results: list[Result], summary: Summary) -> str:
    counts = tier_counts(results)
    files = len({r.path for r in results})
    detail = ", ".join(f"{counts[t]} {_PHRASES[t]}" for t in _PHRASES if counts[t])
    what = "new SDK v1 finding" if summary.baseline_path else "SDK v1 finding"
    line = f"Found {_plural(len(results), what)}"
    if results:
        line += f" in {_plural(files, 'file')} ({detail})"
    if summary.fixed:
        line += f" ({summary.fixed} fixed, {len(results)} remaining)" if results else f" ({summary.fixed} fixed)"
    line += f"; {_plural(summary.files_checked, 'file')} checked."
    line += fixable_line(results, summary)
    if summary.baseline_path:
        line += f" Baseline {summary.baseline_path}: {summary.known} known"
        line += f", {summary.stale} fixed since" if summary.stale else ""
        if summary.stale and not summary.baseline_updated:
            line += " (prune them with --update-baseline)"
        elif summary.baseline_updated:
            line += " (baseline updated)"
        line += "."
    return line


FIXABLE = " [*]"  # after the code of a finding --fix would fix, as ruff marks it


def fixable_line(results: list[Result], summary: Summary) -> str:
    """" 3 fixable with --fix (2 more with --unsafe-fixes)." or ""."""
    safe = sum(1 for r in results if r.fix is not None and r.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for r in results if r.fix is not None and r.fix.applicability is Applicability.UNSAFE)
    if summary.unsafe_fixes:
        safe, unsafe = safe + unsafe, 0
    if not safe and not unsafe:
        return ""
    return f" [*] {safe} fixable with --fix" + (f" ({unsafe} more with --unsafe-fixes)" if unsafe else "") + "."


# --------------------------------------------------------------------------- json
def as_dict(result: Result) -> dict:
    rule = RULES_BY_CODE.get(result.code)
    return {
        "path": result.path,
        "cell": result.cell,
        "line": result.line,
        "col": result.col,
        "end_line": result.end_line,
        "end_col": result.end_col,
        "code": result.code,
        "symbol": symbol_of(result.code),
        "tier": result_tier(result).label,
        "qname": result.qname,
        "written": result.written,
        "message": result.message,
        "advice": result.advice,
        "url": rule.url if rule else INFORMATION_URI,
        "fix": fix_dict(result),
    }


def json_list(items: Iterable[dict], depth: int = 0) -> Iterator[str]:
    """``json.dumps(list(items), indent=2)`` for a list nested ``depth`` levels
    deep, one item at a time."""
    outer = "  " * depth
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), outer + "  ")
        first = False
    yield "[]" if first else f"\n{outer}]"


def json_format(results: list[Result], summary: Summary) -> Iterator[str]:
    yield from json_list(as_dict(r) for r in results)
    yield "\n"


# --------------------------------------------------------------------------- sarif
def _rule_help(rule) -> tuple[str, str]:
    """SARIF's help of ``rule``, as text and as Markdown: its summary, targets (as the rule page
    shows them) and migration guide."""
    text_lines = [f"{rule.summary} ({rule.tier.label})."]
    md_lines = [f"{rule.summary} ({rule.tier.label}).", ""]
    if rule.targets:
        text_lines.append("")
        text_lines += [f"- {qname}: {ruledocs.target_text(rule, qname)}" for qname in rule.targets]
        md_lines.append(ruledocs.targets_table(rule))
    text_lines += ["", f"Migration guide: {rule.url}"]
    md_lines.append(f"Migration guide: [{rule.article}]({rule.url})")
    return "\n".join(text_lines), "\n".join(md_lines)


def sarif_rule(rule) -> dict:
    help_text, help_markdown = _rule_help(rule)
    return {
        "id": rule.code,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} Tier: {rule.tier.label}. pylint: {rule.msgid} ({rule.symbol})."},
        "help": {"text": help_text, "markdown": help_markdown},
        "helpUri": rule.url,
        "defaultConfiguration": {"level": rule.tier.sarif_level},
        "properties": {"tags": ["azureml", "migration", "sdk-v1"], "tier": rule.tier.label, "pylint": rule.msgid},
    }


def fingerprints(results: list[Result]) -> list[str]:
    """Stable per result: path, code, qname, stripped line and the occurrence index of that key."""
    seen: Counter = Counter()
    out = []
    for result in results:
        stripped = "".join(result.source_line.split())
        key = (result.path, result.code, result.qname, stripped)
        index = seen[key]
        seen[key] += 1
        material = "\0".join([result.path, result.code, result.qname, stripped, str(index)])
        out.append(hashlib.sha256(material.encode("utf-8")).hexdigest())
    return out


def sarif_result(result: Result, fingerprint: str, rule_index: dict[str, int], baseline_state: str | None) -> dict:
    region: dict = {"startLine": max(result.physical_line, 1)}
    if result.physical_col:
        region["startColumn"] = result.physical_col
    if result.physical_end_line:
        region["endLine"] = result.physical_end_line
        if result.physical_end_col and result.physical_col:
            region["endColumn"] = result.physical_end_col
    if result.source_line and result.cell is None:
        region["snippet"] = {"text": result.source_line}
    sarif: dict = {
        "ruleId": result.code,
        "level": result_tier(result).sarif_level,
        "message": {"text": result.located_message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": urllib.parse.quote(result.path, safe="/"), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"qname": result.qname, "written": result.written, "advice": result.advice},
    }
    if result.fix is not None and result.cell is None:
        sarif["fixes"] = [sarif_fix(result)]
    if result.code in rule_index:
        sarif["ruleIndex"] = rule_index[result.code]
    if result.cell is not None:
        sarif["properties"].update({"cell": result.cell, "cellLine": result.line, "cellColumn": result.col})
    if baseline_state:
        sarif["baselineState"] = baseline_state
    return sarif


def sarif_fix(result: Result) -> dict:
    """SARIF's fix object (3.55): one artifactChange of the result's file, a
    replacement per edit (1-based lines and code point columns, end exclusive)."""
    replacements = [
        {
            "deletedRegion": {"startLine": e.line, "startColumn": e.col + 1, "endLine": e.end_line, "endColumn": e.end_col + 1},
            "insertedContent": {"text": e.text},
        }
        for e in result.fix.edits
    ]
    return {
        "description": {"text": f"{result.fix.title} ({result.fix.applicability.value} fix)"},
        "artifactChanges": [{
            "artifactLocation": {"uri": urllib.parse.quote(result.path, safe="/"), "uriBaseId": "%SRCROOT%"},
            "replacements": replacements,
        }],
    }


_RESULTS_GO_HERE = "\0v2lint-results\0"  # where sarif() streams the results into the document


def sarif(results: list[Result], summary: Summary, root_uri: str | None = None) -> Iterator[str]:
    rules = [sarif_rule(rule) for rule in RULES]
    rule_index = {rule.code: i for i, rule in enumerate(RULES)}
    state = "new" if summary.baseline_path else None
    run: dict = {
        "tool": {
            "driver": {
                "name": "v2lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": _RESULTS_GO_HERE,
    }
    if root_uri:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root_uri}}
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    # the document around the results, which are streamed into their place
    before, after = json.dumps(document, indent=2, ensure_ascii=False).split(json.dumps(_RESULTS_GO_HERE))
    yield before
    # document > runs > run > results: the list's items are 4 levels deep
    yield from json_list(
        (sarif_result(r, fp, rule_index, state) for r, fp in zip(results, fingerprints(results))), depth=3
    )
    yield after + "\n"


# --------------------------------------------------------------------------- github
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


# GitHub turns workflow commands into annotations up to these limits; the rest are dropped silently
GITHUB_LIMIT_PER_STEP = 10  # of each level (error, warning, notice)
GITHUB_LIMIT_PER_JOB = 50


def github(results: list[Result], summary: Summary) -> Iterator[str]:
    levels = Counter(_GITHUB_LEVEL[result_tier(r).sarif_level] for r in results)
    if len(results) > GITHUB_LIMIT_PER_JOB or any(n > GITHUB_LIMIT_PER_STEP for n in levels.values()):
        counts = ", ".join(f"{levels[level]} {level}s" for level in ("error", "warning", "notice") if levels[level])
        note = (f"v2lint found {len(results)} findings ({counts}); GitHub shows at most {GITHUB_LIMIT_PER_STEP} "
                f"annotations of each level per step and {GITHUB_LIMIT_PER_JOB} per job, so some are not annotated. "
                "All of them: v2lint check --format concise in the log, or --format sarif uploaded to code scanning.")
        yield f"::notice title={_escape_property('v2lint: more findings than annotations')}::{_escape_data(note)}\n"
    for r in results:
        level = _GITHUB_LEVEL[result_tier(r).sarif_level]
        props = [f"file={_escape_property(r.path)}", f"line={r.physical_line}"]
        if r.physical_col:
            props.append(f"col={r.physical_col}")
        if r.physical_end_line:
            props.append(f"endLine={r.physical_end_line}")
            if r.physical_end_col and r.physical_col:
                props.append(f"endColumn={r.physical_end_col}")
        props.append(f"title={_escape_property(f'{r.code} {symbol_of(r.code)}')}")
        yield f"::{level} {','.join(props)}::{_escape_data(r.located_message)}\n"


# --------------------------------------------------------------------------- azure
def _azure_data(value: str) -> str:
    """Azure Pipelines' escaping of a logging command's message (the agent decodes %AZP25)."""
    return value.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def _azure_property(value: str) -> str:
    return _azure_data(value).replace(";", "%3B").replace("]", "%5D")


def azure(results: list[Result], summary: Summary, root: str = ".", exit_zero: bool = False) -> Iterator[str]:
    """Azure Pipelines logging commands: ``##vso[task.logissue ...]`` per error or warning
    (informational findings are plain log lines: logissue knows only those two types), then
    ``##vso[task.complete result=...;]`` with the summary. ``sourcepath`` is absolute, as the
    logging-command documentation asks (the agent makes it relative to the repository)."""
    for r in results:
        level = result_tier(r).sarif_level
        line = f"{r.where}: {r.code} {r.message}"
        if level == "note":
            yield line + "\n"
            continue
        props = [f"type={level}", f"sourcepath={_azure_property(os.path.abspath(os.path.join(root, r.path)))}",
                 f"linenumber={r.physical_line}"]
        if r.physical_col:
            props.append(f"columnnumber={r.physical_col}")
        props.append(f"code={r.code}")
        yield f"##vso[task.logissue {';'.join(props)};]{_azure_data(line)}\n"
    if summary.failing and not exit_zero:
        result = "Failed"
    elif any(tier_of(r.code).sarif_level != "note" for r in results):
        result = "SucceededWithIssues"
    else:
        result = "Succeeded"
    yield f"##vso[task.complete result={result};]{_azure_data(summary_line(results, summary))}\n"


# --------------------------------------------------------------------------- report
def _md_cell(value: str) -> str:
    """``value`` inside a code span of a table row (where ``<`` is shown as written; plain text
    takes ruledocs.markdown_cell)."""
    return value.replace("|", "\\|").replace("\n", " ")


_TIER_ORDER = (Tier.NO_EQUIVALENT, Tier.REPLACEMENT, Tier.UNANALYSABLE, Tier.INFO)


def report(results: list[Result], summary: Summary) -> Iterator[str]:
    """A Markdown migration report of all findings (baseline or not), grouped: one piece."""
    everything = summary.all_results or results
    out: list[str] = ["# Azure ML SDK v1 → v2 migration report", ""]
    files = {r.path for r in everything}
    out.append(
        f"v2lint {__version__} checked {_plural(summary.files_checked, 'file')}: "
        f"{_plural(len(everything), 'finding')} in {_plural(len(files), 'file')}."
    )
    if summary.baseline_path:
        out.append(
            f"Against the baseline `{summary.baseline_path}`: {len(results)} new, {summary.known} known, "
            f"{summary.stale} fixed since it was recorded."
        )
    out += ["", "## Totals", "", "| tier | findings | files |", "|---|---:|---:|"]
    by_tier: dict[Tier, list[Result]] = defaultdict(list)
    for r in everything:
        by_tier[tier_of(r.code)].append(r)
    for tier in _TIER_ORDER:
        found = by_tier.get(tier, [])
        out.append(f"| {tier.label} | {len(found)} | {len({r.path for r in found})} |")
    out.append(f"| **total** | **{len(everything)}** | **{len(files)}** |")

    out += ["", "## By rule", "", "| rule | symbol | tier | findings | files | Microsoft article |",
            "|---|---|---|---:|---:|---|"]
    by_rule: dict[str, list[Result]] = defaultdict(list)
    for r in everything:
        by_rule[r.code].append(r)
    for code in sorted(by_rule, key=lambda c: (-len(by_rule[c]), c)):
        rule = RULES_BY_CODE.get(code)
        article = f"[{rule.article}]({rule.url})" if rule else ""
        found = by_rule[code]
        out.append(
            f"| {code} | {symbol_of(code)} | {tier_of(code).label} | {len(found)} "
            f"| {len({r.path for r in found})} | {article} |"
        )

    out += ["", "## By Microsoft article (area)", "", "| area | findings | files | rules | article |",
            "|---|---:|---:|---|---|"]
    by_article: dict[str, list[Result]] = defaultdict(list)
    for r in everything:
        rule = RULES_BY_CODE.get(r.code)
        by_article[rule.article if rule else "overview"].append(r)
    for article in sorted(by_article, key=lambda a: (-len(by_article[a]), a)):
        found = by_article[article]
        codes = ", ".join(sorted({r.code for r in found}))
        out.append(
            f"| {article} | {len(found)} | {len({r.path for r in found})} | {codes} | {ARTICLES.get(article, '')} |"
        )

    out += ["", f"## By file (top {summary.top})", "",
            "| file | findings | no v2 equivalent | has a v2 replacement | informational | not analysable |",
            "|---|---:|---:|---:|---:|---:|"]
    by_file: dict[str, list[Result]] = defaultdict(list)
    for r in everything:
        by_file[r.path].append(r)
    ranked = sorted(by_file, key=lambda p: (-len(by_file[p]), p))
    for path in ranked[: summary.top]:
        counts = tier_counts(by_file[path])
        out.append(
            f"| `{_md_cell(path)}` | {len(by_file[path])} | {counts[Tier.NO_EQUIVALENT]} | {counts[Tier.REPLACEMENT]} "
            f"| {counts[Tier.INFO]} | {counts[Tier.UNANALYSABLE]} |"
        )
    if len(ranked) > summary.top:
        out.append(f"\n… and {len(ranked) - summary.top} more files.")

    out += ["", "## What is left to do", ""]
    if not everything:
        out.append("Nothing: no SDK v1 code was found.")
    sections = (
        (Tier.NO_EQUIVALENT, "No v2 equivalent: redesign these first"),
        (Tier.UNANALYSABLE, "Files v2lint could not analyse: check them by hand"),
        (Tier.REPLACEMENT, "Has a v2 replacement"),
        (Tier.INFO, "Informational (never fails a gate)"),
    )
    for tier, title in sections:
        found = by_tier.get(tier, [])
        if not found:
            continue
        out += [f"### {title} ({len(found)})", ""]
        # one item per rule, symbol and advice: Experiment.submit's advice
        # differs by what is submitted, and each kind is its own piece of work
        groups: dict[tuple[str, str, str], list[Result]] = defaultdict(list)
        for r in found:
            groups[(r.code, r.qname if tier is not Tier.UNANALYSABLE else r.path, r.advice)].append(r)
        for (code, name, advice), members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            places = ", ".join(f"`{_md_cell(m.where)}`" for m in members[:5])
            more = f" and {len(members) - 5} more" if len(members) > 5 else ""
            if tier is Tier.UNANALYSABLE:
                out.append(f"- `{_md_cell(name)}`: {ruledocs.markdown_cell(advice)}")
                continue
            out.append(f"- [ ] **{code}** `{_md_cell(name or members[0].written)}` ({_plural(len(members), 'use')}): "
                       f"{ruledocs.markdown_cell(advice)} — {places}{more}")
        out.append("")
    yield "\n".join(out).rstrip("\n") + "\n"


FORMATS = {"text": text, "concise": concise, "json": json_format, "sarif": sarif, "github": github, "azure": azure,
           "report": report}
TERMINAL_FORMATS = ("text", "concise")  # coloured on a terminal; the summary line is part of their output


# --------------------------------------------------------------------------- rules listing
def rule_dict(rule) -> dict:
    return {
        "code": rule.code, "msgid": rule.msgid, "symbol": rule.symbol, "tier": rule.tier.label,
        "summary": rule.summary, "url": rule.url,
        "targets": {qname: ruledocs.target_text(rule, qname) for qname in rule.targets},
    }


def rules_table(fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([rule_dict(rule) for rule in RULES], indent=2) + "\n"
    if fmt == "markdown":
        out = ["| code | symbol | tier | SDK v1 | SDK v2 replacement |", "|---|---|---|---|---|"]
        for rule in RULES:
            cells = [(f"`{_md_cell(qname)}`", ruledocs.markdown_cell(ruledocs.target_text(rule, qname)))
                     for qname in rule.targets] or [("", "")]
            out += [f"| {rule.code} | {rule.symbol} | {rule.tier.label} | {v1} | {v2} |" for v1, v2 in cells]
        return "\n".join(out) + "\n"
    out = []
    for rule in RULES:
        out.append(f"{rule.code}  {rule.symbol}  [{rule.tier.label}]  {rule.msgid}  {rule.url}")
        out.append(f"    {rule.summary}")
        for qname in rule.targets:
            out.append(f"    {qname}  ->  {ruledocs.target_text(rule, qname)}")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- one rule's page
_PACKAGED_PAGES = os.path.join(os.path.dirname(__file__), "rule_pages")  # a wheel's copy of docs/rules (setup.py)
_SOURCE_PAGES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "docs", "rules")  # a clone, -e installs
# a line that is only an HTML comment (the generated regions' markers), with one of the blank
# lines around it when it stands between two
_COMMENT_LINE = re.compile(r"(?<=\n\n)<!--[^\n]*-->\n\n|^<!--[^\n]*-->\n", re.MULTILINE)


def find_rule(name: str):
    """A rule by code (AML101), pylint symbol (azureml-workspace) or message id (W7410); else None."""
    wanted = name.strip().lower()
    for rule in RULES:
        if wanted in (rule.code.lower(), rule.symbol, rule.msgid.lower()):
            return rule
    return None


def rule_page(rule) -> str:
    """The rule's page of docs/rules/ (Markdown), as shipped with the package, without the comments
    a Markdown viewer hides; rendered from the catalogue if the page is missing (a build without the docs)."""
    for directory in (_PACKAGED_PAGES, _SOURCE_PAGES):
        try:
            with open(os.path.join(directory, ruledocs.page_name(rule)), encoding="utf-8") as handle:
                return _COMMENT_LINE.sub("", handle.read())
        except OSError:
            continue
    return ruledocs.header(rule) + (f"\n{ruledocs.targets_table(rule)}" if rule.targets else "")
