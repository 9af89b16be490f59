"""flake8 front-end: a thin adapter from findings to flake8's result tuples.

astroid and the analysis are imported only for a file that mentions azureml:
flake8 loads every plugin at start-up, in every process (the IDE's lint of one
buffer included), and most files never need them.
"""

from __future__ import annotations

import ast
from typing import Iterator, Sequence

from v2lint import __version__, worth_analysing


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
        source = "".join(self.lines)
        if not worth_analysing(source, self.filename):
            return
        import astroid

        from v2lint.modules import analyse_source

        try:
            findings = analyse_source(source, self.filename)
        except astroid.AstroidBuildingError:
            return  # flake8 reports syntax errors itself (E999)
        for finding in findings:
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(self)
