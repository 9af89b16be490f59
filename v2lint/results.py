"""What ``v2lint check`` reports for a file: results located for people and tools.

Free of astroid, like :mod:`v2lint.findings`: the formats, the baseline and
the dependency scanner use it. Results travel back from worker processes, so
they are plain picklable values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from v2lint.findings import Fix, unanalysable
from v2lint.safe_io import printable

STDIN_DISPLAY = "-"  # what standard input is called without --stdin-filename


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
    # the finding's tier label when it is not its rule's (an import of a name with no v2 equivalent)
    tier: str | None = None
    fix: Fix | None = None  # what --fix would do (a notebook's: edits in its unit's lines)

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


_FIELDS = tuple(f.name for f in fields(Result))


def problem(display: str, reason: str, cell: int | None = None, line: int = 1, col: int = 0,
            physical_line: int = 1) -> Result:
    """The AML000 result of a file (or a cell) that could not be analysed."""
    finding = unanalysable(reason)
    return Result(
        display, cell, line, col + 1, None, None, finding.code, finding.qname, finding.written,
        finding.advice, finding.message, "", physical_line, None,
    )


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


def display_path(path: str, root: str) -> str:
    """The path as every output names it: repo-relative POSIX, :func:`printable`."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive on Windows
        return printable(path.replace(os.sep, "/"))
    if rel.startswith(".." + os.sep) or rel == "..":
        return printable(os.path.abspath(path).replace(os.sep, "/"))
    return printable(rel.replace(os.sep, "/"))


REPORT = "please report it with the file and `v2lint --version`"


def internal_error(where: str, error: BaseException) -> str:
    """The AML000 reason for a failure of v2lint itself: what failed and what to do."""
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return f"internal error{' ' + where if where else ''} ({detail}); the rest of the run is unaffected; {REPORT}"
