"""The results of each kind of unit ``v2lint check`` lints: a Python file, a
notebook (its code cells as one module, each ``%%writefile`` cell as the file
it writes, its ``%pip install`` lines) and a dependency file.

Each decodes its bytes, has the text analysed, drops what suppression comments
hide and locates the rest for people and tools. astroid is imported only for
a Python text worth analysing: a dependency file never loads it.
"""

from __future__ import annotations

import os

from v2lint import decoding, dependencies, notebooks, worth_analysing
from v2lint.findings import Finding
from v2lint.pragmas import Suppressions
from v2lint.results import Result, problem


def python_results(data: bytes, path: str, display: str) -> list[Result]:
    if not worth_analysing(data, path):
        return _wide_encoding_problem(data, display)
    if b"\x00" in data:
        return [problem(display, "file contains NUL bytes")]
    try:
        text = decoding.python_text(data)
    except (UnicodeDecodeError, SyntaxError, LookupError) as error:
        return [problem(display, f"cannot decode the file: {error}")]
    suppressions = Suppressions(text)
    if suppressions.skip_file:
        return []
    findings, tree = _analysed(text, path)
    return [
        _result(display, finding, suppressions.lines)
        for finding in findings
        if finding.code == "AML000" or not suppressions.hides(finding.code, finding.line, finding.end_line, tree)
    ]


def dependency_results(data: bytes, path: str, display: str) -> list[Result]:
    text = decoding.normalise_newlines(data.decode("utf-8", errors="replace"))
    suppressions = Suppressions(text, python=False)
    return [
        _result(display, finding, suppressions.lines)
        for finding in dependencies.findings(text, os.path.basename(path))
        if not suppressions.hides(finding.code, finding.line, finding.end_line)
    ]


def _own_tier(finding: Finding) -> str | None:
    return finding.tier.label if finding.tier else None


def _result(display: str, finding: Finding, lines: list[str]) -> Result:
    """A finding of a file that is not a notebook: its lines are the file's."""
    unanalysable = finding.code == "AML000"
    return Result(
        display, None, finding.line, finding.col + 1, finding.end_line, _end_col(finding), finding.code,
        finding.qname, finding.written, finding.advice, finding.message,
        "" if unanalysable else _line(lines, finding.line), finding.line, finding.end_line, None,
        finding.confidence, decoding.code_point_col(lines, finding.line, finding.col),
        decoding.code_point_col(lines, finding.end_line, finding.end_col), _own_tier(finding), finding.fix,
    )


