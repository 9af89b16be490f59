"""Advice that follows what an object is for: a web service deployed locally
answers for a local endpoint, an AutoMLConfig that only carries hierarchical
forecasting settings for AutoMLPipelineBuilder for the many-models components,
and a published pipeline's id that feeds a schedule for a JobSchedule."""
from azureml.contrib.automl.pipeline.steps import AutoMLPipelineBuilder  # [azureml-import]
from azureml.core import Experiment, Workspace  # [azureml-import, azureml-import]
from azureml.core.model import Model  # [azureml-import]
from azureml.core.webservice import LocalWebservice  # [azureml-import]
from azureml.pipeline.core import PublishedPipeline  # [azureml-import]
from azureml.pipeline.core.schedule import Schedule, ScheduleRecurrence  # [azureml-import, azureml-import]
from azureml.train.automl.automlconfig import AutoMLConfig  # [azureml-import]
from azureml.train.automl.runtime._hts.hts_parameters import HTSTrainParameters  # [azureml-import]

ws = Workspace.from_config()  # [azureml-workspace]
model = Model(ws, "bidaf")  # [azureml-model]

local_config = LocalWebservice.deploy_configuration(port=6789)  # [azureml-webservice]
service = Model.deploy(ws, "bidaf-local", [model], None, local_config)  # [azureml-webservice]
service.wait_for_deployment(show_output=True)  # [azureml-webservice]
print(service.scoring_uri)  # [azureml-webservice]
service.delete()  # [azureml-webservice]

settings = AutoMLConfig(task="forecasting", label_column_name="quantity")  # [azureml-automl]
hts_parameters = HTSTrainParameters(automl_settings=settings, hierarchy_column_names=["state", "store"])  # [azureml-sdk-member]
steps = AutoMLPipelineBuilder.get_many_models_train_steps(  # [azureml-sdk-member]
    experiment=Experiment(ws, "hts"), train_pipeline_parameters=hts_parameters  # [azureml-experiment]
)

published = PublishedPipeline.get(ws, id="1234")  # [azureml-published-pipeline]
Schedule.create(  # [azureml-pipeline-schedule]
    ws,
    name="nightly",
    pipeline_id=published.id,  # [azureml-published-pipeline]
    experiment_name="nightly",
    recurrence=ScheduleRecurrence(frequency="Day", interval=1),  # [azureml-pipeline-schedule]
)
