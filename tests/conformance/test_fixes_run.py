"""Proof that fixed code runs: ``--fix --unsafe-fixes`` output executed against the real SDK v2.

Runs only where the SDK v2 of ``tools/requirements-sdk-v2.txt`` is importable (CI's v2
environment; ``V2LINT_EXPECT_SDK_V2=1`` makes its absence a failure). The fixed file is
run offline: the v1 SDK is made unimportable, ``azure.ai.ml.MLClient`` is a recorder and
``DefaultAzureCredential`` a stand-in, and the job it submits (``job._to_dict()``) is
compared with what the v1 code meant: the script and its ``python`` command, the code
directory, the compute, the environment's conda file and image, the experiment name. A
fixed job script runs against the real MLflow with a local tracking store, and what it
logged is read back and compared with what the v1 calls logged.
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
from v2lint.catalogue import V1_CONDA_CHANNELS, V1_CONDA_PYTHON, V1_DEFAULT_CPU_IMAGE  # noqa: E402

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


class _Poller:
    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


class _Compute:
    """No cluster exists: ``get`` raises as the service does, ``begin_create_or_update`` records."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.created: list[object] = []

    def get(self, name: str):
        from azure.core.exceptions import ResourceNotFoundError

        self.asked.append(name)
        raise ResourceNotFoundError(f"compute {name} not found")

    def begin_create_or_update(self, compute):
        self.created.append(compute)
        return _Poller(compute)


class _Models:
    def __init__(self) -> None:
        self.registered: list[object] = []

    def create_or_update(self, model):
        self.registered.append(model)
        return model


class _Environments:
    """One registered environment of each name, at version 3."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None, str | None]] = []

    def get(self, name: str, version=None, label=None):
        from azure.ai.ml.entities import Environment

        self.asked.append((name, version, label))
        return Environment(name=name, version="3", image="mcr.microsoft.com/azureml/registered:1")


class RecordingClient:
    """MLClient's surface the fixed scripts use; records instead of calling Azure."""

    made: list["RecordingClient"] = []

    def __init__(self, credential=None, subscription_id=None, resource_group_name=None, workspace_name=None, **_):
        self.jobs = _Jobs()
        self.compute = _Compute()
        self.models = _Models()
        self.credential, self.workspace = credential, (subscription_id, resource_group_name, workspace_name)
        self.environments = _Environments()
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


def _submitted_command_job(where: Path, example: str, code: str,
                           conda_file: str | None = None) -> tuple[RecordingClient, dict, str | None]:
    """Run the fixed ``example`` with a ``train.py`` in ``code`` (and a minimal ``conda_file``): the
    client, the one job it submitted (``job._to_dict()``) and its experiment name."""
    if conda_file is not None:
        (where / conda_file).write_text("name: env\ndependencies:\n  - python=3.10\n", encoding="utf-8")
    (where / code).mkdir()
    (where / code / "train.py").write_text("print('training')\n", encoding="utf-8")
    _run_fixed(FIXES / example, where)
    return _the_submitted_job()


def _the_submitted_job() -> tuple[RecordingClient, dict, str | None]:
    """The one client the fixed code made, the one job it submitted (``job._to_dict()``) and its experiment name."""
    (client,) = RecordingClient.made
    (job, experiment_name), = client.jobs.submitted
    return client, job._to_dict(), experiment_name


def test_the_articles_script_run_submits_the_same_command_job(offline):
    (offline / "src").mkdir()
    (offline / "src" / "train.py").write_text("print('training')\n", encoding="utf-8")
    (offline / "pytorch-env.yml").write_text(
        "name: pytorch-env\ndependencies:\n  - python=3.10\n  - pip:\n    - torch\n", encoding="utf-8")
    _run_fixed(FIXES / "script_run_v1.py", offline)

    client, submitted, experiment_name = _the_submitted_job()
    assert experiment_name == "day1-experiment-train"
    assert submitted["type"] == "command"
    assert submitted["component"]["command"] == "python train.py"  # v1 ran `python <script>`
    assert Path(submitted["component"]["code"]) == offline / "src"
    assert submitted["compute"] == "azureml:cpu-cluster"
    environment = submitted["environment"]
    assert environment["image"] == V1_DEFAULT_CPU_IMAGE  # v1 built the conda environment on its default image
    assert environment["conda_file"]["dependencies"][1] == {"pip": ["torch"]}
    assert client.jobs.streamed == ["job-1"]  # run.wait_for_completion(show_output=True)


