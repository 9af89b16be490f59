"""The project around an analysed file, read as text and never executed.

* Calls of a helper module's functions from the project's other files. A
  helper's unannotated parameter holds what its callers pass, and the callers
  are often other files: the notebook beside ``run_forecast.py`` that does ``from
  run_forecast import run_remote_inference``, or one a directory up that does
  ``from scripts.helper_scripts import run_inference``. Only the helper's own
  directory and the two above it are looked at (where Python finds a helper
  imported by its dotted path from there); a file is parsed only when its text
  can import the function, and at most once per analysed file.
* Directories the file puts on ``sys.path`` (``sys.path.append(os.path.join(
  os.path.dirname(__file__), "..", "lib"))``), so that helpers imported from
  there resolve: only paths built from literals and ``__file__`` are followed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Iterator

from astroid import nodes

from v2lint import notebooks
from v2lint.walk import nodes_of

_LEVELS = 3  # the helper's directory and the two above it
_MAX_FILES_PER_DIRECTORY = 400  # a data directory of many files holds no callers worth the scan
_MAX_BYTES = 2_000_000


class ProjectCallers:
    """The calls of ``module``'s top-level functions in sibling files, by function name."""

    def __init__(self, module: nodes.Module) -> None:
        self.path = os.path.abspath(module.file) if module.file else None
        self.module_name = module.name
        self._parsed: dict[str, list[nodes.Module]] = {}
        self._texts: dict[str, bytes | None] = {}  # each sibling read once, whatever the function
        self._listings: dict[str, list[str]] = {}

    def calls(self, function_name: str) -> Iterator[nodes.Call]:
        """Calls of ``function_name`` imported from this module, in other files."""
        if self.path is None or not self.path.endswith(".py"):
            return
        for caller, dotted in self._candidates(function_name):
            for module in self._modules(caller):
                yield from _calls_through_import(module, dotted, function_name)

    def _candidates(self, function_name: str) -> Iterator[tuple[str, set[str]]]:
        """(caller file, the dotted names it would import this module by)."""
        helper_stem = os.path.splitext(self.path)[0]
        directory = os.path.dirname(self.path)
        for _ in range(_LEVELS):
            relative = os.path.relpath(helper_stem, directory).split(os.sep)
            dotted = {".".join(relative), self.module_name}
            if all(part.isidentifier() for part in relative):
                imports = _import_pattern(dotted, function_name)
                if directory not in self._listings:
                    self._listings[directory] = _sibling_sources(directory)
                for caller in self._listings[directory]:
                    text = self._text(caller) if caller != self.path else None
                    if text and imports.search(text):
                        yield caller, dotted
            parent = os.path.dirname(directory)
            if parent == directory:
                return
            directory = parent

    def _text(self, path: str) -> bytes | None:
        if path not in self._texts:
            self._texts[path] = _read(path)
        return self._texts[path]

    def _modules(self, caller: str) -> list[nodes.Module]:
        if caller not in self._parsed:
            self._parsed[caller] = list(self._parse(caller))
        return self._parsed[caller]

    def _parse(self, caller: str) -> Iterator[nodes.Module]:
        text = (self._text(caller) or b"").decode("utf-8-sig", errors="replace")
        if caller.endswith(".ipynb"):
            try:
                units = [u for u in notebooks.parse(text).units if u.writefile is None]
            except notebooks.NotebookError:
                return
            sources = [u.source for u in units]
        else:
            sources = [text]
        # imported here: modules.py imports the analysis, which imports this module
        from v2lint.modules import build_module, module_name

        for source in sources:
            try:
                yield build_module(source, caller, module_name(caller)[0])
            except Exception:  # noqa: BLE001 - a caller that does not parse passes nothing
                continue


@contextlib.contextmanager
def importable(directory: str, first: bool = True) -> Iterator[None]:
    """Make a project directory importable while astroid resolves imports:
    first on ``sys.path`` (a script's own directory) or last (``sys.path.append``)."""
    if directory in sys.path:
        yield
        return
    sys.path.insert(0 if first else len(sys.path), directory)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(directory)


def _import_pattern(dotted: set[str], function_name: str) -> re.Pattern[bytes]:
    """Text that can import the function from one of ``dotted``: ``from m import
    (..., f``, ``import m`` or ``from package import m`` (a cheap test before parsing)."""
    def names_in(what: str) -> str:  # the import list of a ``from ... import``, parenthesised ones included
        return rf"\s+import\s[^;#]{{0,400}}?\b{re.escape(what)}\b"

    forms = []
    for name in sorted(dotted):
        forms.append(rf"from\s+{re.escape(name)}{names_in(function_name)}")
        forms.append(rf"import\s+(?:[\w.]+(?:\s+as\s+\w+)?\s*,\s*)*{re.escape(name)}\b")
        if "." in name:
            package, module = name.rsplit(".", 1)
            forms.append(rf"from\s+{re.escape(package)}{names_in(module)}")
    return re.compile("|".join(forms).encode())


def _sibling_sources(directory: str) -> list[str]:
    try:
        with os.scandir(directory) as entries:
            found = sorted(
                entry.path for entry in entries
                if entry.name.endswith((".py", ".ipynb")) and entry.is_file(follow_symlinks=False)
            )
    except OSError:
        return []
    return found if len(found) <= _MAX_FILES_PER_DIRECTORY else []


