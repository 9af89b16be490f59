"""Look-alike names that are not SDK v1 (the file mentions azureml, so it is analysed)."""
import os
from dataclasses import dataclass

from azure.ai.ml.entities import Environment, Model, Workspace

AZUREML_URI = "azureml://subscriptions/x/workspaces/y"


@dataclass
class Experiment:
    name: str

    def submit(self, config):
        return {"experiment": self.name, "config": config}


class Run:
    @staticmethod
    def get_context():
        return Run()

    def log(self, name, value):
        print(name, value)


run = Run.get_context()
run.log("accuracy", 0.9)
Experiment("local").submit({"script": "train.py"})
model = Model(path="./model", name="m")
env = Environment(image="mcr.microsoft.com/azureml/minimal-ubuntu20.04-py38-cpu-inference")
workspace = Workspace(name="ws")
os.environ["AZUREML_RUN_ID"] = "local"
