"""What never needs astroid never loads it: the catalogue, the formats, the
``rules`` command and the dependency-file scanner (a CI job that only checks
requirements files, or prints a rule's page, starts in a blink).

Checked in a fresh interpreter, since this test process has astroid loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """\
    import contextlib, io, json, sys

    import v2lint.catalogue, v2lint.formats
    after_import = "astroid" in sys.modules

    from v2lint.cli import main

    loaded = {}
    for args in (["rules"], ["rules", "AML101"], ["check", "--isolated", "requirements.txt", "environment.yml"]):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            try:
                main(args)
            except SystemExit:
                pass
        loaded[" ".join(args)] = ("astroid" in sys.modules, out.getvalue())
    print(json.dumps({"import": after_import, "commands": loaded}))
    """
)


def test_catalogue_formats_rules_and_dependency_files_never_load_astroid(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "requirements.txt").write_text("azureml-core==1.61.0\nrequests>=2\n", encoding="utf-8")
    (tmp_path / "environment.yml").write_text(
        "dependencies:\n  - python=3.10\n  - pip:\n    - azureml-pipeline-steps\n", encoding="utf-8"
    )
    completed = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True,
                               check=True, timeout=120)
    report = json.loads(completed.stdout.splitlines()[-1])
    assert report["import"] is False
    commands = report["commands"]
    assert {args: astroid for args, (astroid, _) in commands.items()} == dict.fromkeys(commands, False)
    # and each command did its work
    assert "azureml-workspace" in commands["rules AML101"][1]
    checked = commands["check --isolated requirements.txt environment.yml"][1]
    assert "requirements.txt:1:1: AML901" in checked and "environment.yml:4:" in checked
