"""The pylsp plugin: its quick fixes are the --fix edits, its fix-all is --fix's text,
on an unsaved buffer (the file on disk says something else)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pylsp")

from pylsp import uris  # noqa: E402
from pylsp.config.config import Config  # noqa: E402
from pylsp.workspace import Workspace  # noqa: E402

from v2lint import fixing, pylsp_plugin  # noqa: E402
from v2lint.catalogue import Applicability  # noqa: E402
from v2lint.units import python_results  # noqa: E402

FIXES = Path(__file__).parent / "fixes"
JOB_SCRIPT = (FIXES / "job_script_v1.py").read_text(encoding="utf-8")
SMALL = 'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", 0.9)  # é𝔘\n'


class _Endpoint:
    def notify(self, *args, **kwargs):
        pass


@pytest.fixture
def open_buffer(tmp_path):
    """A pylsp document whose unsaved text differs from the file on disk."""
    def open_(text: str, name: str = "train.py"):
        path = tmp_path / name
        path.write_text("print('saved')\n", encoding="utf-8")
        workspace = Workspace(uris.from_fs_path(str(tmp_path)), _Endpoint())
        config = Config(workspace.root_uri, {}, 0, {})
        uri = uris.from_fs_path(str(path))
        workspace.put_document(uri, text)
        return config, workspace, workspace.get_document(uri)
    return open_


def apply_text_edits(text: str, edits: list[dict]) -> str:
    """An LSP client's way of applying TextEdits: UTF-16 positions, from the end."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(position: dict) -> int:
        line_start = starts[position["line"]]
        line = text[line_start:]
        units, index = 0, 0
        while units < position["character"]:
            units += len(line[index].encode("utf-16-le")) // 2
            index += 1
        return line_start + index

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def _quick_fixes(config, workspace, document):
    everything = {"start": {"line": 0, "character": 0}, "end": {"line": 10**6, "character": 0}}
    return [a for a in pylsp_plugin.pylsp_code_actions(config, workspace, document, everything, {"diagnostics": []})
            if a["kind"] == "quickfix"]


@pytest.mark.parametrize("source", [SMALL, JOB_SCRIPT, SMALL.replace("\n", "\r\n"), "\ufeff" + SMALL],
                         ids=["small", "job", "crlf", "bom"])
def test_each_quick_fix_is_the_cli_fix_of_its_finding(open_buffer, source):
    config, workspace, document = open_buffer(source)
    with_fixes = [r for r in python_results(source.encode(), document.path, document.path) if r.fix]
    actions = _quick_fixes(config, workspace, document)
    assert with_fixes and len(actions) == len(with_fixes)
    normalised = source.replace("\r\n", "\n").lstrip("\ufeff")  # the text the analysis (and --fix) edits
    for result, action in zip(with_fixes, actions):
        expected, applied = fixing.apply(normalised, [result.fix])  # what --fix does with this fix alone
        assert applied == [result.fix]
        edited = apply_text_edits(source, action["edit"]["changes"][document.uri])
        bom = "\ufeff" if source.startswith("\ufeff") else ""
        assert edited == bom + expected.replace("\n", "\r\n" if "\r\n" in source else "\n")
        assert action["diagnostics"][0]["code"] == result.code
        unsafe = result.fix.applicability is Applicability.UNSAFE
        assert action["title"] == result.fix.title + (" (unsafe)" if unsafe else "")
        assert action.get("isPreferred", False) is not unsafe


@pytest.mark.parametrize("name", ["job_script_v1", "script_run_v1", "control_plane_v1", "job_script_partial_v1"])
def test_fix_all_is_what_fix_writes(open_buffer, tmp_path, capsys, name):
    from v2lint import cli

    source = (FIXES / f"{name}.py").read_text(encoding="utf-8")
    # what `v2lint check --fix` writes for a copy of the buffer saved elsewhere
    saved = tmp_path / "cli" / f"{name}.py"
    saved.parent.mkdir()
    saved.write_text(source, encoding="utf-8")
    cli.main(["check", "--fix", str(saved)])
    capsys.readouterr()
    expected = saved.read_text(encoding="utf-8")
    assert expected == (FIXES / f"{name}.safe.fixed").read_text(encoding="utf-8")

    config, workspace, document = open_buffer(source)
    actions = pylsp_plugin.pylsp_code_actions(config, workspace, document, None, {"only": ["source.fixAll"]})
    if expected == source:  # no safe fix: no fix-all action
        assert actions == []
        return
    [action] = actions
    assert action["kind"] == "source.fixAll.v2lint"
    assert apply_text_edits(source, action["edit"]["changes"][document.uri]) == expected


