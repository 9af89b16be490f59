"""Jupyter notebooks as Python modules, without nbformat.

A notebook runs its code cells one after the other in one namespace, so all
code cells of a notebook become **one** module (names defined in cell 1 are
known in cell 5), with a map from module line to (cell, line in cell). Cells
are numbered as nbQA numbers them: code cells only, counting from 1.

* IPython line magics and shell escapes (``%pip ...``, ``!az ...``, ``?obj``,
  ``obj?``, ``files = !ls``) are replaced by ``pass`` at their indentation, so
  line numbers stay and an ``if`` whose body is a magic still parses.
* A cell magic decides what a cell is: ``%%time``/``%%capture``-style magics
  run their body as Python; ``%%writefile path`` writes a file that usually is
  a training script run inside a job, so its body is a **separate** module
  (it is a separate file at run time) when it parses as Python and the path
  does not name a non-Python file; any other cell magic (``%%bash``,
  ``%%html``, ...) is skipped.
* A code cell that does not parse on its own is reported (AML000 at that cell)
  and left out of the module; the other cells are still analysed.
"""

from __future__ import annotations

import ast
import bisect
import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring

# Cell magics whose body is ordinary Python run in the notebook's namespace.
PYTHON_CELL_MAGICS = frozenset(
    {"time", "timeit", "capture", "prun", "debug", "pypy", "python", "python3", "python2", "memit", "mprun"}
)
# %%writefile targets with these suffixes are never Python.
_NON_PYTHON_SUFFIXES = frozenset(
    {
        ".yml", ".yaml", ".json", ".txt", ".sh", ".bash", ".cfg", ".ini", ".toml", ".md", ".r", ".sql",
        ".csv", ".tsv", ".env", ".dockerfile", ".html", ".js", ".ts", ".xml", ".ipynb", ".properties", ".conf",
    }
)
_LINE_MAGIC = re.compile(r"^(\s*)(%|!|\?)")
_ASSIGNED_MAGIC = re.compile(r"^(\s*)[A-Za-z_][\w.,\s\[\]]*=\s*(%|!)")
_HELP_SUFFIX = re.compile(r"^(\s*)[A-Za-z_][\w.]*\?{1,2}\s*$")
# IPython's automagics: line magics written without ``%`` (``pip install x``,
# ``cd dir``, ``ls``). Only applied to a cell that does not parse as Python,
# and only where the word is followed by nothing or by an argument, never by
# an operator, so ``cd = 1`` or ``ls(x)`` stay Python.
_AUTOMAGIC = re.compile(
    r"^(\s*)(?:pip|conda|mamba|cd|ls|ll|cat|pwd|mkdir|rmdir|rm|cp|mv|env|set_env|load_ext|reload_ext"
    r"|matplotlib|timeit|time|run|who|whos|history|alias|pycat|less|more|man|clear|pushd|popd|bookmark"
    r"|dhist|sx|system|autoreload|config|store|prun|debug|xmode|pdb|pinfo|pinfo2|psearch|precision|rerun)"
    r"(?:\s*$|\s+(?![=+\-*/%<>!&|^(),.:\[\]@]|(?:if|else|for|in|and|or|not|is)\b)\S)"
)


class NotebookError(ValueError):
    """The notebook cannot be read (broken JSON, no cells, bad cell sources)."""


@dataclass
class Unit:
    """One module to analyse: the concatenated code cells, or one %%writefile cell."""

    source: str
    # module line (1-based) -> (code cell number from 1, line in cell from 1)
    line_map: list[tuple[int, int]]
    writefile: str | None = None  # the %%writefile target, for messages

    def locate(self, line: int) -> tuple[int, int]:
        if 1 <= line <= len(self.line_map):
            return self.line_map[line - 1]
        return self.line_map[-1] if self.line_map else (1, 1)


@dataclass
class CellProblem:
    cell: int
    line: int  # line in cell
    col: int
    reason: str


