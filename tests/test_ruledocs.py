"""The catalogue's rendering for rule pages, ``v2lint rules`` and SARIF (v2lint.ruledocs), and the
command that writes it into the marked regions of docs/rules/ (tools/rule_docs.py)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from v2lint import catalogue, formats, ruledocs
from v2lint.catalogue import RULES_BY_CODE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import rule_docs  # noqa: E402

WORKSPACE = RULES_BY_CODE["AML101"]
GET = "azureml.core.workspace.Workspace.get"
SECRETS = RULES_BY_CODE["AML803"]


def _page(rule) -> str:
    return (rule_docs.PAGES / ruledocs.page_name(rule)).read_text(encoding="utf-8")


def _prose(text: str) -> str:
    """``text`` without what is inside its generated regions."""
    return rule_docs.REGION.sub("<region>", text)


def test_target_text_is_the_advice_then_the_keyword_renames():
    assert ruledocs.target_text(WORKSPACE, GET) == WORKSPACE.targets[GET].text + (
        " (rename name -> workspace_name, resource_group -> resource_group_name, auth -> credential)")
    plain = "azureml.core.workspace.Workspace.list"
    assert ruledocs.target_text(WORKSPACE, plain) == WORKSPACE.targets[plain].text


def test_table_cells_keep_pipes_and_placeholders_visible():
    assert ruledocs.markdown_cell("a | b <name> -> c\nd") == "a \\| b &lt;name> -> c d"


def test_targets_table_has_one_row_per_target_and_says_instead_when_there_is_no_equivalent():
    table = ruledocs.targets_table(WORKSPACE).splitlines()
    assert table[0] == "| v1 name | v2 replacement |"
    assert len(table) == 2 + len(WORKSPACE.targets)
    assert f"| `{GET}` | {ruledocs.markdown_cell(ruledocs.target_text(WORKSPACE, GET))} |" in table
    assert ruledocs.targets_table(SECRETS).startswith("| v1 name | what to do instead |")


def test_a_catalogue_change_rewrites_only_the_generated_regions():
    text = _page(WORKSPACE)
    get = catalogue.use("`ml_client.workspaces.get(name)`", renames={"resource_group": "resource_group_name"})
    changed = dataclasses.replace(WORKSPACE, targets={**WORKSPACE.targets, GET: get}, summary="Workspaces.")
    new = rule_docs.filled(text, rule_docs.regions(changed))
    assert new != text
    assert f"| `{GET}` | `ml_client.workspaces.get(name)` (rename resource_group -> resource_group_name) |" in new
    assert "- **finds:** Workspaces.\n" in new
    assert _prose(new) == _prose(text)
    assert rule_docs.filled(new, rule_docs.regions(WORKSPACE)) == text


@pytest.mark.parametrize("edit, complaint", [
    (lambda text: rule_docs.REGION.sub(lambda m: "" if m["name"] == "targets" else m[0], text),
     "has the generated regions ['header', 'fixes'], needs one each of ['fixes', 'header', 'targets']"),
    (lambda text: text + text[text.index("<!-- begin generated: targets"):], "['header', 'targets', 'fixes', 'targets', 'fixes']"),
    (lambda text: text.replace("generated: targets", "generated: tagrets"), "['header', 'tagrets', 'fixes']"),
])
def test_a_page_whose_regions_do_not_fit_its_rule_is_an_error(edit, complaint):
    with pytest.raises(ValueError, match=complaint.replace("[", r"\[")):
        rule_docs.filled(edit(_page(WORKSPACE)), rule_docs.regions(WORKSPACE))


def test_a_rule_without_targets_has_no_targets_region():
    assert list(rule_docs.regions(RULES_BY_CODE["AML000"])) == ["header", "fixes"]


def test_check_names_the_stale_page_and_writes_nothing(tmp_path, monkeypatch, capsys):
    pages = tmp_path / "docs" / "rules"
    pages.mkdir(parents=True)
    for path in rule_docs.PAGES.glob("*.md"):
        (pages / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    page = pages / ruledocs.page_name(WORKSPACE)
    stale = page.read_text(encoding="utf-8").replace(f"| `{GET}` |", f"| `{GET}` | edited by hand |", 1)
    page.write_text(stale, encoding="utf-8")
    monkeypatch.setattr(rule_docs, "ROOT", tmp_path)
    monkeypatch.setattr(rule_docs, "PAGES", pages)
    assert rule_docs.main(["--check"]) == 1
    assert capsys.readouterr().out == f"docs/rules/{page.name} is stale: run python tools/rule_docs.py\n"
    assert page.read_text(encoding="utf-8") == stale
    assert rule_docs.main([]) == 0
    assert page.read_text(encoding="utf-8") == _page(WORKSPACE)
    assert rule_docs.main(["--check"]) == 0


def test_rules_prints_the_generated_rows_without_the_markers():
    done = subprocess.run([sys.executable, "-m", "v2lint.cli", "rules", "AML101"], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    assert f"| `{GET}` | {ruledocs.markdown_cell(ruledocs.target_text(WORKSPACE, GET))} |\n" in done.stdout
    assert done.stdout.startswith(ruledocs.header(WORKSPACE) + "\n## What it does\n")
    assert "<!--" not in done.stdout and "\n\n\n" not in done.stdout.split("```")[0]


def test_sarif_help_shows_the_targets_as_the_rule_page_does():
    sarif = formats.sarif_rule(WORKSPACE)
    assert ruledocs.targets_table(WORKSPACE) in sarif["help"]["markdown"]
    assert ruledocs.targets_table(WORKSPACE) in _page(WORKSPACE)
    assert f"- {GET}: {ruledocs.target_text(WORKSPACE, GET)}\n" in sarif["help"]["text"]


def test_the_renderer_does_not_load_astroid():
    code = "import sys, v2lint.ruledocs; sys.exit('astroid' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
