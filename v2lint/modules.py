"""Build an astroid module from source text the way pylint does.

The flake8 front-end and the ``v2lint`` command analyse the text they are
given (IDEs send unsaved buffers on stdin), under the file's real dotted
module name and with its project root importable, so that project-local
helpers (``from .aml import get_ws``) resolve exactly as they do in pylint.
"""

from __future__ import annotations

import os

import astroid
from astroid import nodes
from astroid.builder import AstroidBuilder

from v2lint import brain, isolation, worth_analysing
from v2lint.prefilter import package_root
from v2lint.project import importable
from v2lint.analysis import analyse
from v2lint.findings import TOO_DEEP, Finding, unanalysable


def module_name(path: str) -> tuple[str, str]:
    """(dotted module name, directory that must be importable) for a file path."""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(filename)[0]
    root = package_root(directory)
    packages = os.path.relpath(directory, root).split(os.sep) if directory != root else []
    parts = packages + ([] if stem == "__init__" else [stem])
    return ".".join(parts) or stem, root


def build_module(source: str, path: str, modname: str) -> nodes.Module:
    """Parse ``source`` as module ``modname`` at ``path``; raises astroid's syntax errors."""
    brain.register()
    return AstroidBuilder(astroid.MANAGER).string_build(source, modname, os.path.abspath(path))


def analyse_source(source: str, path: str) -> list[Finding]:
    """Findings for source text; [] when it never mentions azureml.

    Raises ``astroid.AstroidSyntaxError`` (or another ``AstroidBuildingError``)
    when the text does not parse: callers report that their own way. Code
    nested too deeply for astroid's tree builder (which recurses, unlike
    Python's parser) is one AML000 finding, never a ``RecursionError``.
    """
    if not worth_analysing(source, path):
        return []
    modname, root = module_name(path)
    try:
        with isolation.source_only(), importable(root):
            try:
                module = build_module(source, path, modname)
            except RecursionError:
                return [unanalysable(TOO_DEEP)]
            return analyse(module)
    except isolation.BudgetExceeded as error:
        return [unanalysable(str(error))]
