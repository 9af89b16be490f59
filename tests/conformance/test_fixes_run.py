"""Proof that fixed code runs: ``--fix --unsafe-fixes`` output executed against the real SDK v2.

Runs only where the SDK v2 of ``tools/requirements-sdk-v2.txt`` is importable (CI's v2
environment; ``V2LINT_EXPECT_SDK_V2=1`` makes its absence a failure). The fixed file is
run offline: the v1 SDK is made unimportable, ``azure.ai.ml.MLClient`` is a recorder and
``DefaultAzureCredential`` a stand-in, and the job it submits (``job._to_dict()``) is
compared with what the v1 code meant: the script and its ``python`` command, the code
directory, the compute, the environment's conda file and image, the experiment name.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import pytest

if os.environ.get("V2LINT_EXPECT_SDK_V2") != "1":
    pytest.importorskip("azure.ai.ml", reason="needs the SDK v2 of tools/requirements-sdk-v2.txt")

import azure.ai.ml  # noqa: E402
import azure.identity  # noqa: E402

from v2lint import fixing  # noqa: E402
from v2lint.catalogue import V1_DEFAULT_CPU_IMAGE  # noqa: E402

FIXES = Path(__file__).resolve().parents[1] / "fixes"


class _Returned:
    def __init__(self, job) -> None:
        self.name, self.studio_url, self.job = "job-1", "https://ml.azure.com/runs/job-1", job


class _Jobs:
    def __init__(self) -> None:
        self.submitted: list[tuple[object, str | None]] = []
        self.streamed: list[str] = []

    def create_or_update(self, job, *, experiment_name=None, **_):
        self.submitted.append((job, experiment_name))
        return _Returned(job)

    def stream(self, name: str) -> None:
        self.streamed.append(name)


class RecordingClient:
    """MLClient's surface the fixed scripts use; records instead of calling Azure."""

    made: list["RecordingClient"] = []

    def __init__(self, credential=None, subscription_id=None, resource_group_name=None, workspace_name=None, **_):
        self.jobs = _Jobs()
        RecordingClient.made.append(self)

    @classmethod
    def from_config(cls, credential=None, **_):
        return cls(credential)


@pytest.fixture
def offline(monkeypatch, tmp_path):
    for name in ("azureml", "azureml.core", "azureml.pipeline", "azureml.data", "azureml.train"):
        monkeypatch.setitem(sys.modules, name, None)  # the v1 SDK cannot be imported
    monkeypatch.setattr(azure.ai.ml, "MLClient", RecordingClient)
    monkeypatch.setattr(azure.identity, "DefaultAzureCredential", lambda **_: object())
    RecordingClient.made.clear()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run_fixed(example: Path, where: Path) -> str:
    fixed = fixing.fix_file(example.read_bytes(), str(example), example.name, unsafe=True)
    assert fixed is not None and "import azureml" not in fixed.text and "from azureml" not in fixed.text
    script = where / example.name
    script.write_text(fixed.text, encoding="utf-8")
    runpy.run_path(str(script), run_name="__main__")
    return fixed.text


def test_the_articles_script_run_submits_the_same_command_job(offline):
    (offline / "src").mkdir()
    (offline / "src" / "train.py").write_text("print('training')\n", encoding="utf-8")
    (offline / "pytorch-env.yml").write_text(
        "name: pytorch-env\ndependencies:\n  - python=3.10\n  - pip:\n    - torch\n", encoding="utf-8")
    _run_fixed(FIXES / "script_run_v1.py", offline)

    (client,) = RecordingClient.made
    (job, experiment_name), = client.jobs.submitted
    submitted = job._to_dict()
    assert experiment_name == "day1-experiment-train"
    assert submitted["type"] == "command"
    assert submitted["component"]["command"] == "python train.py"  # v1 ran `python <script>`
    assert Path(submitted["component"]["code"]) == offline / "src"
    assert submitted["compute"] == "azureml:cpu-cluster"
    environment = submitted["environment"]
    assert environment["image"] == V1_DEFAULT_CPU_IMAGE  # v1 built the conda environment on its default image
    assert environment["conda_file"]["dependencies"][1] == {"pip": ["torch"]}
    assert client.jobs.streamed == ["job-1"]  # run.wait_for_completion(show_output=True)