def _read(path: str) -> bytes | None:
    """A regular file of at most _MAX_BYTES (never a FIFO or device, without blocking), else None."""
    from v2lint import safe_io

    try:
        return safe_io.read_bytes(path, _MAX_BYTES)
    except OSError:
        return None


def _calls_through_import(module: nodes.Module, dotted: set[str], function_name: str) -> Iterator[nodes.Call]:
    """``f(...)`` after ``from helper import f`` (aliases too) and ``helper.f(...)``
    after ``import helper`` / ``from scripts import helper``, where ``helper`` is
    one of ``dotted``. Matched through the caller's own imports, not by name."""
    direct: dict[str, nodes.NodeNG] = {}  # local name bound to the function -> its import
    through: dict[str, nodes.NodeNG] = {}  # local name bound to the helper module -> its import
    for node in module.nodes_of_class((nodes.Import, nodes.ImportFrom)):
        if isinstance(node, nodes.ImportFrom):
            if node.level:
                continue
            for name, alias in node.names:
                if node.modname in dotted and name == function_name:
                    direct[alias or name] = node
                elif f"{node.modname}.{name}" in dotted:
                    through[alias or name] = node
        else:
            for name, alias in node.names:
                if name in dotted and (alias or "." not in name):
                    through[alias or name] = node
    if not direct and not through:
        return
    for call in module.nodes_of_class(nodes.Call):
        func = call.func
        if isinstance(func, nodes.Name) and _bound_by(func, direct):
            yield call
        elif isinstance(func, nodes.Attribute) and func.attrname == function_name and _bound_by(func.expr, through):
            yield call


def _bound_by(name: nodes.NodeNG, imports: dict[str, nodes.NodeNG]) -> bool:
    """``name`` is a name that one of ``imports`` binds where it is used."""
    return isinstance(name, nodes.Name) and name.name in imports and imports[name.name] in bindings(name)


# os.path functions a sys.path entry is built with, and what they do to a path
_PATH_FUNCTIONS = {
    "join": os.path.join, "dirname": os.path.dirname, "abspath": os.path.abspath,
    "realpath": os.path.abspath, "normpath": os.path.normpath,
}


def added_import_paths(module: nodes.Module) -> list[tuple[str, bool]]:
    """(directory, put first) for each existing directory that ``module`` adds
    with ``sys.path.append(p)`` or ``sys.path.insert(0, p)``, ``p`` built from
    literals, ``__file__`` and ``os.path``/``pathlib`` calls; relative paths are
    taken from the file's directory (where a script or notebook normally runs)."""
    if not module.file:
        return []
    here = os.path.dirname(os.path.abspath(module.file))
    found = []
    for call in nodes_of(module, nodes.Call):
        func = call.func
        if not (isinstance(func, nodes.Attribute) and func.attrname in ("append", "insert")
                and func.expr.as_string() == "sys.path" and call.args):
            continue
        path = _static_path(call.args[-1], module.file, 0)
        if path is not None:
            path = os.path.normpath(os.path.join(here, path))
            entry = (path, func.attrname == "insert")
            if os.path.isdir(path) and entry not in found:
                found.append(entry)
    return found


def _static_path(expr: nodes.NodeNG, file: str, depth: int) -> str | None:
    """The value of a path expression made of literals, ``__file__``, ``os.path``
    and ``pathlib.Path`` operations and names bound once to such an expression."""
    if depth > 8:
        return None
    def value(node):
        return _static_path(node, file, depth + 1)

    if isinstance(expr, nodes.Const) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, nodes.Name):
        if expr.name == "__file__":
            return file
        found = bindings(expr)
        if len(found) == 1 and isinstance(found[0], nodes.AssignName) and isinstance(found[0].parent, nodes.Assign):
            return value(found[0].parent.value)
        return None
    if isinstance(expr, nodes.BinOp) and expr.op == "/":  # pathlib: base / "lib"
        left, right = value(expr.left), value(expr.right)
        return os.path.join(left, right) if left is not None and right is not None else None
    if isinstance(expr, nodes.Attribute) and expr.attrname in ("pardir", "curdir") and expr.expr.as_string() in ("os", "os.path"):
        return os.pardir if expr.attrname == "pardir" else os.curdir
    if isinstance(expr, nodes.Attribute) and expr.attrname == "parent":
        inner = value(expr.expr)
        return os.path.dirname(inner) if inner is not None else None
    if not isinstance(expr, nodes.Call):
        return None
    func, args = expr.func, [value(a) for a in expr.args or ()]
    if any(a is None for a in args) or expr.keywords:
        return None
    name = func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)
    if isinstance(func, nodes.Attribute) and name in ("resolve", "absolute") and not args:  # Path(...).resolve()
        inner = value(func.expr)
        return os.path.abspath(inner) if inner is not None else None
    if name in ("Path", "PurePath", "str", "fspath") and len(args) == 1:
        return args[0]
    if name in _PATH_FUNCTIONS and args and (name == "join" or len(args) == 1):
        return _PATH_FUNCTIONS[name](*args)
    return None


def bindings(expr: nodes.NodeNG) -> tuple[nodes.NodeNG, ...]:
    """Where the name ``expr`` is bound, in its scope; () for anything else."""
    if not isinstance(expr, nodes.Name):
        return ()
    try:
        return tuple(expr.lookup(expr.name)[1])
    except Exception:  # noqa: BLE001 - astroid may fail on odd code
        return ()