@dataclass
class Notebook:
    cells: list[list[str]]  # code cells' original lines (without line ends), by code cell number - 1
    cell_index: list[int]  # code cell number - 1 -> index in the notebook's "cells" array
    units: list[Unit] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    skipped_kernel: str | None = None  # set when the kernel is not Python
    notes: list[str] = field(default_factory=list)

    def cell_line(self, cell: int, line: int) -> str:
        try:
            return self.cells[cell - 1][line - 1]
        except IndexError:
            return ""


def split_lines(text: str) -> list[str]:
    """Lines as Python's tokenizer counts them (\\r\\n, \\r and \\n only, unlike str.splitlines)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def cell_source(cell: dict, number: int) -> str:
    source = cell.get("source", "")
    if isinstance(source, str):
        return source
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    raise NotebookError(f"code cell {number} has a source that is neither a string nor a list of strings")


def kernel_language(notebook: dict) -> str | None:
    """The notebook's language, lower case, or None when the metadata does not say."""
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return None
    kernelspec = metadata.get("kernelspec")
    if isinstance(kernelspec, dict):
        language = kernelspec.get("language")
        if isinstance(language, str) and language:
            return language.lower()
    info = metadata.get("language_info")
    if isinstance(info, dict):
        name = info.get("name")
        if isinstance(name, str) and name:
            return name.lower()
    if isinstance(kernelspec, dict):
        name = kernelspec.get("name")
        if isinstance(name, str) and name:
            return "python" if "python" in name.lower() or "py" in name.lower() else name.lower()
    return None


def blank_magics(lines: list[str]) -> list[str]:
    """Replace IPython magics and shell escapes by ``pass`` at their indentation."""
    out: list[str] = []
    continuing = False
    for line in lines:
        if continuing:
            out.append("")
            continuing = line.rstrip().endswith("\\")
            continue
        match = _LINE_MAGIC.match(line) or _ASSIGNED_MAGIC.match(line) or _HELP_SUFFIX.match(line)
        if match:
            out.append(f"{match.group(1)}pass")
            continuing = line.rstrip().endswith("\\")
        else:
            out.append(line)
    return out


def _blank_automagic(line: str) -> str:
    match = _AUTOMAGIC.match(line)
    return f"{match.group(1)}pass" if match else line


def _parses(source: str) -> SyntaxError | None:
    try:
        ast.parse(source)
    except SyntaxError as error:
        return error
    except (ValueError, RecursionError, MemoryError) as error:  # NUL bytes, absurd nesting
        return SyntaxError(str(error))
    return None


def _writefile_target(magic_line: str) -> str:
    args = magic_line.split()[1:]
    args = [a for a in args if not a.startswith("-")]
    return args[0].strip("'\"") if args else ""


