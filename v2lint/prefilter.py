"""Which files are worth analysing, decided from text alone (no astroid).

A file is analysed when it mentions ``azureml``, or when it imports a module of
its own project that does: ``from utils.aml import get_workspace`` then
``ws.datasets[...]`` uses SDK v1 without naming it. Only the modules a file
imports directly are read (beside it, or from its package root), a bounded
number of bytes each; the standard library is never looked at.
"""

from __future__ import annotations

import os
import re
import sys

_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+\(?([\w., \t]*)|import[ \t]+([\w., \t]+))", re.M)
_MAX_MODULES = 32
_MAX_BYTES = 1_000_000


def imports_v1_helper(source: str | bytes, path: str) -> bool:
    """Whether ``source`` (the file at ``path``) imports a project module whose text mentions azureml."""
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    if "import" not in source:
        return False
    directory = os.path.dirname(os.path.abspath(path))
    roots = [directory, package_root(directory)]
    checked = 0
    for candidate in _candidates(source, directory, roots):
        checked += 1
        if checked > _MAX_MODULES:
            return False
        if _mentions_azureml(candidate):
            return True
    return False


def _candidates(source: str, directory: str, roots: list[str]):
    seen = set()
    for dots, base, names, plain in _IMPORT.findall(source):
        modules = []
        if plain:
            modules = [(roots, name.split()[0]) for name in plain.split(",") if name.strip()]
        else:
            where = roots
            if dots:
                up = directory
                for _ in range(len(dots) - 1):
                    up = os.path.dirname(up)
                where = [up]
            elif base.split(".")[0] in sys.stdlib_module_names or base.startswith("azureml"):
                continue
            modules = [(where, base)] if base else []
            modules += [(where, f"{base}.{n.split()[0]}" if base else n.split()[0]) for n in names.split(",") if n.strip()]
        for where, dotted in modules:
            if not dotted or dotted.split(".")[0] in sys.stdlib_module_names:
                continue
            parts = dotted.split(".")
            for root in where:
                for candidate in (os.path.join(root, *parts) + ".py", os.path.join(root, *parts, "__init__.py")):
                    if candidate not in seen:
                        seen.add(candidate)
                        yield candidate


def package_root(directory: str) -> str:
    """The directory above the packages ``directory`` is in (itself when it is no package)."""
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        directory = os.path.dirname(directory)
    return directory


def _mentions_azureml(path: str) -> bool:
    from v2lint import safe_io

    try:  # a regular file only (never a FIFO or device, without blocking), its first _MAX_BYTES
        return b"azureml" in safe_io.read_bytes(path, _MAX_BYTES, head=True)
    except OSError:
        return False
