"""Which files ``v2lint check`` lints: the walk, .gitignore, config excludes.

* Directories never entered: ``.git`` and other VCS dirs, virtualenvs (any dir
  holding ``pyvenv.cfg``, and ``.venv``/``venv``), ``site-packages``,
  ``node_modules``, ``build``, ``dist``, ``__pycache__``, ``.tox``, ``.nox``,
  ``.eggs`` and ``.ipynb_checkpoints`` (Jupyter's autosaved copies).
* ``.gitignore`` files (and ``.git/info/exclude``) are honoured with git's
  common rules: ``#`` comments, ``!`` negation, ``dir/`` (directories only),
  ``/anchored`` and ``a/b`` patterns (relative to the .gitignore's directory),
  bare names matching at any depth, ``*``, ``?``, ``[...]`` and ``**``.
* ``exclude`` and ``extend-exclude`` globs of the settings (v2lint.settings)
  follow the same syntax, relative to the project root; each directory's
  entries are excluded by the settings that apply to that directory.
* Explicit file arguments are always linted.
* Symbolic links to directories are followed once: a directory already
  visited (by device and inode) is not entered again, so loops end.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", "site-packages", "node_modules", "build", "dist",
        "__pycache__", ".tox", ".nox", ".eggs", ".ipynb_checkpoints", ".mypy_cache", ".pytest_cache",
    }
)
PYTHON_SUFFIXES = (".py", ".ipynb")


def is_dependency_file(name: str) -> bool:
    """Files whose dependency pins are checked (AML901)."""
    lowered = name.lower()
    if lowered in ("pyproject.toml", "setup.cfg", "setup.py"):
        return True
    if lowered.startswith("requirements") and lowered.endswith((".txt", ".in")):
        return True
    if lowered.endswith((".yml", ".yaml")) and (lowered.startswith("environment") or lowered.startswith("conda")):
        return True
    return False


# --------------------------------------------------------------------------- gitignore
def _translate(pattern: str) -> str:
    """A gitignore glob (already stripped of !, / anchors) as a regex over a relative path."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "*":
            if pattern[i:i + 2] == "**":
                # "**/" = zero or more directories; "/**" at the end = everything inside
                if pattern[i:i + 3] == "**/":
                    out.append("(?:.*/)?")
                    i += 3
                    continue
                out.append(".*")
                i += 2
                continue
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1:i + 2] in ("!", "^", "]") else i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1:end]
                if body[:1] in ("!", "^"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        elif char == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class IgnoreRule:
    base: str  # directory the pattern is relative to (absolute, normalised)
    regex: re.Pattern
    negated: bool
    dir_only: bool
    anchored: bool
    text: str

    def matches(self, path: str, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        rel = os.path.relpath(path, self.base)
        if rel.startswith(".."):
            return False
        rel = rel.replace(os.sep, "/")
        if self.anchored:
            return bool(self.regex.fullmatch(rel))
        return bool(self.regex.fullmatch(rel.rsplit("/", 1)[-1]))


def parse_ignore_line(line: str, base: str) -> IgnoreRule | None:
    text = line.rstrip("\n").rstrip("\r")
    # trailing spaces are ignored unless escaped
    stripped = text.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(text):
        stripped += " "
    text = stripped
    if not text or text.startswith("#"):
        return None
    negated = text.startswith("!")
    if negated:
        text = text[1:]
    elif text.startswith("\\!") or text.startswith("\\#"):
        text = text[1:]
    dir_only = text.endswith("/")
    text = text.rstrip("/")
    if not text:
        return None
    anchored = "/" in text
    text = text.lstrip("/")
    if text.startswith("**/"):
        # "**/foo" matches foo at any depth: the same as an unanchored "foo"
        rest = text[3:]
        if "/" not in rest and "**" not in rest:
            anchored = False
            text = rest
    try:
        regex = re.compile(_translate(text), re.DOTALL)
    except re.error:  # [z-a], [!], [^]: git accepts them and they match nothing
        regex = _NEVER
    return IgnoreRule(base, regex, negated, dir_only, anchored, line.strip())


_NEVER = re.compile(r"(?!)")


def read_ignore_file(path: str, base: str) -> list[IgnoreRule]:
    from v2lint import safe_io

    try:  # a regular file of bounded size only: a FIFO or /dev/zero named .gitignore is skipped
        lines = safe_io.read_text(path, safe_io.MAX_CONFIG_BYTES, errors="replace").split("\n")
    except OSError:
        return []
    return [rule for rule in (parse_ignore_line(line, base) for line in lines) if rule is not None]


def ignored(rules: Iterable[IgnoreRule], path: str, is_dir: bool) -> bool:
    """Last matching rule wins, as in git."""
    result = False
    for rule in rules:
        if rule.matches(path, is_dir):
            result = not rule.negated
    return result


# --------------------------------------------------------------------------- the walk
def repo_root(start: str, project_root: str | None = None) -> str:
    """The git work tree holding ``start`` (a directory with .git); outside git (an
    unpacked sdist, a copy), ``project_root`` (the configuration's directory) when it
    holds ``start``; else ``start``. Paths of JSON, SARIF and baselines are relative to it."""
    directory = os.path.abspath(start)
    if os.path.isfile(directory):
        directory = os.path.dirname(directory)
    probe = directory
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    if project_root and (directory + os.sep).startswith(os.path.abspath(project_root).rstrip(os.sep) + os.sep):
        return os.path.abspath(project_root)
    return directory


def _ignore_rules_above(directory: str, root: str) -> list[IgnoreRule]:
    """.gitignore rules of the directories from the repo root down to ``directory`` (exclusive)."""
    rules: list[IgnoreRule] = []
    chain = []
    probe = os.path.abspath(directory)
    root = os.path.abspath(root)
    while True:
        chain.append(probe)
        if probe == root:
            break
        parent = os.path.dirname(probe)
        if parent == probe or not (probe + os.sep).startswith(root + os.sep):
            break
        probe = parent
    for path in reversed(chain[1:]):
        rules.extend(read_ignore_file(os.path.join(path, ".gitignore"), path))
    return rules


def _is_venv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def walk(paths: list[str], exclude_for: Callable[[str], list[IgnoreRule]], root: str,
         dependency_files: bool = False, force_exclude: bool = False) -> Iterator[str]:
    """Absolute paths of the files to lint, each once; explicit files always, unless
    ``force_exclude`` (ruff's ``--force-exclude``: what pre-commit passes obeys ``exclude`` too).
    ``exclude_for(directory)``: the configured excludes for that directory's entries."""
    seen_files: set[str] = set()
    info_exclude = read_ignore_file(os.path.join(root, ".git", "info", "exclude"), root)
    for given in paths:
        path = os.path.abspath(given)
        if not os.path.isdir(path):
            if path not in seen_files and not (force_exclude and excluded(path, exclude_for)):
                seen_files.add(path)
                yield path
            continue
        inherited = info_exclude + _ignore_rules_above(path, root)
        visited: set[tuple[int, int]] = set()
        yield from _walk_dir(path, inherited, exclude_for, visited, seen_files, dependency_files)


def excluded(path: str, exclude_for: Callable[[str], list[IgnoreRule]]) -> bool:
    """Would the walk leave out ``path`` (a file)? It, or a directory above it, is excluded by the
    settings of its parent or is one of the directories never entered."""
    probe = os.path.abspath(path)
    is_dir = False
    while True:
        parent = os.path.dirname(probe)
        if parent == probe:
            return False
        if is_dir and (os.path.basename(probe) in SKIP_DIRS or _is_venv(probe)):
            return True
        if ignored(exclude_for(parent), probe, is_dir):
            return True
        probe, is_dir = parent, True


def _walk_dir(
    directory: str,
    rules: list[IgnoreRule],
    exclude_for: Callable[[str], list[IgnoreRule]],
    visited: set[tuple[int, int]],
    seen_files: set[str],
    dependency_files: bool,
) -> Iterator[str]:
    try:
        stat = os.stat(directory)
    except OSError:
        return
    identity = (stat.st_dev, stat.st_ino)
    if identity in visited:
        return  # a symlink loop or a second link to a visited directory
    visited.add(identity)
    rules = rules + read_ignore_file(os.path.join(directory, ".gitignore"), directory)
    exclude = exclude_for(directory)
    try:
        with os.scandir(directory) as entries:
            listing = sorted(entries, key=lambda e: e.name)
    except FileNotFoundError:
        return  # vanished meanwhile
    except OSError:
        # unreadable: the engine reports it (AML000), the walk goes on
        if directory not in seen_files:
            seen_files.add(directory)
            yield directory
        return
    subdirs = []
    for entry in listing:
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = not is_dir and entry.is_file()
        except OSError:
            is_dir = is_file = False
        if not (is_dir or is_file):
            # a dangling link or a link loop named like a file to lint: reported (AML000), not skipped
            try:
                is_file = entry.is_symlink() and not os.path.exists(entry.path)
            except OSError:
                continue
        path = entry.path
        if is_dir:
            if entry.name in SKIP_DIRS or _is_venv(path):
                continue
            if ignored(rules, path, True) or ignored(exclude, path, True):
                continue
            subdirs.append(path)
        elif is_file:
            name = entry.name
            if not (name.endswith(PYTHON_SUFFIXES) or (dependency_files and is_dependency_file(name))):
                continue
            if ignored(rules, path, False) or ignored(exclude, path, False):
                continue
            if path not in seen_files:
                seen_files.add(path)
                yield path
    for subdir in subdirs:
        yield from _walk_dir(subdir, rules, exclude_for, visited, seen_files, dependency_files)
