"""``--diff-against REV``: the lines changed since a git revision.

``git diff -U0 REV`` compares REV with the working tree, so uncommitted and
staged changes count; untracked (not ignored) files count as wholly new. A
changed notebook counts as wholly changed: its JSON lines are not its code
lines.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangesError(Exception):
    """git failed (not a repository, unknown revision): exit 2."""


@dataclass
class Changes:
    lines: dict[str, set[int]] = field(default_factory=dict)  # repo-relative path -> changed lines
    whole: set[str] = field(default_factory=set)  # new or notebook files: every line counts

    def touches(self, path: str, line: int, cell: int | None = None) -> bool:
        if path in self.whole:
            return True
        changed = self.lines.get(path)
        if changed is None:
            return False
        if path.endswith(".ipynb") or cell is not None:
            return True
        return line in changed

    def file_changed(self, path: str) -> bool:
        return path in self.whole or path in self.lines


def _unquote(path: str) -> str:
    if path.startswith('"') and path.endswith('"'):
        body = path[1:-1]
        raw = body.encode("latin-1", errors="backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1", errors="replace").decode("utf-8", errors="replace")
    return path


def _git(root: str, *args: str) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True, check=False,
        )
    except FileNotFoundError:
        raise ChangesError("--diff-against needs git, which is not installed") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ChangesError(f"git {' '.join(args[:2])} failed: {message[0] if message else completed.returncode}")
    return completed.stdout.decode("utf-8", errors="replace")


def parse_diff(diff: str) -> Changes:
    changes = Changes()
    current: str | None = None
    for line in diff.split("\n"):
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            target = _unquote(target)
            current = target[2:] if target.startswith("b/") else target
            changes.lines.setdefault(current, set())
            if current.endswith(".ipynb"):
                changes.whole.add(current)
            continue
        if current is None:
            continue
        match = _HUNK.match(line)
        if match:
            start = int(match.group(1))
            count = int(match.group(2)) if match.group(2) is not None else 1
            changes.lines[current].update(range(start, start + count))
    return changes


def changed_since(root: str, revision: str) -> Changes:
    """Lines changed between ``revision`` and the working tree of the repository at ``root``."""
    toplevel = _git(root, "rev-parse", "--show-toplevel").strip()
    _git(toplevel, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    diff = _git(
        toplevel, "diff", "-U0", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", revision, "--"
    )
    changes = parse_diff(diff)
    untracked = _git(toplevel, "ls-files", "--others", "--exclude-standard", "-z")
    for path in untracked.split("\0"):
        if path:
            changes.whole.add(path)
    return changes
