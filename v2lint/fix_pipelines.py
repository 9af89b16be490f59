"""Fix family "Pipelines -> @pipeline": a v1 pipeline of PythonScriptSteps submitted
by an experiment becomes command components called in an ``@dsl.pipeline`` function,
submitted with ``ml_client.jobs.create_or_update``.

The shape recognised is Microsoft's pipeline migration article: ``ws =
Workspace.from_config()``; the compute as a name string or the ``try: ComputeTarget(...)
except ComputeTargetException: AmlCompute.provisioning_configuration(...) /
ComputeTarget.create(...) / wait_for_completion(...)`` block; ``Dataset.File.from_files``
inputs; ``OutputFileDatasetConfig`` outputs; PythonScriptSteps whose arguments are
literals, ``dataset.as_named_input(n).as_mount()`` (or ``.as_download()``), outputs
and ``output.as_input(n)``; ``Pipeline(workspace=ws, steps=[...])``;
``Experiment(ws, name).submit(pipeline)``. Anything else in or around it: no fix.
The compute block, the datasets the steps consume, the experiment and the workspace's
uses are the script-run fix's parts (``_ScriptRun`` in v2lint.fixes), shared.
"""

from __future__ import annotations

import json
import shlex

from astroid import nodes

from v2lint import catalogue
from v2lint.catalogue import Applicability
from v2lint.findings import Fix
from v2lint.fixes import _SUBMIT, FROM_FILES, ML_CLIENT, _NoFix, _ScriptRun
from v2lint.walk import nodes_of

PIPELINE = "azureml.pipeline.core.pipeline.Pipeline"
STEP = "azureml.pipeline.steps.python_script_step.PythonScriptStep"
OUTPUT = "azureml.data.output_dataset_config.OutputFileDatasetConfig"
FUNCTION = "build_pipeline"  # the @dsl.pipeline function the fix writes

# parameter order of PythonScriptStep (its signature in azureml-pipeline-steps)
_STEP_PARAMETERS = ("script_name", "name", "arguments", "compute_target", "runconfig", "runconfig_pipeline_params",
                    "inputs", "outputs", "params", "source_directory", "allow_reuse")


