"""``--fix`` for notebooks: each unit fixed as a .py file is, spliced back into the JSON text.

The units are those :mod:`v2lint.notebooks` lints: the code cells as one module
(one namespace, so imports are added and removed for the notebook as a whole)
and each ``%%writefile`` script. Each goes through :func:`fixing.fix_file`, so
edits and rounds are those of a .py file. The fixed module is mapped back to its
cells line by line (a diff against the module as it was); then only the JSON
string(s) of a changed cell's ``"source"`` are replaced, encoded as the file
encoded them, so outputs, metadata and layout keep every byte. Anything unusual
(a masked magic line touched, a changed cell that would not parse alone, a
string the file did not encode as :func:`json.dumps` does) leaves the notebook alone.
"""

from __future__ import annotations

import codecs
import difflib
import json
import re
from json.decoder import scanstring

from v2lint import fixing, notebooks, units


class _Unsafe(Exception):
    """The notebook cannot be fixed without risk: leave it as it is."""


def fix_notebook(data: bytes, path: str, display: str, unsafe: bool,
                 wanted=lambda code: True) -> fixing.Fixed | None:
    """The fixed JSON text of a notebook, or None when there is nothing (safely) to fix."""
    try:
        text = data.decode("utf-8-sig")
        notebook = notebooks.parse(text)
    except (UnicodeDecodeError, notebooks.NotebookError):
        return None
    if notebook.skipped_kernel:
        return None
    applied, new_sources, notes = [], {}, []
    for unit in notebook.units:
        result = _fix_unit(notebook, unit, path, display, unsafe, wanted)
        if result is None:
            continue
        fixed, cells = result
        if fixed.note:
            notes.append(fixed.note)
        applied.extend(fixed.applied)
        new_sources.update(cells)
    if not new_sources:
        return fixing.Fixed(text, note="; ".join(notes)) if notes else None
    try:
        new_text = _splice(text, notebook, new_sources)
    except _Unsafe as reason:
        return fixing.Fixed(text, note=f"left alone: {reason}")
    bom = "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""
    return fixing.Fixed(bom + new_text, applied, "; ".join(notes))


def _fix_unit(notebook, unit, path, display, unsafe, wanted):
    """(Fixed, {code cell number: new source}) of one unit, or None."""
    first_cell = unit.line_map[0][0] if unit.line_map else 0
    if unit.writefile is not None:
        # the script as the file it writes: the body without the magic line
        lines = notebook.cells[first_cell - 1]
        body = "\n".join(lines[1:]) + "\n"
        fixed = fixing.fix_file(body.encode("utf-8"), units._unit_path(path, unit), display, unsafe, wanted)
        if fixed is None or not fixed.applied:
            return None
        return fixed, {first_cell: [lines[0], *fixing_lines(fixed.text)]}
    fixed = fixing.fix_file(unit.source.encode("utf-8"), path, display, unsafe, wanted)
    if fixed is None or not fixed.applied:
        return None
    try:
        return fixed, _cells_of(notebook, unit, fixing_lines(fixed.text))
    except _Unsafe as reason:
        fixed.applied, fixed.note = [], f"code cells left alone: {reason}"
        return fixed, {}


def fixing_lines(text: str) -> list[str]:
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def _cells_of(notebook, unit, new_lines: list[str]) -> dict[int, list[str]]:
    """The fixed module's lines given back to their cells; the cells that changed."""
    old_lines = fixing_lines(unit.source)
    original = [notebook.cell_line(cell, line) for cell, line in unit.line_map]
    cells: dict[int, list[str]] = {cell: [] for cell, _ in unit.line_map}
    changed = set()
    leading: dict[int, list[str]] = {}
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i in range(i1, i2):  # the cell's own line: a masked magic comes back as written
                cells[unit.line_map[i][0]].append(original[i])
            continue
        if any(old_lines[i] != original[i] for i in range(i1, i2)):
            raise _Unsafe("a fix touched a line holding an IPython magic")
        touched = {unit.line_map[i][0] for i in range(i1, i2)}
        if j2 > j1:
            if len(touched) > 1:
                # lines replaced across cells: each new line goes to the cell of the old line it
                # is most like, in order (the cells still run as the fixed module)
                cell = unit.line_map[i1][0]
                for line in new_lines[j1:j2]:
                    ratio, best = max((difflib.SequenceMatcher(None, old_lines[i], line).ratio(), i)
                                      for i in range(i1, i2))
                    cell = max(cell, unit.line_map[best][0]) if ratio >= 0.5 else cell
                    cells[cell].append(line)
                    changed.add(cell)
            elif i1 == 0 and not touched:
                # at the module's top (imports, when it starts with no import): before its first
                # Python line, not above a `%pip install` the import may need
                first = next((i for i, line in enumerate(old_lines) if line.strip() and line == original[i]), 0)
                owner = unit.line_map[first][0]
                leading[owner] = new_lines[j1:j2]
            else:  # an insertion belongs to the cell of the line before it (imports after the imports)
                owner = touched.pop() if touched else unit.line_map[i1 - 1][0]
                cells[owner].extend(new_lines[j1:j2])
            if len(touched) <= 1:
                changed.add(owner)
        changed |= touched
    for cell, lines in leading.items():
        at = next((i for i, line in enumerate(cells[cell]) if line.strip() and not _masked(line)), 0)
        cells[cell][at:at] = lines
    for cell in changed:  # each changed cell must still parse alone, as notebooks.parse reads it
        lines = notebooks.blank_magics(cells[cell])
        if lines and lines[0].lstrip().startswith("%%"):
            lines[0] = ""
        if notebooks._parses("\n".join(lines) + "\n") is not None:
            raise _Unsafe(f"code cell {cell} would not parse on its own")
    return {cell: cells[cell] for cell in changed}


