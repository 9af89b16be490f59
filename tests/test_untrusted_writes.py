"""Issue 13.2 and 13.4: writes that cannot hurt, reads that cannot hang.

Through the installed ``v2lint`` command: ``-o`` and baselines never replace a
device, a FIFO or a symlink (they write through, or refuse with exit 2); a
baseline path that comes from the repository (its ``[tool.v2lint]`` or the
default name) stays inside it, symlinks resolved; a baseline or a file to lint
that is a FIFO or a device is refused at once; temporary files do not outlive
their writer; ``-j`` workers end with their parent.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import V2LINT, empty_repo, run_v2lint
from v2lint import safe_io

pytestmark = pytest.mark.slow
V1 = "import azureml.core\nfrom azureml.core import Workspace\nws = Workspace.from_config()\n"


run = run_v2lint


@pytest.fixture
def project(tmp_path):
    root = empty_repo(tmp_path)
    (root / "train.py").write_text(V1, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- -o and baselines
@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_output_to_a_device_writes_through(project):
    device = project / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    for args in (["check", ".", "-o", str(device)], ["baseline", ".", "-o", str(device)]):
        result = run(project, *args)
        assert result.returncode in (0, 1), result.stderr
        assert stat.S_ISCHR(os.lstat(device).st_mode), args  # still the device
    assert sorted(p.name for p in project.iterdir()) == [".git", "null", "train.py"]


def test_output_through_a_symlink_keeps_the_link(project, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    link = project / "out.json"
    link.symlink_to(target)
    result = run(project, "check", ".", "--format", "json", "-o", "out.json")
    assert result.returncode == 1, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))[0]["code"] == "AML001"
    # a symlink to the process's own standard output: written through to the pipe
    (project / "stdout").symlink_to("/proc/self/fd/1")
    result = run(project, "check", ".", "--format", "json", "-o", "stdout")
    assert (project / "stdout").is_symlink()
    assert json.loads(result.stdout)[0]["code"] == "AML001"


def test_output_to_a_fifo(project):
    fifo = project / "pipe"
    os.mkfifo(fifo)
    # nobody reads: refused at once, never waited for
    result = run(project, "check", ".", "-o", "pipe", timeout=60)
    assert result.returncode == 2 and "nobody reads" in result.stderr, result.stderr
    received: list[bytes] = []

    def reader():
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.2)
    result = run(project, "check", ".", "--format", "json", "-o", "pipe", timeout=60)
    thread.join(30)
    assert result.returncode == 1, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])[0]["code"] == "AML001"


def _configure(project: Path, baseline: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.v2lint]\nbaseline = "{baseline}"\n', encoding="utf-8")


@pytest.mark.parametrize("where", ["../outside.json", "ABSOLUTE", "link-out.json", "linkdir/base.json"])
def test_a_configured_baseline_stays_inside_the_repository(project, tmp_path, where):
    outside = tmp_path / "outside.json"
    outside.write_text("precious", encoding="utf-8")
    (project / "link-out.json").symlink_to(outside)
    (project / "linkdir").symlink_to(tmp_path)
    _configure(project, str(outside) if where == "ABSOLUTE" else where)
    for args in (["baseline", "."], ["check", "."]):
        result = run(project, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "outside the repository" in result.stderr
    assert outside.read_text(encoding="utf-8") == "precious"
    # named on the command line, the same file is the user's choice
    assert run(project, "baseline", ".", "-o", str(outside)).returncode == 0
    assert json.loads(outside.read_text(encoding="utf-8"))["findings"]
    assert run(project, "check", ".", "--baseline", str(outside)).returncode == 0


def test_the_default_baseline_name_may_not_point_outside(project, tmp_path):
    outside = tmp_path / "bashrc"
    outside.write_text("precious", encoding="utf-8")
    (project / ".v2lint-baseline.json").symlink_to(outside)
    result = run(project, "baseline", ".")
    assert result.returncode == 2 and "outside the repository" in result.stderr
    assert outside.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "huge"])
def test_a_baseline_that_is_not_a_small_regular_file_is_refused_at_once(project, kind):
    path = project / "base.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    elif kind == "directory":
        path.mkdir()
    else:
        with open(path, "wb") as handle:  # sparse: costs no disk
            handle.truncate(safe_io.MAX_FILE_BYTES + 1)
    started = time.monotonic()
    result = run(project, "check", ".", "--baseline", str(path), timeout=60)
    assert result.returncode == 2, result.stderr
    assert "cannot read baseline" in result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("document", [
    "[" * 100_000 + "]" * 100_000,
    '{"version": 1, "findings": [{"path": "a", "code": "AML101", "qname": "q", "line_sha256": "h", "count": '
    + "9" * 5000 + "}]}",
])
def test_hostile_baseline_documents_are_exit_2(project, document):
    (project / "base.json").write_text(document, encoding="utf-8")
    result = run(project, "check", ".", "--baseline", "base.json")
    assert result.returncode == 2 and "baseline" in result.stderr, result.stderr


# --------------------------------------------------------------------------- reads that cannot hang
def test_an_explicit_fifo_or_device_is_aml000(project):
    os.mkfifo(project / "pipe.py")
    result = run(project, "check", "pipe.py", "/dev/zero", "train.py", "--format", "json", "--no-baseline",
                 timeout=60)
    found = json.loads(result.stdout)
    # (paths are relative to the common directory of the arguments: /)
    reasons = {f["path"].rsplit("/", 1)[-1]: f["message"] for f in found if f["code"] == "AML000"}
    assert "FIFO" in reasons["pipe.py"] and "device" in reasons["zero"], reasons
    assert any(f["path"].endswith("train.py") and f["code"] == "AML101" for f in found)


def test_a_fifo_named_gitignore_or_pyproject_does_not_hang(project):
    os.mkfifo(project / ".gitignore")
    (project / "sub").mkdir()
    os.mkfifo(project / "sub" / ".gitignore")
    result = run(project, "check", ".", "--format", "json", timeout=60)
    assert result.returncode == 1, result.stderr
    os.mkfifo(project / "pyproject.toml")  # not a regular file: not a configuration
    result = run(project, "check", ".", "--format", "json", timeout=60)
    assert result.returncode == 1, result.stderr


# --------------------------------------------------------------------------- temporary files, signals, workers
def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(project):
    orphan = project / f".v2lint-{_dead_pid()}-abcd.tmp"
    orphan.write_text("half a baseline", encoding="utf-8")
    alive = project / f".v2lint-{os.getpid()}-abcd.tmp"  # a writer that still runs: left alone
    alive.write_text("being written", encoding="utf-8")
    assert run(project, "baseline", ".").returncode == 0
    assert not orphan.exists() and alive.exists()


def _many_files(project: Path, count: int) -> None:
    body = V1 + "".join(f"ws.get_details()\nrun{i} = ws.experiments\n" for i in range(40))
    for index in range(count):
        (project / f"m{index:04d}.py").write_text(body, encoding="utf-8")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_workers_end_with_their_parent(project):
    _many_files(project, 400)
    process = subprocess.Popen([V2LINT, "check", ".", "-j", "2", "--no-baseline", "-q"], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and process.poll() is None:
        workers = _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        for worker in workers:  # reap them if they were reparented to us (a subreaper)
            try:
                os.waitpid(worker, os.WNOHANG)
            except ChildProcessError:
                pass
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "zombie" not in Path(f"/proc/{w}/status").read_text()]
    assert alive == []


def test_sigterm_stops_the_run_cleanly(project):
    _many_files(project, 200)
    process = subprocess.Popen([V2LINT, "check", ".", "-j", "1", "--no-baseline", "-q", "-o", "report.txt"],
                               cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err
    assert not list(project.glob(".v2lint-*.tmp"))