class PipelineRun(_ScriptRun):
    """One ``experiment.submit(pipeline)`` and the statements it depends on, checked whole."""

    def __init__(self, planner, submit, qnames):
        super().__init__(planner, submit, qnames)
        self.unsafe = ["review the components' environment (v1's default image) and the compute"]

    def fix(self) -> Fix:
        source = self.planner._source
        if self.planner.taken([ML_CLIENT, FUNCTION, "dsl", "Input", "Output", "command"]):
            raise _NoFix  # a name the fix introduces is taken
        submit = self.call_arguments(self.submit, ("config",))
        if "config" not in submit:
            raise _NoFix
        experiment_assign, experiment = self.experiment()

        pipeline_assign, pipeline_call = self.binding(submit["config"], PIPELINE)
        if [id(n) for n in self.uses(pipeline_assign)] != [id(submit["config"])]:
            raise _NoFix
        pipeline = self.call_arguments(pipeline_call, ("workspace", "steps"))
        if set(pipeline) != {"workspace", "steps"} or not isinstance(pipeline["steps"], (nodes.List, nodes.Tuple)):
            raise _NoFix
        self.workspace(pipeline["workspace"])

        self.outputs: dict[str, tuple[str, str | None]] = {}  # output variable -> (output name, producing node)
        self.datasets: dict[str, str] = {}  # dataset variable -> its Input's type
        compute, lines, node_names = None, [], set()
        for element in pipeline["steps"].elts:
            step_assign, step_call = self.binding(element, STEP)
            if [id(n) for n in self.uses(step_assign)] != [id(element)]:
                raise _NoFix
            node, call_text, step_compute = self.step(step_assign, step_call)
            if node in node_names or (compute is not None and step_compute != compute):
                raise _NoFix  # one compute for the whole pipeline: its default_compute
            node_names.add(node)
            compute = step_compute
            lines.append(f"    {node} = {step_assign.targets[0].name}({call_text})")
        if not lines or any(producer is None for _, producer in self.outputs.values()):
            raise _NoFix
        self.compute_used_whole()
        # every step, output and dataset of the file is one of this pipeline's: none is left in v1
        ours = {**{name: True for name in self.outputs}, **{name: True for name in self.datasets}}
        ours.update({element.name: True for element in pipeline["steps"].elts})
        for call in nodes_of(self.planner.module, nodes.Call):
            if self.qname(call) in (STEP, OUTPUT, FROM_FILES):
                assign = call.parent
                if not (isinstance(assign, nodes.Assign) and assign.value is call
                        and isinstance(assign.targets[0], nodes.AssignName) and assign.targets[0].name in ours):
                    raise _NoFix

        # the workspace serves the pipeline, and any other use of it has its own v2 form
        self.rewrite_workspace(experiment["workspace"], self.workspace_uses)
        parameters = ", ".join(self.datasets)
        target = pipeline_assign.targets[0].name
        indent = " " * pipeline_assign.col_offset  # the scope's indentation (a main() function's, say)
        self.edits.append(self.planner._replace(pipeline_assign, "\n".join(indent + line if line else line for line in [
            f"@dsl.pipeline(default_compute={compute})",
            f"def {FUNCTION}({parameters}):",
            *lines,
            "",
            "",
            f"{target} = {FUNCTION}({', '.join(f'{name}={name}' for name in self.datasets)})",
        ]).lstrip()))
        self.imports.append("from azure.ai.ml import dsl")
        self.write(_SUBMIT, {"config": source(submit["config"]), "experiment_name": source(experiment["name"])},
                   self.submit)
        if experiment_assign is not None:
            self.delete(experiment_assign)
        return Fix(
            "rewrite the pipeline as command components in an SDK v2 `@dsl.pipeline` job submitted with "
            f"`ml_client.jobs.create_or_update` ({'; '.join(dict.fromkeys(self.unsafe))})",
            Applicability.UNSAFE,
            tuple(self.edits + self.import_edits()),
        )

    # ------------------------------------------------------------------ steps
    def step(self, assign: nodes.Assign, call: nodes.Call) -> tuple[str, str, str]:
        """(node name, the component call's arguments, the compute's text) of one step, whose
        PythonScriptStep becomes ``command(...)``."""
        step = self.call_arguments(call, _STEP_PARAMETERS)
        if not {"name", "script_name", "source_directory", "compute_target"} <= set(step) or (
                set(step) - {"name", "script_name", "arguments", "source_directory", "compute_target", "allow_reuse"}):
            raise _NoFix  # a runconfig, inputs=, params=...: not carried over here
        name, script = step["name"], step["script_name"]
        if not (isinstance(name, nodes.Const) and isinstance(name.value, str) and name.value.isidentifier()):
            raise _NoFix
        if not (isinstance(script, nodes.Const) and isinstance(script.value, str)):
            raise _NoFix
        parts, inputs, outputs, wiring = ["python", shlex.quote(script.value)], [], [], []
        arguments = step.get("arguments")
        if arguments is not None and not isinstance(arguments, (nodes.List, nodes.Tuple)):
            raise _NoFix
        for element in arguments.elts if arguments is not None else ():
            if isinstance(element, nodes.Const) and isinstance(element.value, (str, int, float)) \
                    and not isinstance(element.value, bool):
                parts.append(shlex.quote(str(element.value)))
            elif isinstance(element, nodes.Name):  # an OutputFileDatasetConfig: an output of this node
                output = self.output(element)
                if self.outputs[element.name][1] is not None:
                    raise _NoFix  # written by two steps
                self.outputs[element.name] = (output, name.value)
                parts.append(f"${{{{outputs.{output}}}}}")
                outputs.append(f'"{output}": Output(type="uri_folder")')
            else:
                input_name, text, wire = self.input(element)
                parts.append(f"${{{{inputs.{input_name}}}}}")
                inputs.append(f'"{input_name}": {text}')
                wiring.append(f"{input_name}={wire}")
        arguments_text = [f"name={json.dumps(name.value)}", f"code={self.planner._source(step['source_directory'])}",
                          f"command={json.dumps(' '.join(parts))}"]
        if inputs:
            arguments_text.append("inputs={" + ", ".join(inputs) + "}")
        if outputs:
            arguments_text.append("outputs={" + ", ".join(outputs) + "}")
        self.imports.append("from azure.ai.ml.entities import Environment")
        arguments_text.append(f'environment=Environment(image="{catalogue.V1_DEFAULT_CPU_IMAGE}")')
        reuse = step.get("allow_reuse")
        if reuse is not None:
            if not (isinstance(reuse, nodes.Const) and isinstance(reuse.value, bool)):
                raise _NoFix
            if not reuse.value:
                arguments_text.append("is_deterministic=False")  # v1 allow_reuse=False: always rerun
        self.imports.extend(["from azure.ai.ml import command", "from azure.ai.ml import Input"] if inputs else
                            ["from azure.ai.ml import command"])
        if outputs:
            self.imports.append("from azure.ai.ml import Output")
        indent = " " * assign.col_offset  # an argument a line, as the v1 step was written
        self.edits.append(self.planner._replace(
            call, "command(\n" + "".join(f"{indent}    {text},\n" for text in arguments_text) + indent + ")"))
        return name.value, ", ".join(wiring), self.compute(step["compute_target"])

    def output(self, name: nodes.Name) -> str:
        """The output name of an ``OutputFileDatasetConfig`` variable (its statement goes)."""
        if name.name in self.outputs:
            return self.outputs[name.name][0]
        assign, call = self.binding(name, OUTPUT)
        output = self.call_arguments(call, ("name",))
        value = output.get("name")
        if value is None:
            text = name.name
        elif isinstance(value, nodes.Const) and isinstance(value.value, str) and value.value.isidentifier():
            text = value.value
        else:
            raise _NoFix
        for use in self.uses(assign):  # only in step arguments: as the output, or .as_input(...)
            if not isinstance(use.parent, (nodes.List, nodes.Tuple, nodes.Attribute)):
                raise _NoFix
        self.outputs[name.name] = (text, None)
        self.delete(assign)
        return text

    def input(self, element: nodes.NodeNG) -> tuple[str, str, str]:
        """(input name, its ``Input(...)`` in the component, what the pipeline binds it to)."""
        if not (isinstance(element, nodes.Call) and isinstance(element.func, nodes.Attribute)
                and not element.keywords):
            raise _NoFix
        method, receiver = element.func.attrname, element.func.expr
        if method == "as_input" and isinstance(receiver, nodes.Name) and len(element.args) == 1:
            input_name = self.literal_name(element.args[0])
            self.output(receiver)
            output, producer = self.outputs[receiver.name]
            if producer is None:
                raise _NoFix  # read before a step writes it
            return input_name, 'Input(type="uri_folder", mode="ro_mount")', f"{producer}.outputs.{output}"
        input_name, dataset, mode = self.consumed(element)
        kind = self.dataset(dataset)
        return input_name, f'Input(type="{kind}", mode="{mode}")', dataset.name
