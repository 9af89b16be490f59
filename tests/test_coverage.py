"""The coverage property, generated from the brain's stubs: every public
method and attribute of every SDK v1 class is reported when used on an
instance, by the analysis core and by both hosts.

Each class gets a function that builds an instance as real code does
(``obj = module.Class(...)``) and then touches each member on its own line;
every one of those lines must carry a finding.
"""

from __future__ import annotations

import functools
import re

import astroid
import pytest
from astroid import nodes

from conftest import run_flake8_stdin, run_pylint_stdin
from v2lint import brain
from v2lint.modules import analyse_source


def _public_classes(module: nodes.Module):
    for node in module.body:
        if isinstance(node, nodes.ClassDef) and not node.name.startswith("_"):
            yield node


def _members(cls: nodes.ClassDef):
    """Public members the class itself defines, and how real code uses each."""
    names = {}
    for name, definitions in cls.locals.items():
        if name.startswith("_") or isinstance(definitions[0], nodes.ClassDef):
            continue
        definition = definitions[0]
        is_method = isinstance(definition, nodes.FunctionDef) and not (
            definition.decorators and any("property" in d.as_string() for d in definition.decorators.nodes)
        )
        names[name] = f"{name}()" if is_method else name
    for name in cls.instance_attrs:
        if not name.startswith("_"):
            names.setdefault(name, name)
    return sorted(names.items())


@functools.lru_cache(maxsize=None)
def program(package: str) -> tuple[str, tuple[int, ...]]:
    """A v1 program touching every member of every class of the stub modules
    under ``package``, and the lines that must be reported."""
    brain.register()
    lines, expected = [], []
    modules = sorted(m for m in brain.manifest()["modules"] if m == package or m.startswith(package + "."))
    for index, modname in enumerate(modules):
        alias = f"m{index}"
        lines.append(f"import {modname} as {alias}")
        for cls in _public_classes(astroid.MANAGER.ast_from_module_name(modname)):
            members = _members(cls)
            if not members:
                continue
            lines.append(f"def use_{alias}_{cls.name}():")
            # enums are used through the class (PrimaryMetricGoal.MAXIMIZE), the rest as instances
            enum = any(base.qname() == "enum.Enum" for base in cls.ancestors())
            lines.append(f"    obj = {alias}.{cls.name}" + ("" if enum else "()"))
            expected.append(len(lines))
            for _, use in members:
                lines.append(f"    obj.{use}")
                expected.append(len(lines))
    return "\n".join(lines) + "\n", tuple(expected)


PACKAGES = sorted({".".join(m.split(".")[:2]) for m in brain.manifest()["modules"] if m.count(".") >= 1})


@pytest.mark.parametrize("package", PACKAGES)
def test_every_member_of_every_v1_class_is_reported(package):
    source, expected = program(package)
    reported = {f.line for f in analyse_source(source, f"coverage_{package.replace('.', '_')}.py")}
    missed = [source.splitlines()[line - 1].strip() for line in expected if line not in reported]
    assert not missed, f"{len(missed)} of {len(expected)} uses not reported, e.g. {missed[:10]}"


_FLAKE8_LINE = re.compile(r"^.+?:(\d+):\d+: AML\d{3} ")


@pytest.mark.slow
@pytest.mark.parametrize("package", PACKAGES)
def test_both_hosts_report_every_member(package, tmp_path):
    source, expected = program(package)
    path = tmp_path / f"coverage_{package.replace('.', '_')}.py"
    path.write_text(source, encoding="utf-8")
    pylint_lines = {m["line"] for m in run_pylint_stdin(path, source)}
    flake8_lines = {int(_FLAKE8_LINE.match(line).group(1)) for line in run_flake8_stdin(path, source)}
    assert not [line for line in expected if line not in pylint_lines]
    assert not [line for line in expected if line not in flake8_lines]
