"""Helpers whose parameters are annotated with SDK v1 classes (typed v1 projects).

astroid infers a parameter as Uninferable outside a call; the annotation says
what it holds. Names still resolve through the imports: a local class called
Workspace, or the v2 MLClient, stays silent.
"""
from __future__ import annotations

import typing
from typing import Optional, Union

import azureml.core  # [azureml-import]
from azure.ai.ml import MLClient  # [mixed-azureml-sdks]
from azureml.core import Datastore, Experiment, Run, ScriptRunConfig, Workspace  # [azureml-import, azureml-import, azureml-import, azureml-import, azureml-import]
from azureml.core.compute import ComputeTarget as Target  # [azureml-import]


def default_store(ws: Workspace) -> Datastore:  # [azureml-workspace]
    return ws.get_default_datastore()  # [azureml-workspace]


def submit(experiment: Experiment, config: ScriptRunConfig, *, tags: dict | None = None) -> Run:  # [azureml-experiment]
    return experiment.submit(config, tags=tags)  # [azureml-experiment-submit]


def log_accuracy(run: Optional[Run], value: float) -> None:  # [azureml-run]
    if run is not None:
        run.log("accuracy", value)  # [azureml-run-logging]


def log_loss(run: Run | None, value: float) -> None:  # [azureml-run]
    run.log("loss", value)  # [azureml-run-logging]


def tag_either(target: Union[Run, Experiment], key: str) -> None:  # [azureml-run]
    target.tag(key)  # [azureml-run-context]


def wait_for(target: Target, /, minutes: int = 20) -> None:  # [azureml-compute]
    target.wait_for_completion(show_output=True, timeout_in_minutes=minutes)  # [azureml-compute]


def by_module_path(ws: azureml.core.Workspace) -> None:  # [azureml-workspace]
    ws.write_config()  # [azureml-workspace]


by_module_path(azureml.core.Workspace.from_config())  # [azureml-workspace]


def optional_by_module(run: typing.Optional[Run]) -> None:  # [azureml-run]
    run.complete()  # [azureml-run-context]


class Workspaces:
    """A local class: its methods are the project's own."""

    def get_default_datastore(self):
        return "local"


def local(ws: Workspaces, client: MLClient) -> None:
    ws.get_default_datastore()
    client.jobs.create_or_update(None)


def unannotated(ws, count: int) -> None:
    ws.get_default_datastore()  # nothing says what ws is: silent
    count.bit_length()
