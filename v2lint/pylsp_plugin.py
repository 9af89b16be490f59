"""python-lsp-server front-end: diagnostics and quick fixes on the editor's buffer.

pylsp loads this module through its ``pylsp`` entry point (plugin name
``v2lint``; ``pylsp.plugins.v2lint.enabled``). The buffer's text
(``document.source``, saved or not) is analysed, never the file on disk, and
no user code is imported or executed. The quick fixes are built from the very
``Edit`` objects ``v2lint check --fix`` applies, and the fix-all action is
:func:`v2lint.fixing.fix_file`'s text, so an editor and the CLI never disagree.

Positions: v2lint counts lines from 1 and columns in code points; LSP counts
both from 0, columns in UTF-16 code units.
"""

from __future__ import annotations

import logging
import re

from v2lint.catalogue import Applicability, Tier

try:  # optional: v2lint works without pylsp installed
    from pylsp import hookimpl
except ImportError:  # pragma: no cover - only pylsp loads this module
    def hookimpl(function):
        return function

log = logging.getLogger(__name__)

SOURCE = "v2lint"
FIX_ALL = "source.fixAll.v2lint"
# LSP's line breaks, the same ones fixing.apply counts lines by
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SEVERITY = {Tier.NO_EQUIVALENT: 1, Tier.UNANALYSABLE: 1, Tier.REPLACEMENT: 2, Tier.INFO: 3}


@hookimpl
def pylsp_settings(config):
    return {"plugins": {"v2lint": {"enabled": True}}}


@hookimpl
def pylsp_lint(config, workspace, document, is_saved):
    return [diagnostic for _, diagnostic in _located(document)]


@hookimpl
def pylsp_code_actions(config, workspace, document, range, context):  # noqa: A002 - pylsp's name
    only = (context or {}).get("only")
    actions = []
    if not only or any(kind == "quickfix" or kind.startswith("quickfix.") for kind in only):
        for result, diagnostic in _located(document):
            if result.fix is not None and _touches(diagnostic["range"], range):
                actions.append(_quick_fix(document, result, diagnostic))
    if not only or any(FIX_ALL.startswith(kind) for kind in only):
        whole = fix_all_edit(document.source, document.path)
        if whole is not None:
            actions.append({"title": "v2lint: apply all safe fixes", "kind": FIX_ALL,
                            "edit": {"changes": {document.uri: [whole]}}})
    return actions


def results(source: str, path: str) -> list:
    """The CLI's results for the buffer's text (its suppressions, its AML000 for a syntax error)."""
    from v2lint.units import python_results

    try:
        return python_results(source.encode("utf-8"), path, path)
    except Exception:  # an analysis bug must not take the editor's language server down
        log.exception("v2lint could not analyse %s", path)
        return []


def _located(document) -> list[tuple[object, dict]]:
    from v2lint.formats import result_tier

    positions = Positions(document.source)
    located = []
    for result in results(document.source, document.path):
        line, col = result.line, (result.physical_col or 1) - 1
        end_line = result.end_line or line
        end_col = (result.physical_end_col - 1) if result.physical_end_col else None
        start = positions.lsp(line, col)
        end = positions.lsp(end_line, end_col) if end_col is not None else positions.line_end(end_line)
        located.append((result, {
            "source": SOURCE, "code": result.code, "message": result.message,
            "severity": _SEVERITY[result_tier(result)], "range": {"start": start, "end": end},
        }))
    return located


def _quick_fix(document, result, diagnostic: dict) -> dict:
    fix = result.fix
    safe = fix.applicability is Applicability.SAFE
    action = {
        "title": fix.title if safe else f"{fix.title} (unsafe)",
        "kind": "quickfix",
        "diagnostics": [diagnostic],
        "edit": {"changes": {document.uri: text_edits(document.source, fix)}},
    }
    if safe:
        action["isPreferred"] = True
    return action


def text_edits(source: str, fix) -> list[dict]:
    """The fix's edits as LSP TextEdits on ``source`` (the text its positions were computed on)."""
    positions = Positions(source)
    newline = _newline(source)
    return [{"range": {"start": positions.lsp(e.line, e.col), "end": positions.lsp(e.end_line, e.end_col)},
             "newText": e.text.replace("\n", newline)}  # edits are written with \n; the buffer keeps its own
            for e in fix.edits]


def fix_all_edit(source: str, path: str) -> dict | None:
    """One TextEdit replacing the whole buffer with what ``v2lint check --fix`` writes; None: nothing to fix."""
    from v2lint import fixing

    try:
        fixed = fixing.fix_file(source.encode("utf-8"), path, path, unsafe=False)
    except Exception:
        log.exception("v2lint could not fix %s", path)
        return None
    if fixed is None or not fixed.applied or fixed.text == source:
        return None
    end = Positions(source).end()
    return {"range": {"start": {"line": 0, "character": 0}, "end": end}, "newText": fixed.text}


def _newline(source: str) -> str:
    match = _LINE_BREAK.search(source)
    return match.group() if match else "\n"


def _touches(a: dict, b: dict | None) -> bool:
    """Do two LSP ranges meet (an empty request range is the cursor)."""
    if not b:
        return True
    key = lambda p: (p["line"], p["character"])  # noqa: E731
    return key(a["start"]) <= key(b["end"]) and key(b["start"]) <= key(a["end"])


class Positions:
    """v2lint's (1-based line, code-point column) to LSP's (0-based line, UTF-16 character)."""

    def __init__(self, source: str) -> None:
        self.lines = _LINE_BREAK.split(source)
        # the analysis drops a BOM, an editor's buffer may keep it: line 1's columns shift by one
        self.bom = 1 if source.startswith("\ufeff") else 0

    def lsp(self, line: int, col: int) -> dict:
        if not 1 <= line <= len(self.lines):
            return self.end()
        text = self.lines[line - 1]
        col += self.bom if line == 1 else 0
        return {"line": line - 1, "character": _utf16(text[:col])}

    def line_end(self, line: int) -> dict:
        if not 1 <= line <= len(self.lines):
            return self.end()
        return {"line": line - 1, "character": _utf16(self.lines[line - 1])}

    def end(self) -> dict:
        return {"line": len(self.lines) - 1, "character": _utf16(self.lines[-1])}


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