def test_the_articles_pipeline_submits_the_same_three_node_pipeline_job(offline):
    for step in ("prep", "train", "score"):
        (offline / "src" / step).mkdir(parents=True)
        (offline / "src" / step / f"{step}.py").write_text("print('step')\n", encoding="utf-8")
    _run_fixed(FIXES / "pipeline_article_v1.py", offline)

    (client,) = RecordingClient.made
    assert client.compute.asked == ["cpu-cluster"]  # the try block looks the cluster up first
    (cluster,) = client.compute.created  # and, not found, creates it as v1's provisioning_configuration said
    assert (cluster.name, cluster.type, cluster.size, cluster.min_instances, cluster.max_instances) == (
        "cpu-cluster", "amlcompute", "STANDARD_D2_V2", 0, 4)
    (job, experiment_name), = client.jobs.submitted
    assert experiment_name == "pipeline-article"
    submitted = job._to_dict()
    assert submitted["type"] == "pipeline"
    assert submitted["settings"]["default_compute"] == "azureml:cpu-cluster"
    raw_data = submitted["inputs"]["raw_data"]
    assert raw_data["type"] == "uri_file"
    # _to_dict writes a pipeline input's path through the asset-reference field ("azureml:" + the URL)
    url = "https://azuremlexamples.blob.core.windows.net/datasets/iris.csv"
    assert raw_data["path"].removeprefix("azureml:") == url
    nodes = submitted["jobs"]
    assert sorted(nodes) == ["prep", "score", "train"]
    expected = {
        "prep": ("python prep.py --raw_data ${{inputs.raw_data}} --prep_data ${{outputs.prepared_data}}",
                 {"raw_data": ("uri_file", "ro_mount")}, ["prepared_data"]),
        "train": ("python train.py --training_data ${{inputs.training_data}} --model_output ${{outputs.model_output}}",
                  {"training_data": ("uri_folder", "ro_mount")}, ["model_output"]),
        "score": ("python score.py --model_input ${{inputs.model_input}} --test_data ${{inputs.test_data}}"
                  " --score_output ${{outputs.score_output}}",
                  {"model_input": ("uri_folder", "ro_mount"), "test_data": ("uri_folder", "ro_mount")},
                  ["score_output"]),
    }
    for name, (command, inputs, outputs) in expected.items():
        component = nodes[name]["component"]
        assert component["command"] == command, name
        assert Path(component["code"]) == offline / "src" / name
        assert component["environment"]["image"] == V1_DEFAULT_CPU_IMAGE  # the steps had no runconfig
        assert {key: (value["type"], value["mode"]) for key, value in component["inputs"].items()} == inputs
        assert sorted(component["outputs"]) == outputs
        assert all(value["type"] == "uri_folder" for value in component["outputs"].values())
        assert nodes[name].get("compute") is None  # the pipeline's default_compute
    # the data edges: each input bound to the pipeline's input or an earlier node's output
    assert nodes["prep"]["inputs"]["raw_data"]["path"] == "${{parent.inputs.raw_data}}"
    assert nodes["train"]["inputs"]["training_data"]["path"] == "${{parent.jobs.prep.outputs.prepared_data}}"
    assert nodes["score"]["inputs"]["model_input"]["path"] == "${{parent.jobs.train.outputs.model_output}}"
    assert nodes["score"]["inputs"]["test_data"]["path"] == "${{parent.jobs.prep.outputs.prepared_data}}"
    assert nodes["score"]["component"].get("is_deterministic") is False  # v1 allow_reuse=False
    assert nodes["prep"]["component"].get("is_deterministic", True) is True


