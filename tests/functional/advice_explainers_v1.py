"""A training script that fits an AutoML model's surrogate explainer and pickles
a scoring explainer built on it for the web service; the engineered-feature
explanation is also uploaded to the run."""
import joblib

from azureml.core.run import Run  # [azureml-import]
from azureml.interpret import ExplanationClient  # [azureml-import]
from azureml.interpret.mimic_wrapper import MimicWrapper  # [azureml-import]
from azureml.interpret.scoring.scoring_explainer import TreeScoringExplainer, save  # [azureml-import, azureml-import]

from explain_setup import fitted_model, setup

run = Run.get_context()  # [azureml-run-context]

wrapper = MimicWrapper(  # [azureml-sdk-member]
    run.experiment.workspace, fitted_model, explainable_model=setup.surrogate_model,  # [azureml-experiment]
    init_dataset=setup.X_transform, run=run, features=setup.engineered_feature_names,
)
explanation = wrapper.explain(["local", "global"], eval_dataset=setup.X_test_transform)  # [azureml-sdk-member]
ExplanationClient.from_run(run).upload_model_explanation(explanation, comment="engineered")  # [azureml-sdk-member]

scoring_explainer = TreeScoringExplainer(  # [azureml-sdk-member]
    wrapper.explainer, feature_maps=[setup.feature_map]  # [azureml-sdk-member]
)
save(scoring_explainer, exist_ok=True)  # [azureml-sdk-member]
joblib.dump(scoring_explainer, "outputs/scoring_explainer.pkl")
