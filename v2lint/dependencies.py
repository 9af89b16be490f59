"""SDK v1 packages pinned in dependency files (rule AML901, ``v1-dependency``).

Read, never executed: ``requirements*.txt``, ``pyproject.toml`` (``[project]``
dependencies and optional dependencies, PEP 735 ``[dependency-groups]``,
Poetry's dependency tables), ``setup.cfg`` (``install_requires``,
``extras_require``), ``setup.py`` (list literals given to ``install_requires``
/ ``extras_require``, parsed with :mod:`ast`), and conda ``environment*.yml`` /
``conda*.yml`` (conda and pip sections, with a small line-based reader, so
PyYAML is not needed).

v2-era packages (``azureml-mlflow``, ``azureml-fsspec``, ``mltable``, ...)
stay silent. The feature is off until the catalogue has rule AML901.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from v2lint.catalogue import DEPENDENCY, V2_ERA_PACKAGES, Advice
from v2lint.findings import HIGH, Finding

CODE = DEPENDENCY.code


_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")


def normalise(name: str) -> str:
    """PEP 503 normalised project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def advice_for(name: str) -> Advice | None:
    """The v2 advice for a v1 package, or None for anything else."""
    name = normalise(name)
    if name in V2_ERA_PACKAGES:
        return None
    table = DEPENDENCY.targets
    if name in table:
        return table[name]
    for key, advice in table.items():
        if key.endswith("*") and name.startswith(key[:-1]):
            return advice
    return None


@dataclass(frozen=True)
class Hit:
    line: int  # 1-based
    col: int  # 0-based
    name: str  # as written


def _requirement_name(text: str) -> tuple[str, int] | None:
    """The project name of a PEP 508 requirement (or conda spec) and its offset."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if not stripped or stripped[0] in "-#.":
        return None
    match = _NAME.match(stripped)
    if not match:
        return None
    return match.group(0), offset


# --------------------------------------------------------------------------- per format
def scan_requirements(text: str) -> list[Hit]:
    hits = []
    for number, line in enumerate(text.split("\n"), start=1):
        content = re.split(r"(?:^|\s)#", line, maxsplit=1)[0]
        found = _requirement_name(content)
        if found:
            hits.append(Hit(number, found[1], found[0]))
    return hits


def _locate_string(lines: list[str], value: str, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    for quote in ('"', "'"):
        needle = quote + value
        for number, line in enumerate(lines, start=1):
            start = 0
            while True:
                index = line.find(needle, start)
                if index < 0:
                    break
                if (number, index) not in used:
                    used.add((number, index))
                    return number, index + 1
                start = index + 1
    return None


def scan_pyproject(text: str) -> list[Hit]:
    from v2lint.settings import toml_loads

    loads = toml_loads()[0]
    if loads is None:
        return []
    try:
        data = loads(text)
    except Exception:  # noqa: BLE001 - a broken pyproject.toml is not ours to report
        return []
    requirements: list[str] = []
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    requirements += _strings(project.get("dependencies"))
    optional = project.get("optional-dependencies")
    if isinstance(optional, dict):
        for values in optional.values():
            requirements += _strings(values)
    groups = data.get("dependency-groups")
    if isinstance(groups, dict):
        for values in groups.values():
            requirements += _strings(values)
    lines = text.split("\n")
    used: set[tuple[int, int]] = set()
    hits = []
    for requirement in requirements:
        found = _requirement_name(requirement)
        if not found:
            continue
        place = _locate_string(lines, requirement.lstrip(), used)
        if place:
            hits.append(Hit(place[0], place[1], found[0]))
    poetry = data.get("tool", {}).get("poetry") if isinstance(data.get("tool"), dict) else None
    if isinstance(poetry, dict):
        names: list[str] = []
        for table in [poetry.get("dependencies"), poetry.get("dev-dependencies")] + [
            g.get("dependencies") for g in (poetry.get("group") or {}).values() if isinstance(g, dict)
        ]:
            if isinstance(table, dict):
                names += [k for k in table if isinstance(k, str)]
        for name in names:
            pattern = re.compile(r'^\s*["\']?(' + re.escape(name) + r')["\']?\s*=')
            for number, line in enumerate(lines, start=1):
                match = pattern.match(line)
                if match:
                    hits.append(Hit(number, match.start(1), name))
    return hits


def _strings(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def scan_setup_cfg(text: str) -> list[Hit]:
    hits = []
    section = ""
    in_key = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        header = re.match(r"^\[([^\]]+)\]", stripped)
        if header:
            section = header.group(1).strip().lower()
            in_key = False
            continue
        if not stripped or stripped.startswith(("#", ";")):
            continue
        indented = line[:1] in (" ", "\t")
        if not indented:
            key, sep, value = line.partition("=")
            if not sep:
                in_key = False
                continue
            key = key.strip().lower()
            in_key = (section == "options" and key == "install_requires") or section == "options.extras_require"
            if in_key and value.strip():
                found = _requirement_name(value)
                if found:
                    hits.append(Hit(number, len(key) + 1 + found[1] + (len(line) - len(line.lstrip())), found[0]))
            continue
        if in_key:
            found = _requirement_name(re.split(r"\s[#;]", line, maxsplit=1)[0])
            if found:
                hits.append(Hit(number, found[1], found[0]))
    return hits


def scan_setup_py(text: str) -> list[Hit]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return []
    assigned: dict[str, ast.AST] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigned[node.targets[0].id] = node.value
    hits = []

    def literal_strings(node: ast.AST, depth: int = 0) -> list[ast.Constant]:
        if depth > 3:
            return []
        if isinstance(node, ast.Name) and node.id in assigned:
            return literal_strings(assigned[node.id], depth + 1)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return literal_strings(node.left, depth + 1) + literal_strings(node.right, depth + 1)
        return []

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            values: list[ast.Constant] = []
            if keyword.arg == "install_requires":
                values = literal_strings(keyword.value)
            elif keyword.arg == "extras_require":
                mapping = keyword.value
                if isinstance(mapping, ast.Name) and mapping.id in assigned:
                    mapping = assigned[mapping.id]
                if isinstance(mapping, ast.Dict):
                    for value in mapping.values:
                        values += literal_strings(value)
            for constant in values:
                found = _requirement_name(constant.value)
                if found:
                    hits.append(Hit(constant.lineno, constant.col_offset + 1 + found[1], found[0]))
    return hits


def scan_conda(text: str) -> list[Hit]:
    """Entries of the top-level ``dependencies:`` list, including its ``- pip:`` list."""
    hits = []
    in_dependencies = False
    for number, line in enumerate(text.split("\n"), start=1):
        content = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].rstrip()
        if not content.strip():
            continue
        indent = len(content) - len(content.lstrip())
        if indent == 0 and not content.startswith("-"):
            in_dependencies = content.split(":", 1)[0].strip().strip("'\"") == "dependencies"
            continue
        if not in_dependencies:
            continue
        item = re.match(r"^(\s*-\s+)(.*)$", content)
        if not item:
            continue
        value = item.group(2)
        start = len(item.group(1))
        if value.rstrip().endswith(":"):
            continue  # "- pip:"
        if value[:1] in ("'", '"'):
            value = value[1:]
            start += 1
        if "::" in value:  # conda-forge::package
            channel, _, rest = value.partition("::")
            start += len(channel) + 2
            value = rest
        found = _requirement_name(value)
        if found:
            hits.append(Hit(number, start + found[1], found[0]))
    return hits


_PIP_INSTALL = re.compile(r"^\s*(?:%|!)\s*(?:python3?\s+-m\s+)?pip3?\s+install\s+(?P<args>.*)$")


def scan_pip_install(line: str, number: int = 1) -> list[Hit]:
    """Packages of a notebook's ``%pip install ...`` / ``!pip install ...`` line."""
    match = _PIP_INSTALL.match(line)
    if not match:
        return []
    hits = []
    start = match.start("args")
    skip_next = False
    for token in re.finditer(r"\S+", match.group("args")):
        word = token.group(0)
        if word.startswith("#"):
            break
        if skip_next:
            skip_next = False
            continue
        if word.startswith("-"):
            # options taking a value: -r file, -c file, -i url, --index-url url, ...
            skip_next = word in ("-r", "-c", "-e", "-i", "-f", "--requirement", "--constraint", "--editable",
                                 "--index-url", "--extra-index-url", "--find-links", "--target", "-t", "--prefix")
            continue
        offset = start + token.start()
        if word[:1] in ("'", '"'):
            word = word[1:]
            offset += 1
        found = _requirement_name(word)
        if found and not word.startswith(("$", "{", ".", "/")):
            hits.append(Hit(number, offset + found[1], found[0]))
    return hits