def _stand_in_sklearn(monkeypatch) -> None:
    """The three sklearn names the logging example uses, deterministic: the test is about MLflow."""
    import types

    class Matrix(list):
        def tolist(self):
            return list(self)

    class LogisticRegression:
        def __init__(self, C, max_iter):  # noqa: N803 - sklearn's name
            self.c = C

        def fit(self, X, y):  # noqa: N803
            return self

        def score(self, X, y):  # noqa: N803
            return 0.9 + self.c / 100

        def predict(self, X):  # noqa: N803
            return [0, 1]

    modules = {
        "sklearn": {},
        "sklearn.datasets": {"load_iris": lambda return_X_y: ([[1.0], [2.0]], [0, 1])},
        "sklearn.linear_model": {"LogisticRegression": LogisticRegression},
        "sklearn.metrics": {"confusion_matrix": lambda y, predicted: Matrix([[1, 0], [0, 1]])},
    }
    for name, names in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(names)
        monkeypatch.setitem(sys.modules, name, module)


def test_the_fixed_table_and_chart_logging_keeps_every_value_in_mlflow(offline, monkeypatch):
    mlflow = pytest.importorskip("mlflow")
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")  # a local store for the test, no server
    monkeypatch.setenv("MLFLOW_TRACKING_URI", (offline / "mlruns").as_uri())
    _stand_in_sklearn(monkeypatch)
    fixed = _run_fixed(FIXES / "job_script_logging_v1.py", offline)
    assert "run." not in fixed
    run = mlflow.last_active_run()
    mlflow.end_run()
    client = mlflow.tracking.MlflowClient()

    def history(key):
        return [(m.step, m.value) for m in client.get_metric_history(run.info.run_id, key)]

    accuracies = [0.9 + c / 100 for c in (0.01, 0.1, 1.0)]
    # run.log_list("accuracies", values): each value at its index, as v1 drew the list
    assert history("accuracies") == list(enumerate(accuracies))
    # run.log_row("accuracy by C", C=c, accuracy=...): one metric per column, a value per row
    assert [value for _, value in history("accuracy by C.C")] == [0.01, 0.1, 1.0]
    assert [value for _, value in history("accuracy by C.accuracy")] == accuracies
    artifacts = run.info.artifact_uri
    # run.log_table("sweep", columns) and the chart logs: their values as <name>.json
    assert mlflow.artifacts.load_dict(f"{artifacts}/sweep.json") == {"C": [0.01, 0.1, 1.0], "accuracy": accuracies}
    confusion = mlflow.artifacts.load_dict(f"{artifacts}/confusion.json")
    assert confusion["data"]["matrix"] == [[1, 0], [0, 1]]  # JSON text logged as text, not as a JSON string
    assert mlflow.artifacts.load_dict(f"{artifacts}/predictions.json")["schema_type"] == "predictions"


def test_the_fixed_job_registers_the_model_in_the_workspace_it_runs_in(offline, monkeypatch):
    import azure.ai.ml.identity

    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    monkeypatch.setenv("MLFLOW_TRACKING_URI", (offline / "mlruns").as_uri())
    # what Azure ML sets in every job: the workspace it runs in
    for name, value in (("AZUREML_ARM_SUBSCRIPTION", "sub-1"), ("AZUREML_ARM_RESOURCEGROUP", "rg-1"),
                        ("AZUREML_ARM_WORKSPACE_NAME", "ws-1")):
        monkeypatch.setenv(name, value)
    on_behalf_of = object()
    monkeypatch.setattr(azure.ai.ml.identity, "AzureMLOnBehalfOfCredential", lambda: on_behalf_of)
    (offline / "trained.h5").write_text("weights", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["register.py", "--saved-model", str(offline / "trained.h5")])
    _run_fixed(FIXES / "job_script_register_v1.py", offline)
    import mlflow

    mlflow.end_run()

    (client,) = RecordingClient.made
    assert client.workspace == ("sub-1", "rg-1", "ws-1") and client.credential is on_behalf_of
    (model,) = client.models.registered
    assert (model.name, model.type, model.description) == ("mnist-classifier", "custom_model", "MNIST digits")
    assert model.tags == {"framework": "tensorflow"}
    assert Path(model.path) == offline / "model" and (offline / "model" / "trained.h5").exists()  # v1 uploaded it too


