"""Lint one file for the ``v2lint`` command: .py, .ipynb and dependency files.

The front of the command's flow: read the file safely, hand its bytes to the
unit of its kind (:mod:`v2lint.units`), sort what comes back. Everything here
runs in worker processes too, so it takes and returns plain picklable values.
Nothing raises: a file that cannot be analysed becomes an AML000 result with
the reason.
"""

from __future__ import annotations

import errno
import os

from v2lint.results import FileResult, display_path, internal_error, problem


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
        return FileResult(display, [problem(display, internal_error("", error))])


def _read(path: str, display: str) -> bytes | FileResult:
    """The file's bytes: a regular file only (a FIFO or a device given on the
    command line is refused without blocking), of a bounded size."""
    from v2lint import safe_io

    def unreadable(reason: str) -> FileResult:
        return FileResult(display, [problem(display, reason)])

    try:
        return safe_io.read_bytes(path)
    except safe_io.UnsafePath as error:
        if error.errno == errno.EISDIR or "directory" in (error.strerror or ""):
            return unreadable(_directory_reason(path))
        return unreadable(f"cannot read the file: it {error.strerror}")
    except FileNotFoundError:
        if os.path.islink(path):
            return unreadable("is a symbolic link to a file that does not exist")
        return unreadable("file vanished before it could be read")
    except IsADirectoryError:
        return unreadable(_directory_reason(path))
    except PermissionError:
        if os.path.isdir(path):
            return unreadable(_directory_reason(path))
        return unreadable("cannot read the file: permission denied")
    except OSError as error:
        return unreadable(f"cannot read the file: {error.strerror or error}")


def _directory_reason(path: str) -> str:
    """A directory reaches the engine only when it is given or cannot be listed."""
    try:
        if os.path.isdir(path):
            os.listdir(path)
    except OSError as error:
        return f"cannot list the directory: {(error.strerror or str(error)).lower()}; its files were not checked"
    return "is a directory, not a file"


def _lint_data(data: bytes, path: str, display: str) -> FileResult:
    from v2lint import discovery, units

    name = os.path.basename(path)
    result = FileResult(display)
    dependency_file = discovery.is_dependency_file(name)
    if dependency_file:
        result.results.extend(units.dependency_results(data, path, display))
    if path.endswith(".ipynb"):
        result.results.extend(units.notebook_results(data, path, display, result.notes))
    elif path.endswith(".py") or not dependency_file:
        result.results.extend(units.python_results(data, path, display))
    result.results.sort(key=lambda r: r.sort_key)
    return result
