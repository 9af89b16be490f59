"""Applying fixes to a file: ``v2lint check --fix`` and ``--diff``.

Edits are applied as ruff applies them: in order, a fix whose edits overlap an
edit already taken waits for the next round, an edit identical to one taken
(the ``import mlflow`` many fixes add) is applied once; the file is linted
again and fixed again until nothing changes. Then the SDK v1 imports the fixes
left unused are removed. A round whose result does not parse is dropped, so a
fix never breaks a file.

Free of astroid: the linting goes through :mod:`v2lint.units`, the import
clean-up through the standard library's :mod:`ast`.
"""

from __future__ import annotations

import ast
import codecs
import re
from dataclasses import dataclass, field

from v2lint import catalogue, decoding
from v2lint.findings import Edit, Fix

MAX_ROUNDS = 10
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Fixed:
    """What fixing one file did."""

    text: str  # the file's text after the fixes (newlines as in the file)
    applied: list[tuple[str, Fix]] = field(default_factory=list)  # (rule code, fix)
    note: str = ""  # why the file was left alone or a round dropped
    original: bytes = b""  # the file as it was (the CLI's --diff)
    removed: int = 0  # findings the fixes removed (the CLI's summary)


def apply(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """``text`` with the fixes whose edits do not overlap those taken before them; and those fixes."""
    starts = _line_starts(text)
    taken: list[tuple[int, int, str]] = []
    applied = []
    for fix in sorted(fixes, key=lambda f: min((e.line, e.col) for e in f.edits)):
        spans = [_span(starts, text, edit) for edit in fix.edits]
        if any(span is None for span in spans):
            continue
        new = [span for span in spans if span not in taken]
        if any(overlap(a, b) for a in new for b in taken) or any(
                overlap(a, b) for i, a in enumerate(new) for b in new[i + 1:]):
            continue
        taken.extend(new)
        applied.append(fix)
    # from the end, so earlier offsets stay valid; at one offset a replacement before an insertion
    for start, end, replacement in sorted(taken, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def _span(starts: list[int], text: str, edit: Edit) -> tuple[int, int, str] | None:
    if not (1 <= edit.line <= edit.end_line <= len(starts)):
        return None
    start, end = starts[edit.line - 1] + edit.col, starts[edit.end_line - 1] + edit.end_col
    return (start, end, edit.text) if start <= end <= len(text) else None


def overlap(a: tuple, b: tuple) -> bool:
    """Whether two edits' (start, end, text) spans, as offsets or (line, column) pairs, conflict."""
    if a[0] == a[1] and b[0] == b[1]:
        return a[0] == b[0]  # two insertions at one place: their order would be a guess
    return a[0] < b[1] and b[0] < a[1]


def fix_file(data: bytes, path: str, display: str, unsafe: bool, wanted=lambda code: True) -> Fixed | None:
    """The fixed text of a Python file, or None when it has nothing to fix."""
    from v2lint.units import python_results  # lints through the analysis (astroid), as check does

    try:
        text = decoding.python_text(data)
    except (UnicodeDecodeError, SyntaxError, LookupError):
        return None
    if not _round_trips(data, text):
        return Fixed(text, note="left alone: its encoding or newlines would not survive rewriting")
    original = text
    fixed = Fixed(text)
    for _ in range(MAX_ROUNDS):
        results = python_results(text.encode("utf-8"), path, display)
        chosen = [r for r in results if r.fix is not None and wanted(r.code)
                  and (unsafe or r.fix.applicability is catalogue.Applicability.SAFE)]
        if not chosen:
            break
        new, applied = apply(text, [r.fix for r in chosen])
        if new == text:
            break
        if not _parses(new) or not undefined_names(new) <= undefined_names(text):
            fixed.note = "a round of fixes was dropped: its result would not parse or would use an undefined name (please report it)"
            break
        codes = {id(r.fix): r.code for r in chosen}
        fixed.applied.extend((codes[id(fix)], fix) for fix in applied)
        text = new
    if text == original:
        return None
    cleaned = remove_unused_v1_imports(original, text)
    if undefined_names(cleaned) <= undefined_names(text):
        text = cleaned
    fixed.text = _with_file_newlines(data, text)
    return fixed


def _round_trips(data: bytes, text: str) -> bool:
    """UTF-8 (a BOM allowed) with one kind of newline: what rewriting keeps exactly."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    kinds = {"\r\n" if m == "\r\n" else m for m in _LINE_BREAK.findall(raw)}
    return len(kinds) <= 1 and decoding.normalise_newlines(raw) == text


def _with_file_newlines(data: bytes, text: str) -> str:
    newline = "\r\n" if b"\r\n" in data else "\r" if b"\r" in data else "\n"
    text = text.replace("\n", newline)
    return ("\ufeff" + text) if data.startswith(codecs.BOM_UTF8) else text


def encode(fixed: Fixed) -> bytes:
    return fixed.text.encode("utf-8")


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def undefined_names(text: str) -> set[str]:
    """The names pyflakes reports undefined in ``text`` (flake8's, so always installed)."""
    from pyflakes.api import check
    from pyflakes.reporter import Reporter

    class Collect(Reporter):
        def __init__(self) -> None:
            self.names: set[str] = set()

        def flake(self, message) -> None:
            if type(message).__name__ == "UndefinedName":
                self.names.add(message.message_args[0])

        def unexpectedError(self, *args) -> None:  # noqa: N802 - pyflakes' interface
            pass

        def syntaxError(self, *args) -> None:  # noqa: N802
            pass

    reporter = Collect()
    check(text, "fixed.py", reporter)
    return reporter.names


def remove_unused_v1_imports(before: str, after: str) -> str:
    """``after`` without the names of SDK v1 imports that ``before`` used and ``after`` no longer does."""
    try:
        old_tree, new_tree = ast.parse(before), ast.parse(after)
    except (SyntaxError, ValueError):
        return after
    used_before, used_after = _used_names(old_tree), _used_names(new_tree)
    # names a fix imported from SDK v2 under a v1 import's name (Environment): that v1 import is shadowed
    old_imports = {ast.dump(node) for node in old_tree.body if isinstance(node, ast.ImportFrom)}
    rebound = {alias.asname or alias.name for node in new_tree.body
               if isinstance(node, ast.ImportFrom) and ast.dump(node) not in old_imports
               and not catalogue.is_v1_module(node.module or "") for alias in node.names}
    lines = after.split("\n")
    edits = []
    for node in ast.walk(new_tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        module = node.module or "" if isinstance(node, ast.ImportFrom) else None
        if isinstance(node, ast.ImportFrom) and (node.level or not catalogue.is_v1_module(module)):
            continue
        keep, drop = [], []
        for alias in node.names:
            name = alias.name if module is not None else alias.name
            if module is None and not catalogue.is_v1_module(name):
                keep.append(alias)
                continue
            bound = alias.asname or (alias.name if module is not None else alias.name.split(".")[0])
            unused = bound in used_before and bound not in used_after
            (drop if unused or bound in rebound else keep).append(alias)
        if drop:
            edits.append((node, keep))
    for node, keep in sorted(edits, key=lambda item: item[0].lineno, reverse=True):
        lines = _rewrite_import(lines, node, keep)
    result = "\n".join(lines)
    return result if _parses(result) else after


def _used_names(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def _rewrite_import(lines: list[str], node: ast.Import | ast.ImportFrom, keep: list[ast.alias]) -> list[str]:
    first, last = lines[node.lineno - 1], lines[node.end_lineno - 1]
    before, after = first[: node.col_offset], last[node.end_col_offset:]
    if before.strip() or after.split("#", 1)[0].strip():
        return lines  # shares its line with other code: left as it is
    names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in keep)
    if not keep:
        return lines[: node.lineno - 1] + lines[node.end_lineno:]
    statement = f"from {node.module} import {names}" if isinstance(node, ast.ImportFrom) else f"import {names}"
    return lines[: node.lineno - 1] + [before + statement + after] + lines[node.end_lineno:]