def _writefile_is_python(target: str) -> bool:
    lowered = target.lower()
    for suffix in _NON_PYTHON_SUFFIXES:
        if lowered.endswith(suffix):
            return False
    base = lowered.rsplit("/", 1)[-1]
    return base not in {"dockerfile", "makefile", "requirements", "license"}


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse(text: str) -> Notebook:
    """A notebook's code cells as analysable units; raises NotebookError."""
    try:
        notebook = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise NotebookError(f"not valid notebook JSON: {error}") from None
    if not isinstance(notebook, dict):
        raise NotebookError("not a notebook: the JSON document is not an object")
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        if "worksheets" in notebook:
            raise NotebookError(
                "nbformat 3 notebooks (worksheets) are not supported; upgrade with `jupyter nbconvert --to notebook`"
            )
        raise NotebookError('not a notebook: no "cells" list')

    code: list[list[str]] = []
    index: list[int] = []
    sources: list[str] = []
    for position, cell in enumerate(cells):
        if not isinstance(cell, dict):
            raise NotebookError(f"cell {position + 1} of the notebook is not a JSON object")
        if cell.get("cell_type") != "code":
            continue
        number = len(code) + 1
        # a lone surrogate (``"\\udcff"`` in the JSON) is no character: U+FFFD,
        # one for one, so that columns still map to the JSON text
        source = _LONE_SURROGATE.sub("\ufffd", cell_source(cell, number))
        sources.append(source)
        code.append(split_lines(source))
        index.append(position)

    result = Notebook(code, index)
    language = kernel_language(notebook)
    if language is not None and language not in ("python", "python3", "python2", "ipython", "ipython3"):
        result.skipped_kernel = language
        return result

    module_lines: list[str] = []
    module_map: list[tuple[int, int]] = []
    for number, (source, lines) in enumerate(zip(sources, code), start=1):
        if "\x00" in source:
            result.problems.append(CellProblem(number, 1, 0, "cell source contains NUL bytes"))
            continue
        first = lines[0].strip() if lines else ""
        body_start = 0
        if first.startswith("%%"):
            magic = first[2:].split()[0] if first[2:].split() else ""
            if magic == "writefile":
                target = _writefile_target(first)
                body = ["", *lines[1:]]  # keep line numbers: line 1 is the magic
                body_source = "\n".join(body) + "\n"
                if not _writefile_is_python(target) or _parses(body_source) is not None:
                    result.notes.append(f"cell {number}: %%writefile {target} is not Python; skipped")
                    continue
                result.units.append(
                    Unit(body_source, [(number, i) for i in range(1, len(body) + 1)], writefile=target)
                )
                continue
            if magic not in PYTHON_CELL_MAGICS:
                continue  # %%bash, %%html, %%sql, ...: not Python
            body_start = 1
        cleaned = blank_magics(lines)
        for i in range(body_start):
            cleaned[i] = ""
        cell_text = "\n".join(cleaned) + "\n"
        error = _parses(cell_text)
        if error is not None:  # read automagics as IPython does, then try again
            automagic = [_blank_automagic(line) for line in cleaned]
            if automagic != cleaned and _parses("\n".join(automagic) + "\n") is None:
                cleaned, error = automagic, None
        if error is not None and "azureml" not in cell_text:
            # it cannot hold SDK v1 code: say so, but it is not a finding
            result.notes.append(f"cell {number} skipped: it does not parse as Python and does not mention azureml")
            continue
        if error is not None:
            line = error.lineno or 1
            col = max((error.offset or 1) - 1, 0)
            reason = f"syntax error in cell {number}: {error.msg if hasattr(error, 'msg') else error}"
            result.problems.append(CellProblem(number, min(max(line, 1), max(len(lines), 1)), col, reason))
            continue
        module_lines.extend(cleaned)
        module_map.extend((number, i) for i in range(1, len(cleaned) + 1))
    if module_lines:
        result.units.insert(0, Unit("\n".join(module_lines) + "\n", module_map))
    return result


# --------------------------------------------------------------------------- physical lines
class _PositionedParser:
    """A JSON parser that records where the strings of cell sources start.

    ``json`` gives no positions; SARIF must point at the line of the .ipynb
    file itself, so this walks the raw text (strings through json's own
    ``scanstring``) and keeps, for each cell, the offsets of its ``source``
    string(s). Only the document, its cell list and the cells are walked
    here: everything below them but ``source`` (outputs, images, metadata)
    goes through json's C decoder.
    """

    _WS = re.compile(r"[ \t\n\r]*")
    _DECODER = json.JSONDecoder()
    _CELL_DEPTH = 2  # document (0) > "cells" list (1) > cell (2)

    def __init__(self, text: str) -> None:
        self.text = text

    def _skip(self, pos: int) -> int:
        return self._WS.match(self.text, pos).end()

    def value(self, pos: int, keep: bool = False, depth: int = 0):
        """(value, end); strings as (str, start) tuples when keep."""
        pos = self._skip(pos)
        char = self.text[pos:pos + 1]
        if char == '"':
            string, end = scanstring(self.text, pos + 1)
            return ((string, pos) if keep else string), end
        if char not in ("{", "[") or (depth > self._CELL_DEPTH and not keep):
            return self._DECODER.raw_decode(self.text, pos)
        if char == "{":
            result = {}
            pos = self._skip(pos + 1)
            if self.text[pos:pos + 1] == "}":
                return result, pos + 1
            while True:
                pos = self._skip(pos)
                if self.text[pos:pos + 1] != '"':
                    raise NotebookError("bad JSON object")
                key, pos = scanstring(self.text, pos + 1)
                pos = self._skip(pos)
                if self.text[pos:pos + 1] != ":":
                    raise NotebookError("bad JSON object")
                result[key], pos = self.value(pos + 1, keep or key == "source", depth + 1)
                pos = self._skip(pos)
                char = self.text[pos:pos + 1]
                if char == ",":
                    pos += 1
                    continue
                if char == "}":
                    return result, pos + 1
                raise NotebookError("bad JSON object")
        if char == "[":
            items = []
            pos = self._skip(pos + 1)
            if self.text[pos:pos + 1] == "]":
                return items, pos + 1
            while True:
                item, pos = self.value(pos, keep, depth + 1)
                items.append(item)
                pos = self._skip(pos)
                char = self.text[pos:pos + 1]
                if char == ",":
                    pos += 1
                    continue
                if char == "]":
                    return items, pos + 1
                raise NotebookError("bad JSON array")


