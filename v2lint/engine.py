"""Lint one file for the ``v2lint`` command: .py, .ipynb and dependency files.

Everything here runs in worker processes too, so it takes and returns plain
picklable values. Nothing raises: a file that cannot be analysed becomes an
AML000 result with the reason.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import sys
import tokenize
from dataclasses import dataclass, field, fields
from io import BytesIO

from v2lint import worth_analysing
from v2lint.safe_io import printable
from v2lint.findings import Finding, unanalysable

_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z][A-Z0-9]*(?:[,\s]+[A-Z][A-Z0-9]*)*))?", re.IGNORECASE)
_PYLINT = re.compile(r"#\s*pylint\s*:\s*(?P<kind>disable|disable-next)\s*=\s*(?P<names>[\w\-]+(?:\s*,\s*[\w\-]+)*)")


@dataclass(frozen=True, slots=True)  # slots: a run may hold hundreds of thousands
class Result:
    """One reported finding, located for people and for tools."""

    path: str  # repo-relative POSIX path (absolute when outside the repo)
    cell: int | None  # code cell number from 1 (notebooks), else None
    line: int  # 1-based, in the file or in the cell
    col: int  # 1-based
    end_line: int | None
    end_col: int | None  # 1-based, exclusive (SARIF's endColumn)
    code: str
    qname: str
    written: str
    advice: str
    message: str
    source_line: str  # whitespace-stripped text of the line ("" for AML000)
    physical_line: int  # the line of the file on disk (the .ipynb JSON line for notebooks)
    physical_end_line: int | None = None
    writefile: str | None = None  # %%writefile target of the cell, if any
    confidence: str = "HIGH"
    # 1-based columns in the file on disk, in Unicode code points (SARIF's
    # "unicodeCodePoints" column kind); None when unknown
    physical_col: int | None = None
    physical_end_col: int | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.cell or 0, self.line, self.col, self.code, self.qname, self.written)

    @property
    def where(self) -> str:
        """``path:line:col`` or, for notebooks, ``nb.ipynb:cell_3:2:5`` (nbQA's form)."""
        if self.cell is None:
            return f"{self.path}:{self.line}:{self.col}"
        return f"{self.path}:cell_{self.cell}:{self.line}:{self.col}"

    @property
    def located_message(self) -> str:
        """The message, naming the cell and its line for notebooks (SARIF, GitHub)."""
        if self.cell is None:
            return self.message
        what = f"cell {self.cell}" + (f" (%%writefile {self.writefile})" if self.writefile else "")
        return f"{what}, line {self.line}: {self.message}"


@dataclass
class FileResult:
    path: str  # display path
    results: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def share_strings(self, table: dict[str, str]) -> FileResult:
        """Each string of the results becomes the one copy kept in ``table``:
        results come back from worker processes as fresh copies, and a large
        run repeats the same paths, advice and messages thousands of times."""
        self.results = [
            Result(*[table.setdefault(v, v) if isinstance(v, str) else v for v in map(r.__getattribute__, _FIELDS)])
            for r in self.results
        ]
        return self


_FIELDS = tuple(f.name for f in fields(Result))


# --------------------------------------------------------------------------- suppressions
def suppressed(finding_code: str, symbol: str, msgid: str, lines: list[str], line: int, end_line: int | None) -> bool:
    """``# noqa``, ``# noqa: AML101``/``AML1`` and ``# pylint: disable=<symbol|msgid>`` on the line."""
    candidates = {line}
    if end_line and end_line != line:
        candidates.add(end_line)
    for number in candidates:
        if _suppressed_by(lines, number, finding_code, symbol, msgid, "disable"):
            return True
    return _suppressed_by(lines, line - 1, finding_code, symbol, msgid, "disable-next", noqa=False)


def _suppressed_by(lines, number, code, symbol, msgid, kind, noqa=True) -> bool:
    if not 1 <= number <= len(lines):
        return False
    text = lines[number - 1]
    if "#" not in text:
        return False
    if noqa:
        for match in _NOQA.finditer(text):
            codes = match.group("codes")
            if not codes:
                return True
            if any(code.startswith(c.upper()) for c in re.split(r"[,\s]+", codes) if c):
                return True
    for match in _PYLINT.finditer(text):
        if match.group("kind") != kind:
            continue
        names = {n.strip().lower() for n in match.group("names").split(",")}
        if names & {symbol, msgid.lower(), "all", "v2lint"}:
            return True
    return False


# --------------------------------------------------------------------------- helpers
STDIN_DISPLAY = "-"  # what standard input is called without --stdin-filename


def display_path(path: str, root: str) -> str:
    """The path as every output names it: repo-relative POSIX, :func:`printable`."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive on Windows
        return printable(path.replace(os.sep, "/"))
    if rel.startswith(".." + os.sep) or rel == "..":
        return printable(os.path.abspath(path).replace(os.sep, "/"))
    return printable(rel.replace(os.sep, "/"))


def _decode_python(data: bytes) -> str:
    """Source bytes to text as Python reads them (PEP 263 cookie, BOM), newlines normalised."""
    encoding, _ = tokenize.detect_encoding(BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _syntax_reason(error: Exception) -> str:
    inner = getattr(error, "error", None)
    if isinstance(inner, SyntaxError):
        where = f" at line {inner.lineno}" if inner.lineno else ""
        return f"syntax error{where}: {inner.msg}"
    text = str(error).replace("Parsing Python code failed:\n", "").strip()
    if "null bytes" in text:
        return "file contains NUL bytes"
    return f"syntax error: {text}"


def _user_module_cleanup():
    """Forget modules built from project files after each file.

    astroid caches every module by dotted name; two projects' ``train.py``
    would otherwise shadow each other depending on which file a worker lints
    first, and results would depend on -j. Stubs and installed packages stay.
    """
    import astroid
    from v2lint import brain

    cache = astroid.MANAGER.astroid_cache
    before = set(cache)
    keep_prefixes = tuple(
        os.path.abspath(p) for p in {brain.STUBS_DIR, sys.prefix, sys.base_prefix, sys.exec_prefix} if p
    )

    def cleanup() -> None:
        for name in list(cache.keys() - before):
            module = cache.get(name)
            filename = getattr(module, "file", None)
            # file-less modules (builtins, compiled stubs) are astroid's own: keep them
            if not filename or os.path.abspath(filename).startswith(keep_prefixes):
                continue
            _EVICTED.append(cache.pop(name))
        if _EVICTED:
            _sweep_assigned_attributes(cache.values())

    return cleanup


# Project modules evicted since the last sweep; each kept module's attribute dicts.
_EVICTED: list = []
_MAPPINGS: dict[int, tuple[object, list[dict]]] = {}


def _attribute_mappings(module) -> list[dict]:
    """The dicts astroid's builder may add ``obj.attr = value`` to, in ``module``."""
    from astroid import nodes

    mappings = [module.locals]
    for scope in module.nodes_of_class((nodes.ClassDef, nodes.FunctionDef)):
        if isinstance(scope, nodes.ClassDef):
            mappings.append(scope.locals)
        mappings.append(scope.instance_attrs)
    return mappings


def _sweep_assigned_attributes(kept) -> None:
    """Take out of the kept modules what evicted project modules put in them.

    astroid's builder records ``obj.attr = value`` in the ``instance_attrs``
    (or ``locals``) of whatever ``obj`` infers to: for ``args.out = x`` or
    ``run.tag = t`` that is a class of a kept module (standard library,
    installed package, stub), which then keeps the whole project module
    alive: memory grew by ~80 KB per analysed file, without bound. Only the
    names the evicted modules assign are looked up, so a sweep costs little.
    """
    from astroid import nodes

    from v2lint import isolation

    evicted = {id(module) for module in _EVICTED}
    # only names the evicted modules assign as attributes can have been added
    assigned = {node.attrname for module in _EVICTED for node in module.nodes_of_class(nodes.AssignAttr)}
    kept = list(kept)
    alive = {id(module) for module in kept}
    for key in [key for key in _MAPPINGS if key not in alive]:
        del _MAPPINGS[key]
    for module in kept if assigned else ():
        entry = _MAPPINGS.get(id(module))
        if entry is None or entry[0] is not module:
            entry = _MAPPINGS[id(module)] = (module, _attribute_mappings(module))
        for mapping in entry[1]:
            for name in assigned & mapping.keys():
                values = mapping[name]
                remaining = [v for v in values if not (isinstance(v, nodes.AssignAttr) and id(v.root()) in evicted)]
                if len(remaining) == len(values):
                    continue
                if remaining:
                    values[:] = remaining
                else:
                    del mapping[name]
    # where modules were found (and failed imports, whose tracebacks hold the
    # nodes of the file that first tried): looked up again per file, so that a
    # helper module next to one file never stands in for another's
    isolation.forget_lookups(inference=False)
    _EVICTED.clear()
    # astroid's memoised lookups hold inference contexts whose paths reach
    # project nodes (up to 1024 entries): pure caches, emptied with the sweep
    from astroid.nodes import _base_nodes

    for owner, attribute in ((nodes.ClassDef, "_metaclass_lookup_attribute"), (_base_nodes.LookupMixIn, "lookup")):
        clear = getattr(getattr(owner, attribute, None), "cache_clear", None)
        if clear is not None:
            clear()


def _analyse(source: str, path: str) -> list[Finding]:
    """analyse_source, with astroid's errors turned into AML000."""
    import astroid

    from v2lint.modules import analyse_source

    cleanup = _user_module_cleanup()
    try:
        return analyse_source(source, path)
    except astroid.AstroidSyntaxError as error:
        return [unanalysable(_syntax_reason(error))]
    except astroid.AstroidBuildingError as error:
        return [unanalysable(f"cannot build the module: {error or type(error).__name__}")]
    except Exception as error:  # noqa: BLE001 - never let a file end the run
        return [unanalysable(internal_error("while analysing", error))]
    finally:
        cleanup()


def _end_col(finding: Finding) -> int | None:
    return finding.end_col + 1 if finding.end_col is not None else None


def _rule_bits(code: str) -> tuple[str, str]:
    from v2lint.catalogue import RULES_BY_CODE

    rule = RULES_BY_CODE.get(code)
    return (rule.symbol, rule.msgid) if rule else ("", "")


def _problem(display: str, reason: str, cell: int | None = None, line: int = 1, col: int = 0,
             physical_line: int = 1) -> Result:
    finding = unanalysable(reason)
    return Result(
        display, cell, line, col + 1, None, None, finding.code, finding.qname, finding.written,
        finding.advice, finding.message, "", physical_line, None,
    )


# --------------------------------------------------------------------------- per kind
def lint_file(path: str, root: str, data: bytes | None = None, display: str | None = None) -> FileResult:
    """All results for one file. Never raises.

    ``data``: the file's content when it does not come from disk (``v2lint check -``:
    standard input, linted as the file ``path`` would be, shown as ``display``)."""
    display = display or display_path(path, root)
    try:
        if data is None:
            data = _read(path, display)
            if isinstance(data, FileResult):
                return data
        return _lint_data(data, path, display)
    except Exception as error:  # noqa: BLE001 - the last line of defence: a result, not a traceback
        return FileResult(display, [_problem(display, internal_error("", error))])


REPORT = "please report it with the file and `v2lint --version`"


def internal_error(where: str, error: BaseException) -> str:
    """The AML000 reason for a failure of v2lint itself: what failed and what to do."""
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return f"internal error{' ' + where if where else ''} ({detail}); the rest of the run is unaffected; {REPORT}"


def _read(path: str, display: str) -> bytes | FileResult:
    """The file's bytes: a regular file only (a FIFO or a device given on the
    command line is refused without blocking), of a bounded size."""
    from v2lint import safe_io

    try:
        return safe_io.read_bytes(path)
    except safe_io.UnsafePath as error:
        if error.errno == errno.EISDIR or "directory" in (error.strerror or ""):
            return FileResult(display, [_problem(display, _directory_reason(path))])
        return FileResult(display, [_problem(display, f"cannot read the file: it {error.strerror}")])
    except FileNotFoundError:
        if os.path.islink(path):
            return FileResult(display, [_problem(display, "is a symbolic link to a file that does not exist")])
        return FileResult(display, [_problem(display, "file vanished before it could be read")])
    except IsADirectoryError:
        return FileResult(display, [_problem(display, _directory_reason(path))])
    except PermissionError:
        if os.path.isdir(path):
            return FileResult(display, [_problem(display, _directory_reason(path))])
        return FileResult(display, [_problem(display, "cannot read the file: permission denied")])
    except OSError as error:
        return FileResult(display, [_problem(display, f"cannot read the file: {error.strerror or error}")])


def _directory_reason(path: str) -> str:
    """A directory reaches the engine only when it is given or cannot be listed."""
    try:
        if os.path.isdir(path):
            os.listdir(path)
    except OSError as error:
        return f"cannot list the directory: {(error.strerror or str(error)).lower()}; its files were not checked"
    return "is a directory, not a file"


def _lint_data(data: bytes, path: str, display: str) -> FileResult:
    from v2lint import dependencies, discovery

    name = os.path.basename(path)
    result = FileResult(display)
    dependency_file = discovery.is_dependency_file(name)
    if dependency_file and dependencies.available():
        result.results.extend(_lint_dependencies(data, path, display))
    if path.endswith(".ipynb"):
        result.results.extend(_lint_notebook(data, path, display, result.notes))
    elif path.endswith(".py") or not dependency_file:
        result.results.extend(_lint_python(data, path, display))
    result.results.sort(key=lambda r: r.sort_key)
    return result


_WIDE_ENCODINGS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (by the BOM, or by the NUL bytes of ASCII text without one)
    when the decoded text mentions azureml: the raw-bytes pre-check cannot see it."""
    candidates = [name for bom, name in _WIDE_ENCODINGS if data.startswith(bom)][:1]
    if not candidates and data[:1] != b"\x00" and b"\x00" in data[:4]:
        candidates = ["utf-32-le", "utf-16-le"]
    elif not candidates and data[:1] == b"\x00":
        candidates = ["utf-32-be", "utf-16-be"]
    for name in candidates:
        try:
            if "azureml" in data.decode(name):
                return name.split("-")[0].upper() + "-" + name.split("-")[1]
        except UnicodeDecodeError:
            continue
    return None


def _wide_problem(data: bytes, display: str) -> list[Result]:
    encoding = _wide_encoding(data)
    if encoding is None:
        return []
    return [_problem(display, f"the file is {encoding} encoded, which Python does not read as source: "
                              "save it as UTF-8 to have it analysed")]


def _lint_python(data: bytes, path: str, display: str) -> list[Result]:
    if not worth_analysing(data, path):
        return _wide_problem(data, display)
    if b"\x00" in data:
        return [_problem(display, "file contains NUL bytes")]
    try:
        text = _decode_python(data)
    except (UnicodeDecodeError, SyntaxError, LookupError) as error:
        return [_problem(display, f"cannot decode the file: {error}")]
    lines = text.split("\n")
    results = []
    for finding in _analyse(text, path):
        symbol, msgid = _rule_bits(finding.code)
        if finding.code != "AML000" and suppressed(finding.code, symbol, msgid, lines, finding.line, finding.end_line):
            continue
        source_line = "" if finding.code == "AML000" else _line(lines, finding.line)
        results.append(
            Result(
                display, None, finding.line, finding.col + 1, finding.end_line, _end_col(finding), finding.code,
                finding.qname, finding.written, finding.advice, finding.message, source_line,
                finding.line, finding.end_line, None, finding.confidence,
                _char_col(lines, finding.line, finding.col),
                _char_col(lines, finding.end_line, finding.end_col),
            )
        )
    return results


def _char_col(lines: list[str], number: int | None, byte_col: int | None) -> int | None:
    """1-based code point column of a 0-based UTF-8 byte offset (what ast reports)."""
    if number is None or byte_col is None or not 1 <= number <= len(lines):
        return None
    encoded = lines[number - 1].encode("utf-8")
    return len(encoded[:byte_col].decode("utf-8", errors="ignore")) + 1


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1].strip() if 1 <= number <= len(lines) else ""


def _lint_notebook(data: bytes, path: str, display: str, notes: list[str]) -> list[Result]:
    from v2lint import notebooks

    if not worth_analysing(data):
        return _wide_problem(data, display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [_problem(display, f"cannot decode the notebook as UTF-8: {error}")]
    try:
        notebook = notebooks.parse(text)
    except notebooks.NotebookError as error:
        return [_problem(display, str(error))]
    if notebook.skipped_kernel:
        notes.append(f"{display}: skipped: kernel language is {notebook.skipped_kernel}, not Python")
        return []
    notes.extend(f"{display}: {note}" for note in notebook.notes)
    physical: notebooks.PhysicalLines | None = None

    def mapper() -> notebooks.PhysicalLines:
        nonlocal physical
        if physical is None:
            physical = notebooks.PhysicalLines(text, notebook.cell_index)
        return physical

    def phys(cell: int, line: int) -> int:
        return mapper().line(cell, line)

    def phys_pos(cell: int, line: int | None, byte_col: int | None) -> tuple[int | None, int | None]:
        char_col = _char_col(notebook.cells[cell - 1], line, byte_col)
        if line is None or char_col is None:
            return None, None
        found = mapper().position(cell, line, char_col)
        return found if found else (None, None)

    results = [
        _problem(display, p.reason, p.cell, p.line, p.col, phys(p.cell, p.line)) for p in notebook.problems
    ]
    results.extend(_notebook_pip_installs(display, notebook, phys_pos))
    for unit in notebook.units:
        for finding in _analyse(unit.source, _unit_path(path, unit)):
            if finding.code == "AML000":
                cell, line = unit.locate(1)
                results.append(_problem(display, finding.advice, cell, line, 0, phys(cell, line)))
                continue
            cell, line = unit.locate(finding.line)
            end_cell, end_line = unit.locate(finding.end_line) if finding.end_line else (cell, None)
            if end_cell != cell:
                end_line = None
            cell_lines = notebook.cells[cell - 1]
            symbol, msgid = _rule_bits(finding.code)
            if suppressed(finding.code, symbol, msgid, cell_lines, line, end_line):
                continue
            start_line, start_col = phys_pos(cell, line, finding.col)
            stop_line, stop_col = phys_pos(cell, end_line, finding.end_col) if end_line else (None, None)
            results.append(
                Result(
                    display, cell, line, finding.col + 1, end_line, _end_col(finding) if end_line else None,
                    finding.code, finding.qname, finding.written, finding.advice, finding.message,
                    _line(cell_lines, line), start_line or phys(cell, line),
                    (stop_line or phys(cell, end_line)) if end_line else None,
                    unit.writefile, finding.confidence, start_col if start_line else None,
                    stop_col if stop_line and start_line else None,
                )
            )
    return results


def _notebook_pip_installs(display: str, notebook, phys_pos) -> list[Result]:
    """``%pip install azureml-sdk`` in a code cell: AML901, as in a requirements file."""
    from v2lint import dependencies

    results = []
    for cell, lines in enumerate(notebook.cells, start=1):
        for line, finding in dependencies.notebook_findings(lines):
            symbol, msgid = _rule_bits(finding.code)
            if suppressed(finding.code, symbol, msgid, lines, line, line):
                continue
            start_line, start_col = phys_pos(cell, line, finding.col)
            stop_line, stop_col = phys_pos(cell, line, finding.end_col)
            results.append(
                Result(
                    display, cell, line, finding.col + 1, line, _end_col(finding), finding.code, finding.qname,
                    finding.written, finding.advice, finding.message, _line(lines, line),
                    start_line or 1, stop_line, None, finding.confidence, start_col, stop_col,
                )
            )
    return results


def _unit_path(notebook_path: str, unit) -> str:
    """%%writefile train.py cells are analysed as the file they write (relative imports resolve)."""
    target = unit.writefile
    if target and target.endswith(".py") and "$" not in target and "{" not in target:
        return os.path.normpath(os.path.join(os.path.dirname(notebook_path), target))
    return notebook_path


def _lint_dependencies(data: bytes, path: str, display: str) -> list[Result]:
    from v2lint import dependencies

    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    results = []
    for finding in dependencies.findings(text, os.path.basename(path)):
        symbol, msgid = _rule_bits(finding.code)
        if suppressed(finding.code, symbol, msgid, lines, finding.line, finding.end_line):
            continue
        results.append(
            Result(
                display, None, finding.line, finding.col + 1, finding.end_line, _end_col(finding), finding.code,
                finding.qname, finding.written, finding.advice, finding.message, _line(lines, finding.line),
                finding.line, finding.end_line, None, finding.confidence,
                _char_col(lines, finding.line, finding.col), _char_col(lines, finding.end_line, finding.end_col),
            )
        )
    return results
