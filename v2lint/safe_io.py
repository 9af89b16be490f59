"""Reads and writes that an untrusted repository cannot turn against the machine.

* :func:`read_bytes` reads regular files only (a FIFO, a device, a socket is
  refused without blocking: the file is opened non-blocking and checked with
  ``fstat`` before any read) and at most ``limit`` bytes.
* :func:`write_text` never replaces what is not a regular file: a device, a
  FIFO or a terminal at the path (or behind a symlink) is written through (a
  FIFO without a reader is refused rather than waited for); a regular file is
  written to a temporary file beside it and renamed over it, so a failed or
  interrupted write leaves the old one. A symlink stays a symlink: its target
  is what gets written. Temporary files carry the writer's process id, so one
  left by a killed process is removed by the next write to the same directory.
* :func:`printable` makes a file name safe to print and valid UTF-8.
* :func:`confined` keeps a path that comes from a repository's own
  configuration inside that repository, symlinks resolved.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from typing import Iterable

# linted files (notebooks with embedded outputs can be large) and baselines
MAX_FILE_BYTES = 128 * 1024 * 1024
# pyproject.toml, .gitignore, .git/info/exclude
MAX_CONFIG_BYTES = 8 * 1024 * 1024

_TEMP_PREFIX = ".v2lint-"
_TEMP = re.compile(r"^\.v2lint-(\d+)-[^/]*\.tmp$")


_UNPRINTABLE = re.compile(r"[\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """A name that is safe to print and valid UTF-8 everywhere: undecodable
    bytes of a file name become ``\\xe9``, control characters (a newline that
    would forge a finding line, ANSI escapes, bidirectional overrides) and
    backslashes are escaped as in a Python string."""
    return _UNPRINTABLE.sub(_escape, text)


class UnsafePath(OSError):
    """A path v2lint refuses to read or write; the message says why."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def read_bytes(path: str, limit: int = MAX_FILE_BYTES, head: bool = False) -> bytes:
    """The content of the regular file at ``path``; ``UnsafePath`` for anything
    else or for more than ``limit`` bytes (with ``head``, its first ``limit``
    bytes instead). Other ``OSError``s pass through."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath(errno.EINVAL, f"is {_kind(info.st_mode)}, not a regular file", path)
        if info.st_size > limit and not head:
            raise UnsafePath(errno.EFBIG, f"is larger than {limit // (1024 * 1024)} MiB", path)
        chunks, size = [], 0
        while True:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if head and size >= limit:
                return b"".join(chunks)[:limit]
            if size > limit:  # grew while being read
                raise UnsafePath(errno.EFBIG, f"is larger than {limit // (1024 * 1024)} MiB", path)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_text(path: str, limit: int = MAX_FILE_BYTES, errors: str = "strict") -> str:
    return read_bytes(path, limit).decode("utf-8", errors=errors)


def confined(path: str, root: str, what: str) -> str:
    """``path`` if it resolves (symlinks followed) inside ``root``, else ``UnsafePath``."""
    resolved = os.path.realpath(path)
    boundary = os.path.realpath(root)
    if resolved != boundary and not resolved.startswith(boundary.rstrip(os.sep) + os.sep):
        raise UnsafePath(
            errno.EACCES,
            f"{what} {path!r} resolves to {resolved}, outside the repository {boundary}: "
            f"name it on the command line to use it",
            path,
        )
    return path


def _remove_orphans(directory: str) -> None:
    """Temporary files of v2lint processes that no longer exist (killed mid-write)."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        match = _TEMP.match(name)
        if not match or int(match.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(match.group(1)), 0)
            continue  # its writer still runs
        except ProcessLookupError:
            pass
        except (PermissionError, OverflowError, OSError):
            continue
        try:
            os.unlink(os.path.join(directory, name))
        except OSError:
            pass


def _write_through(path: str, pieces: list[str]) -> None:
    """Write to what is at ``path`` (a device, a FIFO with a reader, a terminal) without replacing it."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise UnsafePath(errno.ENXIO, "is a FIFO or socket nobody reads from", path) from None
        raise
    try:
        info = os.fstat(descriptor)
        if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):  # swapped meanwhile
            raise UnsafePath(errno.EAGAIN, "changed while being opened", path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        for piece in pieces:
            data = piece.encode("utf-8")
            while data:
                written = os.write(descriptor, data)
                data = data[written:]
    finally:
        os.close(descriptor)


def write_text(path: str, text: str | Iterable[str]) -> None:
    """Write ``text`` to ``path`` without ever replacing a non-regular file."""
    pieces = [text] if isinstance(text, str) else list(text)
    try:
        info = os.stat(path)  # through symlinks
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UnsafePath(errno.EISDIR, "is a directory", path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, pieces)
        return
    # a symlink stays: its target is written (a dangling one is created)
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    os.makedirs(directory, exist_ok=True)
    _remove_orphans(directory)
    handle, temporary = tempfile.mkstemp(prefix=f"{_TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(pieces)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chmod(temporary, stat.S_IMODE(info.st_mode) if info is not None else 0o644)
        except OSError:
            pass
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
