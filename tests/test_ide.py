"""The IDE paths: VS Code's way of running pylint and flake8 in one process,
and a real language-server client (python-lsp-server) on unsaved buffers."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FUNCTIONAL, expected_findings

SCRIPT_RUN = FUNCTIONAL / "script_run_v1.py"


def _pylint_in_process(path: Path, source: str, monkeypatch, capsys) -> list[tuple[int, str]]:
    from pylint.lint import Run

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.encode())))
    Run(["--load-plugins=v2lint", "--disable=all", "--enable=v2lint", "--reports=n",
         "--output-format=json2", "--clear-cache-post-run=y", "--persistent=n", "--from-stdin", str(path)],
        exit=False)
    messages = json.loads(capsys.readouterr().out)["messages"]
    return sorted((m["line"], m["symbol"]) for m in messages)


def test_vscode_pylint_runs_repeat_identically(monkeypatch, capsys):
    """VS Code's Pylint extension: in-process, repeatedly, --clear-cache-post-run."""
    source = SCRIPT_RUN.read_text(encoding="utf-8")
    expected = sorted(expected_findings(SCRIPT_RUN).elements())
    runs = [_pylint_in_process(SCRIPT_RUN, source, monkeypatch, capsys) for _ in range(3)]
    assert runs == [expected] * 3


@pytest.mark.slow
def test_flake8_stdin_display_name_runs_repeat_identically():
    source = SCRIPT_RUN.read_text(encoding="utf-8")
    outputs = [
        subprocess.run([sys.executable, "-m", "flake8", "--select=AML", "--isolated",
                        f"--stdin-display-name={SCRIPT_RUN}", "-"],
                       input=source, capture_output=True, text=True, check=False).stdout
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == sum(expected_findings(SCRIPT_RUN).values())


# ---------------------------------------------------------------------- pylsp
class _LanguageServer:
    """Just enough of an LSP client: Content-Length framing over stdio."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pylsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, cwd=root,
        )
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False) -> None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
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

    def diagnostics(self, uri: str, version_marker: str, timeout: float = 60) -> list[dict]:
        """The first diagnostics for ``uri`` that include a message from ``version_marker``'s line."""
        deadline = time.monotonic() + timeout
        by_source: dict[str, list[dict]] = {}
        while time.monotonic() < deadline:
            message = self.receive()
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            if message["params"]["uri"] != uri:
                continue
            for diagnostic in message["params"]["diagnostics"]:
                by_source.setdefault(diagnostic.get("source", ""), []).append(diagnostic)
            if {"pylint", "flake8"} <= set(by_source) and version_marker in json.dumps(by_source):
                return [d for ds in by_source.values() for d in ds]
        raise TimeoutError(json.dumps(by_source)[:2000])

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pylint") is None and not os.environ.get("VIRTUAL_ENV"),
                    reason="pylsp's pylint plugin runs the pylint executable")
def test_pylsp_reports_findings_of_the_unsaved_buffer(tmp_path):
    on_disk = "from azureml.core import Workspace\n"
    path = tmp_path / "pipeline.py"
    path.write_text(on_disk)
    uri = path.as_uri()
    server = _LanguageServer(tmp_path)
    try:
        server.send("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}, request=True)
        server.send("initialized", {})
        pylint = str(Path(sys.executable).with_name("pylint"))
        server.send("workspace/didChangeConfiguration", {"settings": {"pylsp": {"plugins": {
            "pylint": {"enabled": True, "executable": pylint, "args": ["--load-plugins=v2lint", "--disable=all", "--enable=v2lint"]},
            "flake8": {"enabled": True, "select": ["AML"]},
            "pycodestyle": {"enabled": False}, "pyflakes": {"enabled": False}, "mccabe": {"enabled": False},
        }}}})
        buffer = on_disk + "ws = Workspace.from_config()\n"
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": buffer}})
        first = server.diagnostics(uri, "from_config")
        # the user types a new v1 call, unsaved
        buffer += "ws.get_default_datastore()\n"
        server.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                               "contentChanges": [{"text": buffer}]})
        second = server.diagnostics(uri, "get_default_datastore")
    finally:
        server.close()

    def lines(diagnostics, source):
        return sorted({d["range"]["start"]["line"] + 1 for d in diagnostics if d.get("source") == source})

    assert lines(first, "pylint") == [1, 2]
    assert lines(first, "flake8") == [1, 2]
    assert lines(second, "pylint") == [1, 2, 3]
    assert lines(second, "flake8") == [1, 2, 3]
    assert path.read_text() == on_disk  # nothing was saved to disk