def test_a_script_run_of_variables_submits_the_same_command_job(offline):
    (offline / "environment.yml").write_text(
        "name: sklearn\ndependencies:\n  - python=3.10\n  - scikit-learn\n", encoding="utf-8")
    # the script finds its files beside itself (Path(__file__).parent), as the workflow samples do
    client, submitted, experiment_name = _submitted_command_job(offline, "script_run_variables_v1.py", "src")
    assert experiment_name == "sklearn-ridge-diabetes"
    assert submitted["component"]["command"] == "python train.py --alpha 0.5 --max-iter 100 --model-dir ./outputs/model"
    assert Path(submitted["component"]["code"]) == offline / "src"
    assert submitted["compute"] == "azureml:cpu-cluster"
    environment = submitted["environment"]
    assert environment["name"] == "sklearn-ridge"
    assert environment["image"] == V1_DEFAULT_CPU_IMAGE
    assert "scikit-learn" in environment["conda_file"]["dependencies"]
    assert not submitted.get("inputs")
    assert client.jobs.streamed == ["job-1"]


def test_a_script_run_on_a_created_cluster_with_datasets_submits_the_same_command_job(offline):
    client, submitted, experiment_name = _submitted_command_job(offline, "script_run_compute_dataset_v1.py", "scripts")
    assert client.compute.asked == ["gpu-cluster"]  # looked up first
    (cluster,) = client.compute.created  # then made as provisioning_configuration said
    assert (cluster.name, cluster.type, cluster.size, cluster.max_instances) == (
        "gpu-cluster", "amlcompute", "STANDARD_NC6", 4)
    assert experiment_name == "train-with-datasets"
    assert submitted["component"]["command"] == (
        "python train.py --images ${{inputs.images}} --labels ${{inputs.labels}} --epochs 10")
    assert Path(submitted["component"]["code"]) == offline / "scripts"
    assert submitted["compute"] == "azureml:gpu-cluster"  # the cluster by name
    assert submitted["environment"]["image"] == V1_DEFAULT_CPU_IMAGE
    # _to_dict writes an input's URL through the asset-reference field ("azureml:" + the URL)
    inputs = {name: (value["type"], value["path"].removeprefix("azureml:"), value["mode"])
              for name, value in submitted["inputs"].items()}
    assert inputs == {
        "images": ("uri_folder", "https://azureopendatastorage.blob.core.windows.net/mnist/images/", "ro_mount"),
        "labels": ("uri_file", "https://azureopendatastorage.blob.core.windows.net/mnist/labels.csv", "download"),
    }
    assert client.jobs.streamed == ["job-1"]


def test_a_distributed_script_run_on_a_gpu_image_submits_the_same_command_job(offline):
    client, submitted, experiment_name = _submitted_command_job(
        offline, "script_run_distributed_v1.py", "src", conda_file="environment.yml")
    assert experiment_name == "pytorch-cifar10-distributed"
    assert submitted["component"]["command"] == "python train.py --data-dir ${{inputs.cifar}} --epochs 25"
    assert submitted["compute"] == "azureml:gpu-V100-2"
    # the image v1's env.docker.base_image named, not v1's default
    assert submitted["environment"]["image"] == "mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.1-cudnn8-ubuntu20.04"
    assert submitted["environment"]["name"] == "pytorch-gpu"
    assert submitted["environment_variables"] == {"NCCL_DEBUG": "INFO"}  # v1 set them on the environment
    # v1: process_count=4 over node_count=2
    assert submitted["distribution"] == {"type": "pytorch", "process_count_per_instance": 2}
    assert submitted["resources"]["instance_count"] == 2
    (cifar,) = submitted["inputs"].values()
    assert (cifar["type"], cifar["mode"]) == ("uri_folder", "download")
    assert cifar["path"].removeprefix("azureml:") == "https://azuremlexamples.blob.core.windows.net/datasets/cifar10/"


