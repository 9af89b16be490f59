"""Issue 13.3: ``--update-baseline`` prunes only what the run could see was fixed.

A property test draws a repository's findings, a baseline of them, random
edits (findings fixed, added, files that stop parsing) and a random scope
(files checked, --select/--ignore, files changed for --diff-against), runs
the comparison and the pruning the way ``v2lint check`` does, and checks
that no entry whose finding is still in the code is ever dropped or counted
as fixed, and that every entry outside the scope stays exactly as it was.
The regression tests run the installed ``v2lint`` command on a real project.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_v2lint
from v2lint.baseline import Baseline, Scope, key_of
from v2lint.settings import Layer, Selection
from v2lint.results import Result

PATHS = ("a.py", "b.py", "pkg/c.py", "nb.ipynb", "requirements.txt")
CODES = ("AML001", "AML101", "AML102", "AML202", "AML901")
LINES = ("ws = W()", "run.log('x', 1)", "import azureml.core", "exp.submit(cfg)")


def _result(path: str, code: str, source: str, line: int = 1) -> Result:
    qname = "" if code == "AML000" else f"q.{code}"
    return Result(path, None, line, 1, None, None, code, qname, "w", "advice", "message",
                  "" if code == "AML000" else source, line)


finding = st.tuples(st.sampled_from(PATHS), st.sampled_from(CODES), st.sampled_from(LINES))
prefixes = st.lists(st.sampled_from(("AML", "AML0", "AML1", "AML10", "AML101", "AML2", "AML9", "AML000")),
                    max_size=3)


@settings(max_examples=400, deadline=None)
@given(
    before=st.lists(finding, max_size=25),
    fixed=st.sets(st.integers(0, 24)),
    added=st.lists(finding, max_size=8),
    broken=st.sets(st.sampled_from(PATHS)),
    checked=st.sets(st.sampled_from(PATHS)),
    select=prefixes,
    ignore=prefixes,
    changed=st.none() | st.sets(st.sampled_from(PATHS)),
    per_file=st.sampled_from(("", "AML1", "AML001")),
)
def test_no_live_entry_is_ever_dropped(before, fixed, added, broken, checked, select, ignore, changed, per_file):
    baseline = Baseline.from_results([_result(*f, line=i) for i, f in enumerate(before)])
    original = baseline.to_json()
    # the code after the edits: what is really there
    truth = [f for i, f in enumerate(before) if i not in fixed] + added
    truth_counts = Counter(key_of(_result(*f)) for f in truth)
    # what the run sees: files that stop parsing show one AML000 and hide the rest
    seen = [_result(p, c, s, line=i) for i, (p, c, s) in enumerate(truth) if p not in broken]
    seen += [_result(p, "AML000", "") for p in sorted(broken)]
    # the run's rules: --select/--ignore, and a per-file ignore of one rule in a.py
    selection = Selection([Layer(tuple(select) or None, (), tuple(ignore))])

    def wanted(code: str, path: str) -> bool:
        return selection.wanted(code) and not (per_file and path == "a.py" and code.startswith(per_file))

    results = sorted((r for r in seen if r.path in checked and wanted(r.code, r.path)), key=lambda r: r.sort_key)
    unanalysable = frozenset(r.path for r in seen if r.code == "AML000" and r.path in checked)
    scope = Scope(frozenset(checked), wanted, unanalysable, None if changed is None else changed.__contains__)

    comparison = baseline.compare(results, scope)
    pruned = baseline.pruned(results, scope)

    assert baseline.to_json() == original  # the loaded baseline itself is not touched
    for key, count in baseline.counts.items():
        live = truth_counts[key]
        if live:  # still in the code: never fewer than the code has
            assert pruned.counts[key] >= min(count, live), key
            assert comparison.stale[key] <= max(0, count - live), key
        if not scope(key):  # outside what the run saw: exactly as it was
            assert pruned.counts[key] == count, key
            assert key not in comparison.stale, key
        else:  # inside: what the run found, no more than before
            assert pruned.counts[key] == min(count, Counter(map(key_of, results))[key]), key
    assert set(pruned.counts) <= set(baseline.counts)
    # the stale report and the pruning agree
    assert comparison.stale_count == sum(baseline.counts.values()) - sum(pruned.counts.values())


# --------------------------------------------------------------------------- through the command
V1 = "import azureml.core\nfrom azureml.core import Workspace\nws = Workspace.from_config()\n"


_v2lint = run_v2lint


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.py").write_text(V1 + "ws.get_details()\n", encoding="utf-8")
    (tmp_path / "b.py").write_text(V1, encoding="utf-8")
    result = _v2lint(tmp_path, "baseline", ".", "-o", "base.json")
    assert result.returncode == 0, result.stderr
    return tmp_path


def _entries(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


@pytest.mark.slow
def test_update_with_select_or_ignore_keeps_the_other_rules(project):
    base = project / "base.json"
    recorded = base.read_bytes()
    for scope in (["--select", "AML101"], ["--ignore", "AML001"], ["--select", "AML0"],
                  ["--per-file-ignores", "a.py:AML1"]):
        result = _v2lint(project, "check", ".", "--baseline", "base.json", "--update-baseline", *scope)
        assert result.returncode == 0, result.stderr
        assert "fixed since the baseline" not in result.stderr, scope
        assert base.read_bytes() == recorded, scope
    assert _v2lint(project, "check", ".", "--baseline", "base.json").returncode == 0


@pytest.mark.slow
def test_update_prunes_only_what_is_in_scope(project):
    base = project / "base.json"
    before = _entries(base)
    (project / "a.py").write_text(V1, encoding="utf-8")  # ws.get_details() fixed
    (project / "b.py").write_text(V1.replace("ws = Workspace.from_config()\n", ""), encoding="utf-8")
    # only a.py, only AML1: b.py's fix and every other rule are out of sight
    result = _v2lint(project, "check", "a.py", "--baseline", "base.json", "--update-baseline", "--select", "AML1")
    assert result.returncode == 0, result.stderr
    after = _entries(base)
    gone = [e for e in before if e not in after]
    assert [(e["path"], e["written"]) for e in gone] == [("a.py", "ws.get_details")]
    assert all(e in before for e in after)  # the others byte for byte (same serialisation)
    text = base.read_text(encoding="utf-8")
    for entry in after:
        assert json.dumps(entry, indent=2, sort_keys=True, ensure_ascii=False).replace("\n", "\n    ") in text


@pytest.mark.slow
def test_a_file_that_stops_parsing_keeps_its_entries(project):
    base = project / "base.json"
    recorded = base.read_bytes()
    (project / "b.py").write_text(V1 + "def broken(:\n", encoding="utf-8")
    result = _v2lint(project, "check", ".", "--baseline", "base.json", "--update-baseline")
    assert result.returncode == 1  # the AML000 is new
    assert "fixed since the baseline" not in result.stderr
    entries = _entries(base)
    assert [e for e in json.loads(recorded)["findings"] if e not in entries] == []
    (project / "b.py").write_text(V1, encoding="utf-8")  # repaired: nothing is new
    result = _v2lint(project, "check", ".", "--baseline", "base.json")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_update_with_diff_against_keeps_unchanged_files(project):
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    (project / ".git").rmdir()
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "a.py", "b.py"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=project, check=True)
    base = project / "base.json"
    before = _entries(base)
    (project / "a.py").write_text(V1 + "ws.get_details()\nx = 1\n", encoding="utf-8")  # changed, nothing fixed
    result = _v2lint(project, "check", ".", "--baseline", "base.json", "--update-baseline", "--diff-against", "HEAD")
    assert result.returncode == 0, result.stderr
    assert _entries(base) == before
    assert "fixed since the baseline" not in result.stderr
