"""Output people read, through the installed command: paths, concise, colour, statistics,
one rule's page, Azure Pipelines and GitHub's annotation limits."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
from pathlib import Path

import pytest

from test_cli_helpers import CONTROL, NOTEBOOK_CELLS, TRAIN, V2LINT, make_repo, notebook, v2lint
from v2lint.catalogue import RULES, RULES_BY_CODE
from v2lint.formats import rule_page

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE = PROJECT / "examples" / "v1-project"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo", {
        "src/train.py": TRAIN, "src/control.py": CONTROL, "notebooks/train.ipynb": notebook(*NOTEBOOK_CELLS),
    })


def test_paths_people_read_are_relative_to_the_current_directory(repo):
    done = v2lint(repo / "src", "check")
    assert done.returncode == 1
    assert "train.py:4:1: AML802" in done.stdout and "src/train.py" not in done.stdout
    done = v2lint(repo / "src", "check", "..", "--format", "concise")
    assert "\ntrain.py:4:1: AML802" in done.stdout and "../notebooks/train.ipynb:cell_2:1:6: AML101" in done.stdout
    github = v2lint(repo / "src", "check", "..", "--format", "github").stdout
    assert "::warning file=train.py,line=4,col=1" in github
    # for tools: JSON and SARIF keep the repository-relative path, wherever the command runs
    assert {f["path"] for f in json.loads(v2lint(repo / "src", "check", "--format", "json").stdout)} == {
        "src/train.py", "src/control.py"}
    sarif = json.loads(v2lint(repo / "src", "check", "--format", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"src/train.py", "src/control.py"}


def test_concise_is_one_line_per_finding_in_120_columns(repo):
    deep = "a-rather-long-directory-name/" * 2
    (repo / deep).mkdir(parents=True)
    (repo / deep / "job.py").write_text(
        "from azureml.core import Experiment, Workspace\n"
        "run = Experiment(Workspace.from_config(), 'an-experiment-with-a-long-name').submit(config=None)\n")
    full = json.loads(v2lint(repo, "check", "--format", "json").stdout)
    done = v2lint(repo, "check", "--format", "concise")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("Found ") and len(lines) - 1 == len(full)
    for line, finding in zip(lines, full):
        assert len(line) <= 120, line
        location = f"{finding['path']}:" + (f"cell_{finding['cell']}:" if finding["cell"] else "")
        assert line.startswith(f"{location}{finding['line']}:{finding['col']}: {finding['code']} "), line
        v1_name, _, v2 = line.split(f"{finding['code']} ", 1)[1].removeprefix("[*] ").partition(" -> ")
        assert v2, line
        # what is shown is the start of the advice (or all of it), and the end of the v1 name
        assert finding["advice"].startswith(v2.removesuffix("\u2026").removeprefix("no v2 equivalent: ")), line
        assert finding["written"].endswith(v1_name.removeprefix("\u2026")), line
    secret = next(line for line in lines if " AML803 " in line)
    assert " -> no v2 equivalent: " in secret
    assert any(line.endswith("\u2026") for line in lines)  # long advice is cut, and says so
    # a location too long for any room left: the line grows, the location and the code stay whole
    from test_cli_helpers import run_cli  # noqa: F401 - (the helpers module is shared)
    from v2lint.formats import concise_line
    from v2lint.results import Result

    long = Result("x/" * 60 + "job.py", None, 1, 1, None, None, "AML101", "q.n", "Workspace.from_config",
                  "azure.ai.ml.MLClient.from_config(credential=...)", "m", "", 1)
    assert concise_line(long).startswith("x/" * 60 + "job.py:1:1: AML101 ") and " -> " in concise_line(long)


def _on_a_terminal(cwd: Path, *args: str, env: dict | None = None) -> str:
    """stdout of the command when it is a terminal (a pseudo-terminal)."""
    pty = pytest.importorskip("pty")  # POSIX only
    master, slave = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    environment.update(env or {})
    process = subprocess.Popen([V2LINT, *args], cwd=cwd, stdout=slave, stderr=subprocess.DEVNULL, env=environment)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_colour_on_a_terminal_honouring_no_color_and_force_color(repo):
    plain = v2lint(repo, "check", "src").stdout
    assert "\x1b[" not in plain  # a pipe: no colour
    coloured = _on_a_terminal(repo, "check", "src")
    assert "\x1b[1;33mAML802\x1b[0m" in coloured and "\x1b[1;31mAML803\x1b[0m" in coloured
    assert _ANSI.sub("", coloured) == plain
    assert "\x1b[" not in _on_a_terminal(repo, "check", "src", env={"NO_COLOR": "1"})
    assert "\x1b[" not in _on_a_terminal(repo, "check", "src", env={"TERM": "dumb"})
    forced = v2lint(repo, "check", "src", env={"FORCE_COLOR": "1"}).stdout
    assert forced == coloured
    assert "\x1b[" not in v2lint(repo, "check", "src", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    # never in a file, nor in machine formats
    v2lint(repo, "check", "src", "-o", "out.txt", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in (repo / "out.txt").read_text()
    assert "\x1b[" not in v2lint(repo, "check", "--format", "github", env={"FORCE_COLOR": "1"}).stdout


def test_statistics_in_ruffs_layout(repo):
    findings = json.loads(v2lint(repo, "check", "--format", "json").stdout)
    done = v2lint(repo, "check", "--statistics")
    assert done.returncode == 1
    *rows, summary = done.stdout.splitlines()
    assert summary.startswith("Found ")
    parsed = [re.fullmatch(r"( *\d+)\t(AML\d{3})\t([a-z-]+)", row) for row in rows]
    assert all(parsed), rows
    assert len({len(m.group(1)) for m in parsed}) == 1  # counts right-aligned to one width
    counts = [(int(m.group(1)), m.group(2), m.group(3)) for m in parsed]
    assert counts == sorted(counts, key=lambda c: (-c[0], c[1]))
    assert sum(c[0] for c in counts) == len(findings)
    assert all(RULES_BY_CODE[code].symbol == name for _, code, name in counts)
    as_json = json.loads(v2lint(repo, "check", "--statistics", "--format", "json").stdout)
    assert [(s["count"], s["code"], s["name"]) for s in as_json] == counts
    done = v2lint(repo, "check", "--statistics", "--format", "sarif")
    assert done.returncode == 2 and "--statistics" in done.stderr


def test_rules_prints_one_rules_page(tmp_path):
    rule = RULES_BY_CODE["AML101"]
    page = rule_page(rule)  # docs/rules/AML101-azureml-workspace.md without its comments (tests/test_ruledocs.py)
    for name in ("AML101", "aml101", rule.symbol, rule.msgid):
        done = v2lint(tmp_path, "rules", name)
        assert done.returncode == 0 and done.stdout == page, name
    entry = json.loads(v2lint(tmp_path, "rules", "AML101", "--format", "json").stdout)
    assert entry["code"] == "AML101" and entry["explanation"] == page
    done = v2lint(tmp_path, "rules", "azureml-workspce")
    assert done.returncode == 2 and "did you mean 'azureml-workspace'" in done.stderr
    done = v2lint(tmp_path, "rules", "AML1010")
    assert done.returncode == 2 and "did you mean 'AML101'" in done.stderr


@pytest.mark.slow
def test_rules_page_from_a_non_editable_install(tmp_path):
    """The wheel carries the pages (setup.py copies docs/rules): `v2lint rules` works without the clone."""
    import sys
    import zipfile

    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(PROJECT)],
                           capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("v2lint-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert sorted(n for n in names if n.startswith("v2lint/rule_pages/")) == sorted(
        f"v2lint/rule_pages/{r.code}-{r.symbol}.md" for r in RULES)
    assert not (tmp_path / "site" / "docs").exists()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    done = subprocess.run([sys.executable, "-m", "v2lint.cli", "rules", "AML802"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.stdout == rule_page(RULES_BY_CODE["AML802"])  # as this clone's docs/rules has it


def test_azure_pipelines_logging_commands(repo):
    (repo / "src" / "odd;name].py").write_text(TRAIN)
    done = v2lint(repo / "src", "check", "--format", "azure")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    command = re.compile(r"##vso\[task\.logissue type=(error|warning);sourcepath=([^;\]]+);linenumber=(\d+);"
                         r"columnnumber=(\d+);code=(AML\d{3});\](.*)")
    issues = [command.fullmatch(line) for line in lines[:-1]]
    assert all(issues), lines
    by_code = {(m.group(5), m.group(3)): m for m in issues}
    secret = by_code[("AML803", "9")]
    assert secret.group(1) == "error" and secret.group(2) == str(repo / "src" / "control.py")
    assert secret.group(6).startswith("control.py:9:12: AML803 ")
    odd = [m for m in issues if m.group(6).startswith("odd;name].py:")]
    assert odd and odd[0].group(2) == str(repo / "src" / "odd%3Bname%5D.py")
    assert lines[-1].startswith("##vso[task.complete result=Failed;]Found ")
    done = v2lint(repo / "src", "check", "--format", "azure", "--exit-zero")
    assert done.returncode == 0 and "result=SucceededWithIssues;]" in done.stdout.splitlines()[-1]
    clean = make_repo(repo.parent / "clean", {"a.py": "import os\n"})
    assert v2lint(clean, "check", "--format", "azure").stdout.splitlines() == [
        "##vso[task.complete result=Succeeded;]Found 0 SDK v1 findings; 1 file checked."]


def test_github_says_when_findings_exceed_what_it_annotates(tmp_path):
    few = make_repo(tmp_path / "few", {"train.py": TRAIN})
    assert "::notice" not in v2lint(few, "check", "--format", "github").stdout
    many = make_repo(tmp_path / "many", {"train.py": TRAIN + 'run.log("a", 1)\n' * 11})
    lines = v2lint(many, "check", "--format", "github").stdout.splitlines()
    assert lines[0].startswith("::notice title=v2lint%3A more findings than annotations::v2lint found 14 findings")
    assert "at most 10 annotations of each level per step and 50 per job" in lines[0]
    assert len(lines) == 15