class PhysicalLines:
    """Maps (code cell number, line in cell) to the line of the .ipynb file."""

    def __init__(self, text: str, cell_index: list[int]) -> None:
        self._text = text
        self._newlines = [match.start() for match in re.finditer("\n", text)]
        self._cells: list[list[tuple[str, int]]] = []
        try:
            document, _ = _PositionedParser(text).value(0)
            raw_cells = document.get("cells", []) if isinstance(document, dict) else []
        except (NotebookError, ValueError, RecursionError):
            raw_cells = []
        for position in cell_index:
            parts: list[tuple[str, int]] = []
            if position < len(raw_cells) and isinstance(raw_cells[position], dict):
                source = raw_cells[position].get("source")
                if isinstance(source, tuple):
                    parts = [source]
                elif isinstance(source, list):
                    parts = [p for p in source if isinstance(p, tuple)]
            self._cells.append(parts)

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def line(self, cell: int, line_in_cell: int) -> int:
        """The 1-based line of the .ipynb file holding that cell line (1 if unknown)."""
        if not 1 <= cell <= len(self._cells) or not self._cells[cell - 1]:
            return 1
        parts = self._cells[cell - 1]
        wanted = line_in_cell - 1  # newlines before the cell line
        seen = 0
        for text, offset in parts:
            count = text.count("\n")
            if wanted - seen < count or (wanted - seen == count and not text.endswith("\n")):
                # the cell line starts in this part; a single-string source
                # keeps all its lines on the string's one physical line
                return self._line_of(offset)
            seen += count
        return self._line_of(parts[-1][1])

    def position(self, cell: int, line_in_cell: int, col: int) -> tuple[int, int] | None:
        """(line, column) in the .ipynb file, both 1-based, of a 1-based cell position; None if unknown."""
        if not 1 <= cell <= len(self._cells) or not self._cells[cell - 1]:
            return None
        parts = self._cells[cell - 1]
        # index of the wanted character in the decoded cell source
        source = "".join(text for text, _ in parts)
        start = 0
        for _ in range(line_in_cell - 1):
            found = source.find("\n", start)
            if found < 0:
                return None
            start = found + 1
        target = start + max(col - 1, 0)
        consumed = 0
        for text, offset in parts:
            if target < consumed + len(text) or (target == consumed + len(text) and (text, offset) == parts[-1]):
                raw = _raw_offset(self._text, offset, target - consumed)
                if raw is None:
                    return None
                line = self._line_of(raw)
                line_start = self._newlines[line - 2] + 1 if line >= 2 else 0
                return line, raw - line_start + 1
            consumed += len(text)
        return None


def _raw_offset(text: str, quote: int, index: int) -> int | None:
    """Offset in the raw JSON text of decoded character ``index`` of the string at ``quote``."""
    pos = quote + 1
    decoded = 0
    while decoded < index:
        char = text[pos:pos + 1]
        if not char or char == '"':
            return None
        if char == "\\":
            if text[pos + 1:pos + 2] == "u":
                code = int(text[pos + 2:pos + 6] or "0", 16)
                pos += 6
                if 0xD800 <= code < 0xDC00 and text[pos:pos + 2] == "\\u":
                    pos += 6  # a surrogate pair is one character
            else:
                pos += 2
        else:
            pos += 1
        decoded += 1
    return pos
