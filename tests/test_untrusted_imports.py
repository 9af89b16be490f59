"""Issue 13.1: nothing of an untrusted repository or of the environment is imported
on v2lint's behalf.

A generated hostile project holds, each writing a marker file when it runs:

* a project-local package for every module an astroid brain imports live
  (found by scanning the installed astroid's brains, so a new one is covered);
* project-local packages named like standard-library packages, reached
  through a dotted import (``importlib.util.find_spec("curses.textpad")``
  imports ``curses``, from the project when it shadows the name);
* C extension modules (built with the C compiler) named like a standard-library
  extension (``_curses``) and like an installed package, with the repository's
  own pylint configuration allowing extensions
  (``unsafe-load-any-extension``, ``extension-pkg-allow-list``);
* a ``.pth`` file.

It is linted by ``v2lint check``, flake8 and ``pylint --disable=all --enable=v2lint``
(the installed commands, in fresh processes), and by the hosts without v2lint.
No marker may appear; the control tests show that each one does appear when
the code is imported, or when v2lint resolves the same file without its guard.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import astroid
import pytest

from conftest import marker_project
from v2lint import isolation

BIN = Path(sys.executable).parent
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
# dynamic imports and live introspection a brain may do when it runs
_DYNAMIC = frozenset({"__import__", "import_module", "load_module_from_name", "inspect_build", "find_spec"})
# brains that import live in a way v2lint cannot suspend without changing
# inference for everyone; the import guard refuses what they import
GUARDED_BRAINS = {
    "astroid.brain.brain_numpy_utils": "astroid 3 imports numpy to read its version (a project's numpy/ too)",
    "astroid.brain.brain_builtin_inference": "imports the standard library's string module",
}


def live_brain_imports() -> dict[str, set[str]]:
    """{astroid brain module: modules it imports (or '<dynamic>') inside its
    functions, other than register() and astroid's own}: read from the source
    of the installed astroid."""
    found: dict[str, set[str]] = {}
    for path in sorted((Path(astroid.__file__).parent / "brain").glob("brain_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.name == "register":
                continue
            for node in ast.walk(function):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    names = [node.module]
                elif isinstance(node, ast.Call):
                    func = node.func
                    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if called in _DYNAMIC:
                        names = ["<dynamic>"]
                names = [n for n in names if n.split(".")[0] != "astroid"]
                if names:
                    found.setdefault(f"astroid.brain.{path.stem}", set()).update(names)
    return found


def test_every_live_brain_is_suspended_or_guarded():
    """A brain that imports a module outside astroid when it runs is either in
    isolation.LIVE_BRAINS (its hooks and transforms never run for v2lint) or
    imports only what the import guard refuses (listed here with the reason)."""
    found = live_brain_imports()
    assert "astroid.brain.brain_gi" in found  # the scan sees the known case
    unknown = {
        brain: sorted(names) for brain, names in found.items()
        if brain not in isolation.LIVE_BRAINS and brain not in GUARDED_BRAINS
        and not all(name.split(".")[0] in sys.stdlib_module_names for name in names)
    }
    assert unknown == {}


def test_live_brains_are_swapped_back_exactly():
    """Inside the region gi's hook and transform do nothing; outside, astroid's
    lists hold the very same objects as before."""
    manager = astroid.MANAGER
    hooks = list(manager._failed_import_hooks)
    transforms = {cls: list(entries) for cls, entries in manager._transform.transforms.items()}
    gi_hooks = [h for h in hooks if getattr(h, "__module__", "") == "astroid.brain.brain_gi"]
    assert gi_hooks, "astroid's gi brain is registered"
    with isolation.source_only():
        assert not any(h in manager._failed_import_hooks for h in gi_hooks)
        with pytest.raises(astroid.AstroidBuildingError):
            manager._failed_import_hooks[hooks.index(gi_hooks[0])]("gi.repository.Gtk")
        assert isolation.refusals() == ["astroid.brain.brain_gi: gi.repository.Gtk"]
    assert manager._failed_import_hooks == hooks
    assert all(a is b for a, b in zip(manager._failed_import_hooks, hooks))
    after = {cls: list(entries) for cls, entries in manager._transform.transforms.items()}
    assert after.keys() == transforms.keys()
    assert all(all(a is b for a, b in zip(after[c], transforms[c])) and len(after[c]) == len(transforms[c])
               for c in after)
    assert isolation.refusals() == []


# --------------------------------------------------------------------------- the hostile project
MARKER = """\
import pathlib
pathlib.Path({markers!r}, {name!r}).write_text("imported")
"""
EXTENSION_C = """\
#include <Python.h>
#include <stdio.h>
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "%(name)s", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_%(name)s(void) {
    FILE *f = fopen("%(marker)s", "w");
    if (f) { fputs("loaded", f); fclose(f); }
    return PyModule_Create(&def);
}
"""
# stdlib packages not imported by the linters at start-up, reached through a
# dotted import (astroid's finder asks importlib, which imports the parent)
STDLIB_SHADOWS = ("curses", "dbm", "xmlrpc", "wsgiref")
# extension modules: a standard-library name, and names of installed packages
# (top-level modules that are pure Python where installed)
EXTENSIONS = ("_curses", "mccabe", "pycodestyle")


def _compiler() -> str | None:
    return shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")


def _build_extension(directory: Path, name: str, marker: Path) -> bool:
    compiler = _compiler()
    if compiler is None:
        return False
    source = directory / f"{name}_ext.c"
    source.write_text(EXTENSION_C % {"name": name, "marker": str(marker)}, encoding="utf-8")
    result = subprocess.run(
        [compiler, "-shared", "-fPIC", f"-I{sysconfig.get_paths()['include']}", str(source),
         "-o", str(directory / f"{name}{SUFFIX}")],
        capture_output=True, text=True, check=False,
    )
    source.unlink()
    return result.returncode == 0


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    _, markers, project = marker_project(tmp_path_factory, "untrusted")
    brain_modules = sorted({
        name.split(".")[0] for names in live_brain_imports().values() for name in names
        if name != "<dynamic>" and name.split(".")[0] not in sys.stdlib_module_names
    })
    assert "gi" in brain_modules
    packages = [*brain_modules, *STDLIB_SHADOWS]
    for name in packages:
        package = project / name
        package.mkdir()
        (package / "__init__.py").write_text(MARKER.format(markers=str(markers), name=name), encoding="utf-8")
        # a subpackage, as pygobject's gi.repository: astroid then looks for
        # gi.repository.Gtk as a module and asks the failed-import hooks
        (package / "repository").mkdir()
        (package / "repository" / "__init__.py").write_text("", encoding="utf-8")
    built = [name for name in EXTENSIONS if _build_extension(project, name, markers / f"{name}.so")]
    (project / "zz_evil.pth").write_text(
        "import pathlib; pathlib.Path(%r, 'pth').write_text('x')\n" % str(markers), encoding="utf-8")
    # the repository's own configuration asks pylint to load extensions
    (project / "pyproject.toml").write_text(
        "[tool.pylint.main]\nunsafe-load-any-extension = true\n"
        f"extension-pkg-allow-list = {json.dumps(list(EXTENSIONS))}\n", encoding="utf-8")
    lines = ["import azureml.core", "from azureml.core import Workspace", "ws = Workspace.from_config()"]
    for index, name in enumerate([*packages, *EXTENSIONS]):
        # a member name v2lint resolves (``log``, ``submit``) on each: the
        # receiver is inferred, so the module is resolved
        lines += [f"import {name}", f"alias{index} = {name}", f"alias{index}.log('x', 1)",
                  f"from {name}.repository import Thing{index}", f"Thing{index}.submit(None)",
                  f"from {name}.textpad import Pad{index}", f"Pad{index}().log('y', 2)"]
    (project / "hostile.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a helper module reached through the linted file: built by v2lint, not by the host
    # (gi.require_version is called by a transform of astroid's gi brain on
    # every module astroid builds: pylint alone does it for the files it lints)
    # (astroid resolves a star import while it builds the module: pylint alone
    # would do that for the files it lints, so they are only in the helper)
    stars = "".join(f"from {name}.textpad import *\n" for name in packages)
    stars += "".join(f"from {name} import *\n" for name in EXTENSIONS)
    (project / "helpers.py").write_text("import gi\nfrom gi.repository import Gtk\nimport curses.ascii\n" + stars
                                        + "\ngi.require_version('Gtk', '3.0')\n\n"
                                        "def make():\n    return Gtk.Window()\n", encoding="utf-8")
    (project / "uses_helpers.py").write_text(
        "import azureml.core\nimport helpers\nhelpers.make().log('x', 1)\n", encoding="utf-8")
    return markers, project, packages, built


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONSAFEPATH")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # so a __pycache__ would show an import too
    return env


FILES = ["hostile.py", "uses_helpers.py"]
FRONT_ENDS = {
    "v2lint": [str(BIN / "v2lint"), "check", *FILES, "--no-baseline", "--format", "json", "-j", "1"],
    "v2lint -j 2": [str(BIN / "v2lint"), "check", ".", "--no-baseline", "--format", "json", "-j", "2"],
    "flake8": [str(BIN / "flake8"), "--select=AML", *FILES],
    "pylint": [str(BIN / "pylint"), "--load-plugins=v2lint", "--disable=all", "--enable=v2lint",
               "--persistent=n", "--score=n", *FILES],
    # the hosts without v2lint, for comparison
    "pylint alone": [str(BIN / "pylint"), "--disable=all", "--enable=line-too-long", "--persistent=n",
                     "--score=n", *FILES],
}


def _lint(project: Path, markers: Path, command: list[str]) -> tuple[list[str], str]:
    for marker in markers.iterdir():
        marker.unlink()
    for cache in project.rglob("__pycache__"):
        shutil.rmtree(cache)
    result = subprocess.run(command, cwd=project, env=_env(), capture_output=True, text=True, check=False,
                            timeout=600)
    assert "Traceback" not in result.stderr, result.stderr
    written = sorted(p.name for p in markers.iterdir())
    written += sorted(str(p.relative_to(project)) for p in project.rglob("__pycache__"))
    return written, result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("front_end", list(FRONT_ENDS))
def test_no_code_of_the_repository_runs(front_end, hostile):
    markers, project, _, _ = hostile
    written, output = _lint(project, markers, FRONT_ENDS[front_end])
    assert written == []
    if front_end != "pylint alone":
        assert "azureml.core" in output  # the v1 code was found: the files were analysed


@pytest.mark.slow
def test_the_markers_work(hostile):
    """The control: importing each package, loading each extension module, and
    the same resolution without v2lint's guard all write their markers."""
    markers, project, packages, built = hostile
    if shutil.which("cc") or shutil.which("gcc"):
        assert built == list(EXTENSIONS), "the C compiler is there but an extension did not build"
    for marker in markers.iterdir():
        marker.unlink()
    code = "import importlib, sys\nsys.path.insert(0, '.')\n" + "".join(
        f"importlib.import_module({name!r})\n" for name in [*packages, *built])
    subprocess.run([sys.executable, "-c", code], cwd=project, env=_env(), check=True)
    assert sorted(p.name for p in markers.iterdir()) == sorted([*packages, *(f"{n}.so" for n in built)])
    unguarded = (
        "import contextlib, sys\nfrom v2lint import isolation, modules\n"
        "isolation.source_only = contextlib.nullcontext\n"
        "for path in sys.argv[1:]:\n    modules.analyse_source(open(path).read(), path)\n"
    )
    for marker in markers.iterdir():
        marker.unlink()
    subprocess.run([sys.executable, "-c", unguarded, *FILES], cwd=project, env=_env(), check=True)
    written = {p.name for p in markers.iterdir()}
    # without the guard v2lint's resolution runs the project's gi and curses
    assert {"gi", "curses"} <= written, written


def test_the_guard_refuses_in_process(hostile, monkeypatch):
    """In this process: v2lint's analysis of the hostile files imports no new
    module from outside the standard library, v2lint and astroid, and the guard
    was really reached (it names what it refused)."""
    markers, project, _, built = hostile
    from v2lint.modules import analyse_source

    monkeypatch.chdir(project)
    for marker in markers.iterdir():
        marker.unlink()
    from v2lint.brain.cache import forget_project_modules_after

    before = set(sys.modules)
    refused: list[str] = []
    with forget_project_modules_after():  # the project's modules leave astroid's cache after
        for path in FILES:
            with isolation.source_only():
                findings = analyse_source((project / path).read_text(encoding="utf-8"), str(project / path))
                refused += isolation.refusals()
            assert findings
    new = {name: getattr(sys.modules[name], "__file__", None) for name in set(sys.modules) - before}
    assert {n: f for n, f in new.items() if f and not isolation.trusted_location(f)} == {}
    assert list(markers.iterdir()) == []
    assert any(r.startswith("astroid.brain.brain_gi: gi.repository") for r in refused), refused
    # a stdlib-named package the project shadows is refused, unless this test
    # process imported the real one already (then nothing is imported at all)
    fresh = [name for name in STDLIB_SHADOWS if name not in before]
    assert fresh, "every shadowed name was imported before the test"
    assert any(r.startswith(f"{name} (") for name in fresh for r in refused), refused


@pytest.mark.slow
def test_flake8_from_stdin_and_pylint_from_stdin(hostile):
    """The IDE paths: the buffer on stdin."""
    markers, project, _, _ = hostile
    source = (project / "hostile.py").read_text(encoding="utf-8")
    for command in (
        [str(BIN / "flake8"), "--select=AML", "--stdin-display-name=hostile.py", "-"],
        [str(BIN / "pylint"), "--load-plugins=v2lint", "--disable=all", "--enable=v2lint", "--persistent=n",
         "--from-stdin", "hostile.py"],
    ):
        for marker in markers.iterdir():
            marker.unlink()
        result = subprocess.run(command, cwd=project, env=_env(), input=source, capture_output=True, text=True,
                                check=False, timeout=600)
        assert "azureml.core" in result.stdout, result.stderr
        assert sorted(p.name for p in markers.iterdir()) == [], command


def test_the_guard_is_for_the_thread_that_analyses(tmp_path, monkeypatch):
    """An editor's server thread importing meanwhile is not v2lint's business;
    the analysing thread cannot import the same module."""
    import importlib
    import threading

    for name in ("zz_probe_main", "zz_probe_other"):
        (tmp_path / f"{name}.py").write_text("LOADED = True\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    imported: list[object] = []
    with isolation.source_only():
        with pytest.raises(ImportError, match="v2lint loads no module"):
            importlib.import_module("zz_probe_main")
        thread = threading.Thread(target=lambda: imported.append(importlib.import_module("zz_probe_other")))
        thread.start()
        thread.join()
    assert imported and imported[0].LOADED
    assert "zz_probe_main" not in sys.modules
    sys.modules.pop("zz_probe_other", None)