def notebook_findings(cell_lines: list[str]) -> list[tuple[int, Finding]]:
    """(line in cell, finding) for SDK v1 packages a notebook cell pip-installs."""
    out = []
    for number, line in enumerate(cell_lines, start=1):
        if "azureml" not in line.lower():
            continue
        for hit in scan_pip_install(line, number):
            advice = advice_for(hit.name)
            if advice is not None:
                out.append((number, _finding(hit, advice, number)))
    return out


def scan(text: str, filename: str) -> list[Hit]:
    """Every requirement named in a dependency file (v1 or not)."""
    lowered = filename.lower()
    if lowered == "pyproject.toml":
        return scan_pyproject(text)
    if lowered == "setup.cfg":
        return scan_setup_cfg(text)
    if lowered == "setup.py":
        return scan_setup_py(text)
    if lowered.endswith((".yml", ".yaml")):
        return scan_conda(text)
    return scan_requirements(text)


def v1_hits(text: str, filename: str) -> list[tuple[Hit, Advice]]:
    """(hit, advice) for the SDK v1 packages a dependency file names."""
    out = []
    for hit in scan(text, filename):
        advice = advice_for(hit.name)
        if advice is not None:
            out.append((hit, advice))
    return sorted(out, key=lambda pair: (pair[0].line, pair[0].col))


def findings(text: str, filename: str) -> list[Finding]:
    if "azureml" not in text.lower():
        return []
    return [_finding(hit, advice, hit.line) for hit, advice in v1_hits(text, filename)]


def _finding(hit: Hit, advice: Advice, line: int) -> Finding:
    return Finding(line, hit.col, CODE, normalise(hit.name), hit.name, advice.text, HIGH, line,
                   hit.col + len(hit.name), tier=advice.tier)