def test_a_script_run_in_a_registered_environment_submits_the_same_command_job(offline):
    client, submitted, experiment_name = _submitted_command_job(offline, "script_run_registered_environment_v1.py", "tf-mnist")
    assert client.environments.asked == [("tensorflow-gpu-env", None, "latest")]  # v1 took the latest version
    assert experiment_name == "tf-mnist-multi-worker"
    assert submitted["component"]["command"] == "python train.py --epochs 10"
    # the registered environment the workspace gave back
    assert (submitted["environment"]["name"], submitted["environment"]["version"]) == ("tensorflow-gpu-env", "3")
    assert submitted["distribution"] == {"type": "tensorflow", "worker_count": 2, "parameter_server_count": 0}
    assert submitted["resources"]["instance_count"] == 2  # v1: node_count = worker_count
    assert client.jobs.streamed == ["job-1"]


def test_the_fixed_script_run_notebook_runs_its_cells_and_submits_the_same_command_job(offline):
    import json

    from v2lint.notebook_fixing import fix_notebook

    example = FIXES / "script_run_notebook_v1.ipynb"
    fixed = fix_notebook(example.read_bytes(), str(example), example.name, unsafe=True)
    # the code cells in order, as Jupyter runs them (IPython's %%time cell magic aside)
    cells = ["".join(cell["source"]) for cell in json.loads(fixed.text)["cells"] if cell["cell_type"] == "code"]
    code = "\n".join(line for cell in cells for line in cell.splitlines() if not line.startswith("%"))
    (offline / "train-on-amlcompute").mkdir()
    (offline / "train-on-amlcompute" / "train.py").write_text("print('training')\n", encoding="utf-8")
    (offline / "environment.yml").write_text("name: myenv\ndependencies:\n  - python=3.10\n", encoding="utf-8")
    (offline / "notebook.py").write_text(code + "\n", encoding="utf-8")
    runpy.run_path(str(offline / "notebook.py"), run_name="__main__")

    client, submitted, experiment_name = _the_submitted_job()
    assert client.compute.asked == ["cpu-cluster"]
    (cluster,) = client.compute.created
    assert (cluster.name, cluster.size, cluster.max_instances) == ("cpu-cluster", "STANDARD_D2_V2", 4)
    assert experiment_name == "train-on-amlcompute"
    assert submitted["component"]["command"] == "python train.py"
    assert Path(submitted["component"]["code"]) == offline / "train-on-amlcompute"
    assert submitted["compute"] == "azureml:cpu-cluster"
    assert (submitted["environment"]["name"], submitted["environment"]["image"]) == ("myenv", V1_DEFAULT_CPU_IMAGE)
    assert client.jobs.streamed == ["job-1"]


def test_a_script_run_on_a_registered_dataset_submits_the_same_command_job(offline):
    client, submitted, experiment_name = _submitted_command_job(
        offline, "script_run_registered_dataset_v1.py", "src", conda_file="conda_dependencies.yml")
    assert experiment_name == "train-on-registered-data"
    assert submitted["component"]["command"] == "python train.py --data-folder ${{inputs.mnist}} --regularization 0.5"
    assert submitted["compute"] == "azureml:cpu-cluster"
    # the registered asset's latest version, mounted as v1 mounted it
    assert submitted["inputs"] == {"mnist": {"type": "uri_folder", "path": "azureml:mnist-dataset@latest",
                                             "mode": "ro_mount"}}
    assert client.jobs.streamed == ["job-1"]


def test_a_script_run_in_a_pip_requirements_environment_submits_the_same_command_job(offline):
    (offline / "requirements.txt").write_text("lightgbm\npandas==2.2.2\n", encoding="utf-8")
    client, submitted, experiment_name = _submitted_command_job(offline, "script_run_pip_requirements_v1.py", "src")
    assert experiment_name == "lightgbm-iris"
    assert submitted["component"]["command"] == "python train.py --data ${{inputs.iris}} --num-boost-round 20"
    environment = submitted["environment"]
    assert (environment["name"], environment["image"]) == ("lightgbm-iris", V1_DEFAULT_CPU_IMAGE)
    # the conda environment v1 built around the requirements (its channels, Python and pip)
    assert environment["conda_file"] == {
        "channels": list(V1_CONDA_CHANNELS),
        "dependencies": [V1_CONDA_PYTHON, {"pip": ["lightgbm", "pandas==2.2.2"]}, "pip"],
    }
    (iris,) = submitted["inputs"].values()
    assert (iris["type"], iris["mode"]) == ("uri_file", "ro_mount")  # a single file, mounted
