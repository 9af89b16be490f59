"""Build an astroid module from source text the way pylint does, and analyse it.

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
from v2lint.brain.cache import forget_project_modules_after
from v2lint.findings import TOO_DEEP, Finding, unanalysable
from v2lint.results import internal_error


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
    return _findings_and_tree(source, path)[0]


def analysed(source: str, path: str) -> tuple[list[Finding], nodes.Module | None]:
    """The ``v2lint`` command's analysis of one text: its findings, and the tree
    they were found in (pylint's scoped pragmas are worked out on it).

    Never raises: a text that cannot be analysed is one AML000 finding. The
    project modules astroid cached meanwhile are forgotten after.
    """
    with forget_project_modules_after():
        try:
            return _findings_and_tree(source, path)
        except astroid.AstroidSyntaxError as error:
            return [unanalysable(_syntax_reason(error))], None
        except astroid.AstroidBuildingError as error:
            return [unanalysable(f"cannot build the module: {error or type(error).__name__}")], None
        except Exception as error:  # noqa: BLE001 - never let a file end the run
            return [unanalysable(internal_error("while analysing", error))], None


def _findings_and_tree(source: str, path: str) -> tuple[list[Finding], nodes.Module | None]:
    if not worth_analysing(source, path):
        return [], None
    modname, root = module_name(path)
    try:
        with isolation.source_only(), importable(root):
            try:
                module = build_module(source, path, modname)
            except RecursionError:
                return [unanalysable(TOO_DEEP)], None
            return analyse(module), module
    except isolation.BudgetExceeded as error:
        return [unanalysable(str(error))], None


def _syntax_reason(error: astroid.AstroidBuildingError) -> str:
    inner = getattr(error, "error", None)
    if isinstance(inner, SyntaxError):
        where = f" at line {inner.lineno}" if inner.lineno else ""
        return f"syntax error{where}: {inner.msg}"
    text = str(error).replace("Parsing Python code failed:\n", "").strip()
    if "null bytes" in text:
        return "file contains NUL bytes"
    return f"syntax error: {text}"
