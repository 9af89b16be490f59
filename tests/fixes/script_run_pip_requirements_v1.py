# Train a LightGBM model on a CSV file mounted into the job, in an environment made
# from a pip requirements file, the shape of the lightgbm workflow sample (v1).
from pathlib import Path

from azureml.core import Dataset, Environment, Experiment, ScriptRunConfig, Workspace

ws = Workspace.from_config()

prefix = Path(__file__).parent
requirements = str(prefix.joinpath("requirements.txt"))

env = Environment.from_pip_requirements("lightgbm-iris", requirements)

iris = Dataset.File.from_files("https://azuremlexamples.blob.core.windows.net/datasets/iris.csv")

src = ScriptRunConfig(
    source_directory=str(prefix.joinpath("src")),
    script="train.py",
    arguments=["--data", iris.as_mount(), "--num-boost-round", 20],
    environment=env,
    compute_target="cpu-cluster",
)

run = Experiment(ws, "lightgbm-iris").submit(src)
run.wait_for_completion(show_output=True)
