# The last step of a training pipeline: copy the trained model and register it in
# the workspace the job runs in, as Microsoft's pipeline samples' register_model.py do.
import argparse
import os
from shutil import copy2

from azureml.core import Model, Run

parser = argparse.ArgumentParser()
parser.add_argument("--saved-model", type=str, dest="saved_model", help="path to the trained model file")
args = parser.parse_args()

model_dir = "./model/"
os.makedirs(model_dir, exist_ok=True)
copy2(args.saved_model, model_dir)

run = Run.get_context()
ws = run.experiment.workspace
model = Model.register(workspace=ws, model_path=model_dir, model_name="mnist-classifier",
                       tags={"framework": "tensorflow"}, description="MNIST digits")
print("registered", model.name)
run.log("registered", 1)
