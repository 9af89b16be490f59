"""The baseline: today's findings, so that only new SDK v1 code fails a gate.

An entry's key is what survives unrelated edits: the repo-relative POSIX path,
the rule code, the qualified name, and the sha256 of the whitespace-stripped
source line (for notebooks, the cell's line). Line numbers are not part of it,
so moving code or adding lines elsewhere keeps findings matched; a count per
key catches a second identical use. AML000 (file not analysable) is keyed by
path and code only.

The file is sorted, indented JSON with a version field, written atomically
(:func:`v2lint.safe_io.write_text`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from v2lint import __version__, safe_io
from v2lint.results import Result

VERSION = 1

Key = tuple[str, str, str, str]  # path, code, qname, line_sha256


class BaselineError(Exception):
    """The baseline file is missing, corrupt or of an unknown version: exit 2."""


def line_hash(source_line: str) -> str:
    return hashlib.sha256("".join(source_line.split()).encode("utf-8")).hexdigest()


def key_of(result: Result) -> Key:
    if result.code == "AML000":
        return (result.path, result.code, "", "")
    return (result.path, result.code, result.qname, line_hash(result.source_line))


@dataclass
class Baseline:
    counts: Counter = field(default_factory=Counter)
    written: dict = field(default_factory=dict)  # key -> the symbol as written (for people reading the file)

    @classmethod
    def from_results(cls, results: list[Result]) -> "Baseline":
        baseline = cls()
        for result in results:
            key = key_of(result)
            baseline.counts[key] += 1
            baseline.written.setdefault(key, result.written if result.code != "AML000" else "")
        return baseline

    def paths(self) -> set[str]:
        return {key[0] for key in self.counts}

    # ------------------------------------------------------------------ io
    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            data = json.loads(safe_io.read_text(path))
        except FileNotFoundError:
            raise BaselineError(
                f"baseline {path} does not exist (create it with `v2lint baseline PATHS -o {path}`)"
            ) from None
        except safe_io.UnsafePath as error:
            raise BaselineError(f"cannot read baseline {path}: it {error.strerror}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise BaselineError(f"cannot read baseline {path}: {error}") from None
        except json.JSONDecodeError as error:
            raise BaselineError(f"baseline {path} is not valid JSON: {error}") from None
        except (ValueError, RecursionError) as error:  # a 5,000-digit number, nesting 100,000 deep
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            raise BaselineError(f"baseline {path} is not a v2lint baseline: {reason}") from None
        if not isinstance(data, dict):
            raise BaselineError(f"baseline {path} is not a v2lint baseline (expected a JSON object)")
        version = data.get("version")
        if version != VERSION:
            raise BaselineError(
                f"baseline {path} has version {version!r}; this v2lint ({__version__}) reads version {VERSION}"
            )
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f'baseline {path} has no "findings" list')
        baseline = cls()
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict):
                raise BaselineError(f"baseline {path}: entry {number} is not an object")
            try:
                key = (entry["path"], entry["code"], entry["qname"], entry["line_sha256"])
                count = entry.get("count", 1)
            except KeyError as missing:
                raise BaselineError(f"baseline {path}: entry {number} lacks {missing}") from None
            if not all(isinstance(part, str) for part in key):
                raise BaselineError(f"baseline {path}: entry {number} has a non-string path, code, qname or hash")
            if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                raise BaselineError(f"baseline {path}: entry {number} has an invalid count {count!r}")
            baseline.counts[key] += count
            written = entry.get("written")
            if isinstance(written, str):
                baseline.written.setdefault(key, written)
        return baseline

    def to_json(self) -> str:
        entries = []
        for key in sorted(self.counts):
            if self.counts[key] <= 0:
                continue
            path, code, qname, digest = key
            entries.append(
                {
                    "path": path,
                    "code": code,
                    "qname": qname,
                    "line_sha256": digest,
                    "count": self.counts[key],
                    "written": self.written.get(key, ""),
                }
            )
        document = {"version": VERSION, "tool": f"v2lint {__version__}", "findings": entries}
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self, path: str) -> None:
        safe_io.write_text(path, self.to_json())

    # ------------------------------------------------------------------ comparison
    def compare(self, results: list[Result], scope: Scope | set[str],
                everything: list[Result] | None = None) -> "Comparison":
        """Split results into known and new; count fixed (stale) entries inside
        ``scope``: those ``everything`` the run found (default: ``results``;
        with --diff-against, the findings before the diff filter) has fewer of."""
        scope = scope if isinstance(scope, Scope) else Scope(frozenset(scope))
        remaining = Counter(self.counts)
        new: list[Result] = []
        known: list[Result] = []
        # results arrive sorted by position: with several identical keys the
        # later ones are the new ones
        for result in results:
            key = key_of(result)
            if remaining[key] > 0:
                remaining[key] -= 1
                known.append(result)
            else:
                new.append(result)
        current = Counter(key_of(r) for r in (results if everything is None else everything))
        stale = Counter(
            {key: count - current[key] for key, count in self.counts.items() if scope(key) and count > current[key]}
        )
        return Comparison(new, known, stale)

    def pruned(self, results: list[Result], scope: Scope | set[str]) -> "Baseline":
        """Entries inside ``scope`` shrink to what this run still found; every
        other entry stays exactly as it was."""
        scope = scope if isinstance(scope, Scope) else Scope(frozenset(scope))
        current = Counter(key_of(r) for r in results)
        pruned = Baseline(written=dict(self.written))
        for key, count in self.counts.items():
            if scope(key):
                count = min(count, current[key])
            if count > 0:
                pruned.counts[key] = count
        return pruned


@dataclass(frozen=True)
class Scope:
    """Which baseline entries a run can tell are fixed.

    An entry is in scope only when its file was checked, its rule was
    selected for that file (--select/--ignore, per-file-ignores), the file could be analysed (a file that is AML000 today hides
    its other findings, which are not fixed), and, with ``--diff-against``, the
    file changed. Everything else is out of the run's sight: never counted as
    fixed, never pruned.
    """

    checked: frozenset[str]
    wanted: Callable[[str, str], bool] = lambda code, path: True  # (code, the entry's path)
    unanalysable: frozenset[str] = frozenset()
    changed: Callable[[str], bool] | None = None

    def __call__(self, key: Key) -> bool:
        path, code = key[0], key[1]
        if path not in self.checked or not self.wanted(code, path):
            return False
        if code != "AML000" and path in self.unanalysable:
            return False
        return self.changed is None or self.changed(path)


@dataclass
class Comparison:
    new: list[Result]
    known: list[Result]
    stale: Counter  # key -> how many fewer than the baseline has

    @property
    def stale_count(self) -> int:
        return sum(self.stale.values())