def notebook_results(data: bytes, path: str, display: str, notes: list[str]) -> list[Result]:
    if not worth_analysing(data):
        return _wide_encoding_problem(data, display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [problem(display, f"cannot decode the notebook as UTF-8: {error}")]
    try:
        notebook = notebooks.parse(text)
    except notebooks.NotebookError as error:
        return [problem(display, str(error))]
    if notebook.skipped_kernel:
        notes.append(f"{display}: skipped: kernel language is {notebook.skipped_kernel}, not Python")
        return []
    notes.extend(f"{display}: {note}" for note in notebook.notes)
    located = _NotebookPlaces(text, notebook)
    results = [
        problem(display, p.reason, p.cell, p.line, p.col, located.physical_line(p.cell, p.line))
        for p in notebook.problems
    ]
    pip_line_hidden = None  # by the pragmas of the module of code cells
    for unit in notebook.units:
        suppressions = Suppressions(unit.source)
        findings, tree = ([], None) if suppressions.skip_file else _analysed(unit.source, _unit_path(path, unit))
        if unit.writefile is None:
            pip_line_hidden = _hidden_in_cells(unit, suppressions, tree)
        for finding in findings:
            if finding.code == "AML000":
                cell, line = unit.locate(1)
                results.append(problem(display, finding.advice, cell, line, 0, located.physical_line(cell, line)))
            elif not suppressions.hides(finding.code, finding.line, finding.end_line, tree):
                results.append(located.result(display, finding, unit))
    results.extend(_notebook_pip_installs(display, notebook, located, pip_line_hidden))
    return results


class _NotebookPlaces:
    """Where a finding of a code cell is in the .ipynb file on disk (its JSON lines)."""

    def __init__(self, text: str, notebook: notebooks.Notebook) -> None:
        self._text = text
        self._notebook = notebook
        self._physical = None  # mapped on first use: most notebooks have no finding

    def _lines(self) -> notebooks.PhysicalLines:
        if self._physical is None:
            self._physical = notebooks.PhysicalLines(self._text, self._notebook.cell_index)
        return self._physical

    def physical_line(self, cell: int, line: int) -> int:
        return self._lines().line(cell, line)

    def position(self, cell: int, line: int | None, byte_col: int | None) -> tuple[int | None, int | None]:
        char_col = decoding.code_point_col(self._notebook.cells[cell - 1], line, byte_col)
        if line is None or char_col is None:
            return None, None
        found = self._lines().position(cell, line, char_col)
        return found if found else (None, None)

    def result(self, display: str, finding: Finding, unit) -> Result:
        """A finding of a unit, at its cell and line in the cell."""
        cell, line = unit.locate(finding.line)
        end_cell, end_line = unit.locate(finding.end_line) if finding.end_line else (cell, None)
        if end_cell != cell:
            end_line = None
        # the fix's edits are in the unit's lines: --fix maps them back (v2lint.notebook_fixing)
        return self.cell_result(display, finding, cell, line, end_line, unit.writefile, finding.fix)

    def cell_result(self, display: str, finding: Finding, cell: int, line: int, end_line: int | None,
                    writefile: str | None = None, fix=None) -> Result:
        start_line, start_col = self.position(cell, line, finding.col)
        stop_line, stop_col = self.position(cell, end_line, finding.end_col) if end_line else (None, None)
        return Result(
            display, cell, line, finding.col + 1, end_line, _end_col(finding) if end_line else None,
            finding.code, finding.qname, finding.written, finding.advice, finding.message,
            _line(self._notebook.cells[cell - 1], line), start_line or self.physical_line(cell, line),
            (stop_line or self.physical_line(cell, end_line)) if end_line else None,
            writefile, finding.confidence, start_col if start_line else None,
            stop_col if stop_line and start_line else None, _own_tier(finding), fix,
        )


def _hidden_in_cells(unit, suppressions: Suppressions, tree):
    """Whether a rule is disabled at a (cell, line in cell) of ``unit``, by its scoped pragmas."""
    unit_line = {place: number for number, place in enumerate(unit.line_map, start=1)}

    def hidden(code: str, cell: int, line: int) -> bool:
        number = unit_line.get((cell, line))
        return number is not None and suppressions.hides(code, number, tree=tree)

    return hidden


def _notebook_pip_installs(display: str, notebook, located: _NotebookPlaces, hidden_in_cells) -> list[Result]:
    """``%pip install azureml-sdk`` in a code cell: AML901, as in a requirements file.
    The module of code cells has the magic blanked, so the line's own comments
    are read from the cell."""
    results = []
    for cell, lines in enumerate(notebook.cells, start=1):
        findings = dependencies.notebook_findings(lines)
        if not findings:
            continue
        on_the_line = Suppressions("\n".join(lines), python=False)
        for line, finding in findings:
            if on_the_line.hides(finding.code, line, line) or (
                hidden_in_cells is not None and hidden_in_cells(finding.code, cell, line)
            ):
                continue
            results.append(located.cell_result(display, finding, cell, line, line))
    return results


def _unit_path(notebook_path: str, unit) -> str:
    """%%writefile train.py cells are analysed as the file they write (relative imports resolve)."""
    target = unit.writefile
    if target and target.endswith(".py") and "$" not in target and "{" not in target:
        return os.path.normpath(os.path.join(os.path.dirname(notebook_path), target))
    return notebook_path


def _analysed(text: str, path: str) -> tuple[list[Finding], object]:
    from v2lint.modules import analysed  # astroid: only now that a text is worth analysing

    return analysed(text, path)


def _wide_encoding_problem(data: bytes, display: str) -> list[Result]:
    encoding = decoding.wide_encoding(data)
    if encoding is None:
        return []
    return [problem(display, f"the file is {encoding} encoded, which Python does not read as source: "
                             "save it as UTF-8 to have it analysed")]


def _end_col(finding: Finding) -> int | None:
    return finding.end_col + 1 if finding.end_col is not None else None


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1].strip() if 1 <= number <= len(lines) else ""
