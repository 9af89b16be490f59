"""Census of the ``Experiment.submit`` calls of a v1 corpus: what each submits, what its
``ScriptRunConfig`` uses, and which of those shapes the script-run fix does not take yet.

The counts of docs/fixes.md ("What the corpus submits"). For every ``.py`` file and every
notebook (its code cells read as one module, IPython magics blanked), each submit that v2lint
reports (AML202) is listed with the kind of configuration it submits and whether ``--fix
--unsafe-fixes`` rewrites it. The shape of a ``ScriptRunConfig`` is read from the syntax (the
keywords given, what a variable was last bound to): a rough census for choosing what to fix next,
not an analysis; v2lint's planner alone decides what is fixed.

    cd /tmp/corpus && python tools/survey_submits.py MachineLearningNotebooks azureml-examples [--list]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
from collections import Counter
from typing import Iterator

from v2lint.modules import analyse_source

# what the script-run fix takes whole (docs/fixes.md); every other shape is a blocker
_TAKEN_ENVIRONMENTS = ("Environment.from_conda_specification", "Environment.get")


def sources(roots: list[str]) -> Iterator[tuple[str, str, str]]:
    """(kind, path, Python text) of every .py file and notebook under ``roots``."""
    for root in roots:
        for directory, _, files in os.walk(root):
            for name in sorted(files):
                path = os.path.join(directory, name)
                if name.endswith(".py"):
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        yield "py", path, handle.read()
                elif name.endswith(".ipynb"):
                    text = _notebook_code(path)
                    if text is not None:
                        yield "notebook", path, text


def _notebook_code(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            cells = json.load(handle).get("cells", [])
    except (OSError, ValueError):
        return None
    code = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if source.lstrip().startswith("%%") and not source.lstrip().startswith("%%time"):
            continue  # %%writefile and other cell magics: not this module's code
        lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
        try:
            ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        code.append("\n".join(lines))
    return "\n".join(code)


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


class _Module:
    def __init__(self, tree: ast.Module):
        self.tree = tree
        self.bound: dict[str, ast.AST] = {}  # a name's last plain binding in the text
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.bound[node.targets[0].id] = node.value

    def value(self, node: ast.AST) -> ast.AST:
        for _ in range(5):
            if not (isinstance(node, ast.Name) and node.id in self.bound):
                break
            node = self.bound[node.id]
        return node

    def environment(self, config: dict[str, ast.AST]) -> str:
        environment = config.get("environment")
        if environment is None:
            for node in ast.walk(self.tree):
                if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute)
                        and node.targets[0].attr == "environment"):
                    environment = node.value
        if environment is None:
            return "none (v1's default image)"
        value = self.value(environment)
        return _dotted(value.func) if isinstance(value, ast.Call) else type(value).__name__

    def blockers(self, submit: ast.Call, config: ast.Call) -> list[str]:
        """The shapes of this script run that the fix does not take (a syntactic reading)."""
        keywords = {k.arg: k.value for k in config.keywords}
        found = []
        if config.args:
            found.append("positional ScriptRunConfig arguments")
        for name in keywords:
            if name in ("run_config", "docker_runtime_config", "command", "max_run_duration_seconds", "resume_from"):
                found.append(f"ScriptRunConfig({name}=...)")
        if "compute_target" not in keywords:
            found.append("no compute_target (a local run)")
        environment = self.environment(keywords)
        if not environment.endswith(_TAKEN_ENVIRONMENTS) and not environment.startswith("none"):
            found.append(f"environment: {environment}")
        text = ast.unparse(self.tree)
        for marker in ("environment_variables", "docker.base_dockerfile", "python.user_managed_dependencies",
                       "python.conda_dependencies", "CondaDependencies"):
            if marker in text:
                found.append(f"environment: {marker}")
        arguments = self.value(keywords["arguments"]) if "arguments" in keywords else None
        if isinstance(arguments, (ast.List, ast.Tuple)):
            for element in arguments.elts:
                element = self.value(element)
                if isinstance(element, ast.Constant):
                    continue
                shown = ast.unparse(element)
                if not shown.endswith((".as_mount()", ".as_download()")):
                    found.append("argument: " + ("a dataset consumption" if "as_named_input" in shown
                                                 or "as_" in shown else "a variable or expression"))
                    continue
                dataset = self.value(ast.parse(shown.split(".as_", 1)[0]).body[0].value)
                source = _dotted(dataset.func) if isinstance(dataset, ast.Call) else type(dataset).__name__
                if not source.endswith("File.from_files"):
                    found.append(f"dataset from {source}")
        elif arguments is not None:
            found.append("arguments: not a list")
        if not isinstance(submit.func.value, ast.Call) and self.uses(submit.func.value) > 1:
            found.append("experiment used elsewhere")
        return sorted(set(found))

    def uses(self, node: ast.AST) -> int:
        name = node.id if isinstance(node, ast.Name) else None
        return sum(1 for n in ast.walk(self.tree) if isinstance(n, ast.Name) and n.id == name
                   and isinstance(n.ctx, ast.Load))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("roots", nargs="+")
    parser.add_argument("--list", action="store_true", help="print every submit")
    args = parser.parse_args()
    kinds, fixed, blockers, only = Counter(), Counter(), Counter(), Counter()
    for kind, path, text in sources(args.roots):
        if ".submit(" not in text:
            continue
        try:
            tree = ast.parse(text)
            findings = [f for f in analyse_source(text, path) if f.code == "AML202"]
        except (SyntaxError, ValueError):
            continue
        module = _Module(tree)
        calls = {(n.lineno, n.col_offset): n for n in ast.walk(tree)
                 if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "submit"}
        for finding in findings:
            submit = calls.get((finding.line, finding.col))
            if submit is None or not submit.args:
                continue
            config = module.value(submit.args[0])
            submitted = _dotted(config.func).rsplit(".", 1)[-1] if isinstance(config, ast.Call) else "a variable"
            kinds[(submitted, kind)] += 1
            is_fixed = finding.fix is not None
            fixed[(submitted, kind)] += is_fixed
            found = module.blockers(submit, config) if submitted == "ScriptRunConfig" and not is_fixed else []
            for blocker in found:
                blockers[(blocker, kind)] += 1
            if len(found) == 1:
                only[(found[0], kind)] += 1
            if args.list:
                print(f"{path}:{finding.line}: {submitted} {'fixed' if is_fixed else found}")
    print("| submitted | .py | fixed | notebooks | fixed |\n|---|---|---|---|---|")
    for submitted in sorted({s for s, _ in kinds}, key=lambda s: -sum(kinds[(s, k)] for k in ("py", "notebook"))):
        print(f"| `{submitted}` | {kinds[(submitted, 'py')]} | {fixed[(submitted, 'py')]} "
              f"| {kinds[(submitted, 'notebook')]} | {fixed[(submitted, 'notebook')]} |")
    print("\n| what stops a `ScriptRunConfig` submit (unfixed ones) | .py | of them the only stop | notebooks | the only stop |")
    print("|---|---|---|---|---|")
    for blocker in sorted({b for b, _ in blockers}, key=lambda b: -sum(blockers[(b, k)] for k in ("py", "notebook"))):
        print(f"| {blocker} | {blockers[(blocker, 'py')]} | {only[(blocker, 'py')]} "
              f"| {blockers[(blocker, 'notebook')]} | {only[(blocker, 'notebook')]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
