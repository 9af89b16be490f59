"""flake8 front-end: a thin adapter from findings to flake8's result tuples."""

from __future__ import annotations

import ast
from typing import Iterator, Sequence

import astroid

from v2lint import __version__
from v2lint.modules import analyse_source


class Flake8Plugin:
    """Registered under the ``AML`` prefix (flake8.extension entry point)."""

    name = "v2lint"
    version = __version__

    # flake8 injects arguments by name; `tree` makes this an AST plugin, but
    # the analysis reads `lines` (the buffer an IDE sends on stdin), never the file
    def __init__(self, tree: ast.AST, filename: str = "stdin", lines: Sequence[str] = ()) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        try:
            findings = analyse_source("".join(self.lines), self.filename)
        except astroid.AstroidBuildingError:
            return  # flake8 reports syntax errors itself (E999)
        for finding in findings:
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(self)
