"""Issue 13.6: every bad input named, nothing lost, a crash is not "findings".

Through the installed ``v2lint`` command (fresh processes): file names that
are not UTF-8 or hold control characters are escaped in text and valid in
JSON and SARIF, in ``-o`` files and baselines, whatever PYTHONIOENCODING says;
ignore patterns git accepts but ``re`` does not compile match nothing; UTF-16
and UTF-32 sources are one AML000 instead of a silent pass; a lone surrogate in
a notebook keeps the notebook's findings; dangling links, link loops and
directories that cannot be listed are AML000 while the run goes on; an
internal error exits 3 and says how to report it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import empty_repo, run_v2lint
from v2lint.safe_io import printable

pytestmark = pytest.mark.slow
V1 = "import azureml.core\nfrom azureml.core import Workspace\nws = Workspace.from_config()\n"
NAMES = {  # on disk (bytes) -> as printed
    b"caf\xe9.py": "caf\\xe9.py",
    b"new\nline.py": "new\\nline.py",
    b"esc\x1b[31mred.py": "esc\\x1b[31mred.py",
    b"tab\there.py": "tab\\there.py",
    b"bidi\xe2\x80\xaeyp.py": "bidi\\u202eyp.py",
}


def v2lint(project: Path, *args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Bytes out: the tests decode them strictly."""
    return run_v2lint(project, *args, env={**os.environ, **(env or {})}, text=False, **kwargs)


@pytest.fixture
def project(tmp_path):
    root = empty_repo(tmp_path)
    for name in NAMES:
        with open(os.path.join(os.fsencode(root), name), "wb") as handle:
            handle.write(V1.encode())
    return root


def test_printable():
    assert printable("caf\udce9/\x1b[0m\n\\ é ok") == "caf\\xe9/\\x1b[0m\\n\\\\ é ok"
    assert printable("plain/path.py") == "plain/path.py"


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_odd_file_names_in_every_output(project, encoding):
    env = {"PYTHONIOENCODING": encoding}
    text = v2lint(project, "check", ".", "--no-baseline", env=env)
    assert text.returncode == 1
    out = text.stdout.decode("utf-8")  # valid UTF-8
    assert "\x1b" not in out and "\u202e" not in out
    lines = out.splitlines()
    for printed in NAMES.values():
        # each name starts its own finding lines: a newline in a name forges nothing
        assert sum(line.startswith(printed + ":") for line in lines) == 3, (printed, out)
    finding_lines = [line for line in lines if ": AML" in line]
    assert len(finding_lines) == 3 * len(NAMES)
    for fmt in ("json", "sarif"):
        result = v2lint(project, "check", ".", "--no-baseline", "--format", fmt, env=env)
        document = json.loads(result.stdout.decode("utf-8"))
        assert result.returncode == 1
        if fmt == "json":
            assert {f["path"] for f in document} == set(NAMES.values())
        else:
            assert len(document["runs"][0]["results"]) == 3 * len(NAMES)
        written = v2lint(project, "check", ".", "--no-baseline", "--format", fmt, "-o", f"out.{fmt}", env=env)
        assert written.returncode == 1
        json.loads((project / f"out.{fmt}").read_bytes().decode("utf-8"))
    assert v2lint(project, "baseline", ".", "-o", "base.json", env=env).returncode == 0
    baseline = json.loads((project / "base.json").read_bytes().decode("utf-8"))
    assert {e["path"] for e in baseline["findings"]} == set(NAMES.values())
    assert v2lint(project, "check", ".", "--baseline", "base.json", env=env).returncode == 0


def test_ignore_patterns_that_re_cannot_compile(project):
    (project / ".gitignore").write_text("[z-a]\n[!]\n[^]\nnew*\n", encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.v2lint]\nexclude = ["[z-a]", "[!]", "[^]"]\n', encoding="utf-8")
    result = v2lint(project, "check", ".", "--no-baseline", "--format", "json")
    assert result.returncode == 1, result.stderr
    paths = {f["path"] for f in json.loads(result.stdout)}
    assert paths == set(NAMES.values()) - {"new\\nline.py"}  # the valid pattern still applies


def test_utf16_and_utf32_sources_are_not_a_silent_pass(tmp_path):
    (tmp_path / ".git").mkdir()
    for encoding in ("utf-16", "utf-32", "utf-16-le", "utf-32-be"):
        (tmp_path / f"{encoding}.py").write_bytes(V1.encode(encoding))
    (tmp_path / "utf-16-clean.py").write_bytes("x = 1\n".encode("utf-16"))  # no azureml: nothing to say
    result = v2lint(tmp_path, "check", ".", "--no-baseline", "--format", "json")
    found = {f["path"]: f["message"] for f in json.loads(result.stdout)}
    assert set(found) == {"utf-16.py", "utf-32.py", "utf-16-le.py", "utf-32-be.py"}
    assert "UTF-16 encoded" in found["utf-16.py"] and "UTF-32 encoded" in found["utf-32-be.py"]


def test_a_lone_surrogate_in_a_notebook_keeps_its_findings(tmp_path):
    (tmp_path / ".git").mkdir()
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None}
    notebook = {"cells": [dict(cell, source=["%pip install azureml-core \udcff\n"]), dict(cell, source=V1)],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "nb.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    result = v2lint(tmp_path, "check", ".", "--no-baseline", "--format", "json")
    codes = sorted(f["code"] for f in json.loads(result.stdout))
    assert codes == ["AML001", "AML001", "AML101", "AML901"], result.stdout


def _without_root_privileges() -> tuple[str, ...]:
    """Root reads every directory: drop the capabilities that let it (still uid 0)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a directory cannot be made unreadable")
    caps = "-dac_override,-dac_read_search"
    return (setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}")


def test_dangling_links_loops_and_unlistable_directories(tmp_path):
    base = empty_repo(tmp_path)
    (base / "good.py").write_text(V1, encoding="utf-8")
    (base / "dangling.py").symlink_to("nowhere.py")
    (base / "loop.py").symlink_to("loop.py")
    locked = base / "locked"
    locked.mkdir()
    (locked / "hidden.py").write_text(V1, encoding="utf-8")
    prefix = _without_root_privileges()
    os.chmod(locked, 0)
    for args in ([".", "--no-baseline"], ["dangling.py", "loop.py", "good.py", "--no-baseline"]):
        result = v2lint(base, "check", *args, "--format", "json", prefix=prefix)
        assert result.returncode == 1, result.stderr
        found = json.loads(result.stdout)
        reasons = {f["path"]: f["message"] for f in found if f["code"] == "AML000"}
        assert "does not exist" in reasons["dangling.py"] and "symbolic links" in reasons["loop.py"]
        if args[0] == ".":
            assert "cannot list the directory" in reasons["locked"], reasons
        assert any(f["path"] == "good.py" and f["code"] == "AML101" for f in found)
    os.chmod(locked, 0o755)


def test_an_internal_error_exits_3_and_says_how_to_report_it(project):
    crash = (
        "import sys\nfrom v2lint import cli\n"
        "def broken(*args, **kwargs):\n    raise TypeError('simulated bug')\n"
        "cli.lint_files = broken\nsys.exit(cli.main(sys.argv[1:]))\n"
    )
    result = subprocess.run([sys.executable, "-c", crash, "check", ".", "--no-baseline"], cwd=project,
                            capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 3
    assert "TypeError: simulated bug" in result.stderr and "please report it" in result.stderr
