"""``--diff-against REV``: the lines changed since a git revision.

``git diff -U0 REV`` compares REV with the working tree, so uncommitted and
staged changes count; untracked (not ignored) files count as wholly new. A
notebook's JSON lines are not its code lines, so a changed notebook is
compared cell by cell: its code cells at REV and now are matched (unchanged
cells, moved or not, do not count; a cell edited in place counts in its
changed lines; a new cell counts whole). Execution counts, outputs and
metadata never count.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangesError(Exception):
    """git failed (not a repository, unknown revision): exit 2."""


@dataclass
class Changes:
    lines: dict[str, set[int]] = field(default_factory=dict)  # repo-relative path -> changed lines
    whole: set[str] = field(default_factory=set)  # new files: every line counts
    # notebooks: path -> {code cell number: its changed lines, or None for the whole cell}
    cells: dict[str, dict[int, set[int] | None]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # path -> its path at the revision

    def touches(self, path: str, line: int, cell: int | None = None) -> bool:
        if path in self.whole:
            return True
        if path in self.cells:
            changed_cell = self.cells[path].get(cell or 0, set())
            return changed_cell is None or line in changed_cell
        changed = self.lines.get(path)
        return changed is not None and line in changed

    def file_changed(self, path: str) -> bool:
        if path in self.cells:
            return bool(self.cells[path])
        return path in self.whole or path in self.lines


def _unquote(path: str) -> str:
    if path.startswith('"') and path.endswith('"'):
        body = path[1:-1]
        raw = body.encode("latin-1", errors="backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1", errors="replace").decode("utf-8", errors="replace")
    return path


def _git(root: str, *args: str, check: bool = True) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True, check=False,
        )
    except FileNotFoundError:
        raise ChangesError("--diff-against needs git, which is not installed") from None
    if completed.returncode != 0 and check:
        message = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ChangesError(f"git {' '.join(args[:2])} failed: {message[0] if message else completed.returncode}")
    return completed.stdout.decode("utf-8", errors="replace") if completed.returncode == 0 else ""


def _unknown_revision(toplevel: str, revision: str) -> ChangesError:
    message = f"--diff-against {revision}: no such revision in {toplevel}"
    if _git(toplevel, "rev-parse", "--is-shallow-repository", check=False).strip() == "true":
        message += (
            f". This is a shallow clone (CI checkouts fetch only the last commit by default), so {revision} "
            "may be there but not fetched: fetch the history first (git fetch --unshallow, or "
            "git fetch origin <branch>; GitHub Actions: actions/checkout with fetch-depth: 0; "
            "Azure Pipelines: checkout with fetchDepth: 0)"
        )
    else:
        message += " (a branch, tag or commit; remote branches as origin/main, after git fetch)"
    return ChangesError(message)


def parse_diff(diff: str) -> Changes:
    changes = Changes()
    current: str | None = None
    source: str | None = None
    for line in diff.split("\n"):
        if line.startswith("--- "):
            old = _unquote(line[4:].rstrip("\t"))
            source = None if old == "/dev/null" else (old[2:] if old.startswith("a/") else old)
            continue
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            target = _unquote(target)
            current = target[2:] if target.startswith("b/") else target
            changes.lines.setdefault(current, set())
            if source is not None and source != current:
                changes.renamed[current] = source
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
    toplevel = _git(root, "rev-parse", "--show-toplevel", check=False).strip()
    if not toplevel:
        raise ChangesError(f"--diff-against {revision}: {root} is not in a git repository")
    if not _git(toplevel, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", check=False):
        raise _unknown_revision(toplevel, revision)
    diff = _git(
        toplevel, "diff", "-U0", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", revision, "--"
    )
    changes = parse_diff(diff)
    for path in [p for p in changes.lines if p.endswith(".ipynb")]:
        del changes.lines[path]
        before = _git(toplevel, "show", f"{revision}:{changes.renamed.get(path, path)}", check=False)  # "": new
        try:
            with open(os.path.join(toplevel, path), encoding="utf-8-sig") as handle:
                now = handle.read()
        except (OSError, UnicodeDecodeError):
            changes.whole.add(path)
            continue
        changed = changed_cells(before, now)
        if changed is None:
            changes.whole.add(path)
        else:
            changes.cells[path] = changed
    untracked = _git(toplevel, "ls-files", "--others", "--exclude-standard", "-z")
    for path in untracked.split("\0"):
        if path:
            changes.whole.add(path)
    return changes


def changed_cells(before: str, now: str) -> dict[int, set[int] | None] | None:
    """Code cells of the notebook ``now`` whose source differs from ``before``: cell number ->
    changed lines (None: the whole cell). None when either side is not a readable notebook."""
    from v2lint import notebooks

    try:
        old, new = notebooks.parse(before).cells, notebooks.parse(now).cells
    except notebooks.NotebookError:
        return None
    old_cells, new_cells = [tuple(c) for c in old], [tuple(c) for c in new]
    blocks = [op for op in difflib.SequenceMatcher(None, old_cells, new_cells, autojunk=False).get_opcodes()
              if op[0] != "equal"]
    # a cell whose source is on both sides, outside the matched runs, was moved: unchanged
    moved = Counter(old_cells[i] for _, o1, o2, _, _ in blocks for i in range(o1, o2)) & \
        Counter(new_cells[j] for _, _, _, n1, n2 in blocks for j in range(n1, n2))
    moved_old, moved_new = Counter(moved), Counter(moved)
    changed: dict[int, set[int] | None] = {}
    for _, o1, o2, n1, n2 in blocks:
        old_left = [i for i in range(o1, o2) if not _take(moved_old, old_cells[i])]
        new_left = [j for j in range(n1, n2) if not _take(moved_new, new_cells[j])]
        if len(old_left) == len(new_left):  # cells edited in place: their changed lines
            changed.update({j + 1: _changed_lines(old[i], new[j]) for i, j in zip(old_left, new_left)})
        else:
            changed.update({j + 1: None for j in new_left})
    return changed


def _take(counter: Counter, key) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _changed_lines(old: list[str], new: list[str]) -> set[int]:
    lines: set[int] = set()
    for tag, _, _, start, end in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            lines.update(range(start + 1, end + 1))
    return lines