def test_diagnostics_are_the_buffers_in_utf16_positions(open_buffer):
    config, workspace, document = open_buffer('x = "𝔘"; from azureml.core import Run\n')
    [diagnostic] = pylsp_plugin.pylsp_lint(config, workspace, document, False)
    assert diagnostic["source"] == "v2lint" and diagnostic["code"].startswith("AML")
    # 𝔘 is one code point, two UTF-16 units: `from` starts at character 10
    assert diagnostic["range"]["start"] == {"line": 0, "character": 10}
    assert Path(document.path).read_text() == "print('saved')\n"  # the buffer was read, not the disk


def test_v2_code_has_no_diagnostics_and_no_actions(open_buffer):
    v2 = "import mlflow\nfrom azure.ai.ml import MLClient\nmlflow.log_metric('a', 1)\n"
    config, workspace, document = open_buffer(v2)
    assert pylsp_plugin.pylsp_lint(config, workspace, document, False) == []
    assert pylsp_plugin.pylsp_code_actions(config, workspace, document, None, {}) == []


def test_a_syntax_error_does_not_crash(open_buffer):
    config, workspace, document = open_buffer("from azureml.core import Run\nrun = Run.get_context(\n")
    diagnostics = pylsp_plugin.pylsp_lint(config, workspace, document, False)
    assert [d["code"] for d in diagnostics] == ["AML000"]
    assert pylsp_plugin.pylsp_code_actions(config, workspace, document, None, {}) == []


# ---------------------------------------------------------------------- the real server
class _Server:
    """Just enough of an LSP client: Content-Length framing over stdio."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "pylsp"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root)
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False) -> int:
        import json

        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return self.next_id

    def receive(self) -> dict:
        import json

        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("pylsp exited")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def wait_for(self, match, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive()
            if match(message):
                return message
        raise TimeoutError

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.mark.slow
def test_real_pylsp_server_offers_the_fix_edits_for_an_unsaved_buffer(tmp_path):
    path = tmp_path / "train.py"
    path.write_text("print('saved')\n", encoding="utf-8")
    uri = path.as_uri()
    server = _Server(tmp_path)
    try:
        server.send("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}, request=True)
        server.wait_for(lambda m: m.get("id") == 1)
        server.send("initialized", {})
        server.send("workspace/didChangeConfiguration", {"settings": {"pylsp": {"plugins": {
            name: {"enabled": False} for name in ("pycodestyle", "pyflakes", "mccabe", "pylint", "flake8")}}}})
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                              "text": JOB_SCRIPT}})
        published = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and any(d.get("source") == "v2lint" for d in m["params"]["diagnostics"]))
        diagnostics = [d for d in published["params"]["diagnostics"] if d["source"] == "v2lint"]
        asked = server.send("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}},
            "context": {"diagnostics": diagnostics}}, request=True)
        actions = server.wait_for(lambda m: m.get("id") == asked)["result"]
    finally:
        server.close()

    assert path.read_text() == "print('saved')\n"  # nothing saved
    assert diagnostics and all(d["code"].startswith("AML") for d in diagnostics)
    fixes = [r.fix for r in python_results(JOB_SCRIPT.encode(), str(path), str(path)) if r.fix]
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == len(fixes)
    for fix, action in zip(fixes, quick):
        assert apply_text_edits(JOB_SCRIPT, action["edit"]["changes"][uri]) == fixing.apply(JOB_SCRIPT, [fix])[0]
    [fix_all] = [a for a in actions if a["kind"] == "source.fixAll.v2lint"]
    expected = (FIXES / "job_script_v1.safe.fixed").read_text(encoding="utf-8")
    assert apply_text_edits(JOB_SCRIPT, fix_all["edit"]["changes"][uri]) == expected