def _masked(line: str) -> bool:
    return notebooks.blank_magics([line]) != [line]


def _splice(text: str, notebook, new_sources: dict[int, list[str]]) -> str:
    """``text`` with the source of each changed code cell replaced, in the file's own encoding."""
    try:
        document, _ = notebooks._PositionedParser(text).value(0)
    except (notebooks.NotebookError, ValueError, RecursionError):
        raise _Unsafe("its JSON could not be mapped") from None
    raw_cells = document.get("cells") if isinstance(document, dict) else None
    ascii_style = _ascii_style(text)
    replacements = []
    for number, lines in new_sources.items():
        position = notebook.cell_index[number - 1]
        old = "\n".join(notebook.cells[number - 1])
        source = raw_cells[position].get("source") if isinstance(raw_cells[position], dict) else None
        if isinstance(source, tuple):
            parts, as_list = [source], False
        elif isinstance(source, list) and source and all(isinstance(p, tuple) for p in source):
            parts, as_list = source, True
        else:
            raise _Unsafe(f"code cell {number} has a source the fix cannot rewrite")
        decoded = "".join(p[0] for p in parts)
        ends_with_newline = decoded.endswith("\n")
        if decoded != old + ("\n" if ends_with_newline else ""):
            raise _Unsafe(f"code cell {number} has \\r line ends or lone surrogates")
        spans = [(start, scanstring(text, start + 1)[1]) for _, start in parts]
        for (string, _), (start, end) in zip(parts, spans):
            if _encoded(string, ascii_style) != text[start:end]:
                raise _Unsafe(f"code cell {number}'s source is not encoded as json.dumps encodes it")
        new = "\n".join(lines) + ("\n" if ends_with_newline and lines else "")
        if not as_list:
            replacements.append((spans[0][0], spans[0][1], _encoded(new, ascii_style)))
            continue
        opening = text.rfind("[", 0, spans[0][0])
        closing = text.find("]", spans[-1][1])
        if opening < 0 or closing < 0 or text[opening + 1:spans[0][0]].strip() or text[spans[-1][1]:closing].strip():
            raise _Unsafe(f"code cell {number}'s source list could not be located")
        # the file's separator: what stands between its strings (Jupyter: ",\n" and the indentation)
        indent = text[opening + 1:spans[0][0]]
        separator = "," + indent if indent else ", "
        if any(text[a[1]:b[0]] != separator for a, b in zip(spans, spans[1:])):
            raise _Unsafe(f"code cell {number}'s source list is laid out unevenly")
        pieces = re.findall(r"[^\n]*\n|[^\n]+", new)  # Jupyter's lines: each keeps its "\n"
        if pieces:
            replacements.append((spans[0][0], spans[-1][1], separator.join(_encoded(p, ascii_style) for p in pieces)))
        else:
            replacements.append((opening, closing + 1, "[]"))
    for start, end, replacement in sorted(replacements, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _ascii_style(text: str) -> bool:
    """Whether the file escapes non-ASCII characters (ensure_ascii); Jupyter writes them as they are."""
    if any(ord(char) > 127 for char in text):
        return False
    return bool(re.search(r"\\u(?:00[89a-fA-F]|0[1-9a-fA-F]|[1-9a-fA-F])", text))


def _encoded(string: str, ascii_style: bool) -> str:
    return json.dumps(string, ensure_ascii=ascii_style)
