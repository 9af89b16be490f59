# A job script that also reads a named input: that use has no fix, so the run
# object and its import stay while the logging calls move to MLflow.
from azureml.core import Run

run = Run.get_context()
frame = run.input_datasets["prepared"].to_pandas_dataframe()
run.log("rows", len(frame))
run.log("columns", frame.shape[1])  # noqa: AML802 - kept as it is
