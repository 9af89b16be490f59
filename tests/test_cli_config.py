"""Configuration that says what is wrong, and ruff's selection options, through the installed command."""

from __future__ import annotations

import json

import pytest

from test_cli_helpers import CONTROL, TRAIN, make_repo, v2lint
from v2lint.catalogue import RULES


def codes_by_path(stdout: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for item in json.loads(stdout):
        found.setdefault(item["path"], set()).add(item["code"])
    return found


@pytest.mark.parametrize(
    "table, words",
    [
        ('selct = ["AML1"]', ["unknown setting", "'selct'", "did you mean 'select'"]),
        ('per-file-ignore = {}', ["'per-file-ignore'", "did you mean 'per-file-ignores'"]),
        ('select = ["W0611"]', ["select", "'W0611' is not a v2lint code"]),
        ('select = ["azureml-workspace"]', ["did you mean 'AML101'"]),
        ('ignore = ["AML999"]', ["ignore", "'AML999' selects no rule"]),
        ('fail-on = "no-equivalnt"', ["fail-on", "did you mean 'no-equivalent'"]),
        ('fail-on = 1', ["fail-on must be one of"]),
        ('exclude = [1]', ["exclude must be a list of strings"]),
        ('per-file-ignores = ["tests/*"]', ["per-file-ignores must be a table"]),
        ('[tool.v2lint.per-file-ignores]\n"tests/*" = ["AML8O"]', ['per-file-ignores."tests/*"', "'AML8O'"]),
    ],
)
def test_unknown_keys_and_bad_values_are_exit_2_naming_file_and_key(tmp_path, table, words):
    if not table.startswith("["):
        table = "[tool.v2lint]\n" + table
    root = make_repo(tmp_path / "r", {"pyproject.toml": table + "\n", "train.py": TRAIN})
    done = v2lint(root, "check")
    assert done.returncode == 2, done.stdout + done.stderr
    assert str(root / "pyproject.toml") in done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_nearest_pyproject_with_a_v2lint_table_is_the_configuration(tmp_path):
    root = make_repo(tmp_path / "r", {
        "pyproject.toml": '[tool.v2lint]\nignore = ["AML001"]\n',
        "sub/pyproject.toml": '[project]\nname = "sub"\n',  # no [tool.v2lint]: skipped, as ruff skips it
        "sub/train.py": TRAIN,
    })
    done = v2lint(root / "sub", "check", "--format", "json")
    assert done.returncode == 1
    assert "AML001" not in codes_by_path(done.stdout)["sub/train.py"]


def test_config_file_inline_override_isolated_and_show_settings(tmp_path):
    root = make_repo(tmp_path / "r", {
        "pyproject.toml": '[tool.v2lint]\nselect = ["AML8"]\n',
        "ci/v2lint.toml": 'ignore = ["AML801"]\n',
        "train.py": TRAIN,
    })
    assert codes_by_path(v2lint(root, "check", "--format", "json").stdout)["train.py"] == {"AML801", "AML802"}
    # --config FILE replaces the discovered pyproject.toml (a non-pyproject file holds the keys at its top level)
    done = v2lint(root, "check", "--format", "json", "--config", "ci/v2lint.toml")
    assert codes_by_path(done.stdout)["train.py"] == {"AML001", "AML802"}
    # --config 'KEY = VALUE' overrides one setting of the file
    done = v2lint(root, "check", "--format", "json", "--config", 'select = ["AML0"]')
    assert codes_by_path(done.stdout)["train.py"] == {"AML001"}
    # --isolated: no configuration file at all
    done = v2lint(root, "check", "--format", "json", "--isolated")
    assert codes_by_path(done.stdout)["train.py"] == {"AML001", "AML801", "AML802"}
    done = v2lint(root, "check", "--show-settings", "--extend-select", "AML1")
    assert done.returncode == 0 and done.stderr == ""
    assert f"# Settings path: {root / 'pyproject.toml'}" in done.stdout
    assert f'select = ["AML8"]  # {root / "pyproject.toml"}' in done.stdout
    assert 'fail-on = "replacement"  # default' in done.stdout
    enabled = ["AML000"] + [rule.code for rule in RULES if rule.code.startswith(("AML1", "AML8"))]
    assert f"# enabled rules ({len(enabled)}): {', '.join(enabled)}" in done.stdout
    # the printed settings are valid TOML
    import tomllib

    assert tomllib.loads(done.stdout)["tool"]["v2lint"]["select"] == ["AML8"]
    done = v2lint(root, "check", "--config", "missing.toml")
    assert done.returncode == 2 and "missing.toml" in done.stderr and "no such file" in done.stderr
    done = v2lint(root, "check", "--config", "ci/v2lint.toml", "--isolated")
    assert done.returncode == 2 and "contradict" in done.stderr


def test_extend_select_and_per_file_ignores_in_config_and_on_the_command_line(tmp_path):
    root = make_repo(tmp_path / "r", {
        "pyproject.toml": (
            '[tool.v2lint]\nselect = ["AML8"]\nextend-select = ["AML101"]\n'
            '[tool.v2lint.per-file-ignores]\n"tests/*" = ["AML8"]\n"conftest.py" = ["AML1"]\n'
            '"!src/*" = ["AML803"]\n'
        ),
        "src/control.py": CONTROL,
        "tests/unit/test_train.py": TRAIN,  # '*' crosses '/', as in ruff
        "tests/conftest.py": CONTROL,  # a bare name matches the file name in any directory
        "other/control.py": CONTROL,  # "!src/*": AML803 ignored everywhere but src/
    })
    found = codes_by_path(v2lint(root, "check", "--format", "json").stdout)
    assert found == {
        "src/control.py": {"AML101", "AML801", "AML803"},
        "other/control.py": {"AML101", "AML801"},
    }
    # --per-file-ignores replaces the configuration's; patterns relative to the current directory
    done = v2lint(root / "src", "check", "..", "--format", "json", "--per-file-ignores", "control.py:AML101")
    found = codes_by_path(done.stdout)
    assert found["src/control.py"] == {"AML801", "AML803"} and found["tests/unit/test_train.py"] == {"AML801", "AML802"}
    # --extend-per-file-ignores adds to them; flake8's PATTERN:CODE,CODE reads right too
    done = v2lint(root, "check", "--format", "json", "--extend-per-file-ignores", "src/*:AML101,AML801,AML803")
    assert "src/control.py" not in codes_by_path(done.stdout)
    # --select on the command line starts again: the configuration's extend-select is dropped, as in ruff
    done = v2lint(root, "check", "--format", "json", "--select", "AML0")
    assert codes_by_path(done.stdout)["src/control.py"] == {"AML001"}
    done = v2lint(root, "check", "--per-file-ignores", "nocolon")
    assert done.returncode == 2 and "PATTERN:CODE" in done.stderr


def test_show_files_lists_what_the_walk_checks(tmp_path):
    root = make_repo(tmp_path / "r", {
        "pyproject.toml": '[tool.v2lint]\nexclude = ["legacy/"]\n',
        ".gitignore": "generated.py\n",
        "src/train.py": TRAIN, "legacy/old.py": TRAIN, "generated.py": TRAIN, "README.md": "azureml\n",
        "requirements.txt": "azureml-core\n",
    })
    done = v2lint(root / "src", "check", "..", "--show-files")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines() == ["../pyproject.toml", "../requirements.txt", "train.py"]


def test_outside_git_paths_are_relative_to_the_project_root(tmp_path):
    """An unpacked sdist or a copy has no .git: the configuration's directory is the root."""
    root = make_repo(tmp_path / "copy", {"pyproject.toml": "[tool.v2lint]\nignore = []\n", "pkg/src/train.py": TRAIN},
                     init_git=False)
    found = json.loads(v2lint(root, "check", "pkg/src", "--format", "json").stdout)
    assert {f["path"] for f in found} == {"pkg/src/train.py"}
    bare = make_repo(tmp_path / "bare", {"pkg/src/train.py": TRAIN}, init_git=False)
    found = json.loads(v2lint(bare, "check", "pkg/src", "--format", "json").stdout)
    assert {f["path"] for f in found} == {"train.py"}  # no git, no configuration: the checked directory


def test_each_file_has_the_settings_of_its_closest_configuration(tmp_path):
    """Hierarchical, as ruff: a monorepo's packages keep their own [tool.v2lint]; globs and paths are
    relative to the file that states them; --config and --isolated give every file one configuration."""
    root = make_repo(tmp_path / "mono", {
        "pyproject.toml": '[tool.v2lint]\nignore = ["AML001"]\nfail-on = "no-equivalent"\n',
        "train.py": TRAIN,
        "packages/a/pyproject.toml": (
            '[tool.v2lint]\nselect = ["AML8"]\nexclude = ["generated/"]\n'
            '[tool.v2lint.per-file-ignores]\n"jobs/*" = ["AML802"]\n'
        ),
        "packages/a/jobs/train.py": TRAIN,
        "packages/a/generated/train.py": TRAIN,
        "packages/a/control.py": CONTROL,
        "packages/b/pyproject.toml": '[project]\nname = "b"\n',  # no table: the root's settings
        "packages/b/train.py": TRAIN,
    })
    done = v2lint(root, "check", "--format", "json")
    assert codes_by_path(done.stdout) == {
        "train.py": {"AML801", "AML802"},
        "packages/a/jobs/train.py": {"AML801"},
        "packages/a/control.py": {"AML801", "AML803"},
        "packages/b/train.py": {"AML801", "AML802"},
    }
    assert done.returncode == 1  # the run's fail-on (the root's: no-equivalent) and AML803 is one
    # the command line applies on top of every configuration
    done = v2lint(root, "check", "--format", "json", "--extend-select", "AML1")
    assert codes_by_path(done.stdout)["packages/a/control.py"] == {"AML101", "AML801", "AML803"}
    # one file for all
    done = v2lint(root, "check", "--format", "json", "--config", "packages/a/pyproject.toml")
    found = codes_by_path(done.stdout)
    assert found["train.py"] == {"AML801", "AML802"} and "packages/a/generated/train.py" not in found
    assert found["packages/a/jobs/train.py"] == {"AML801", "AML802"}  # "jobs/*" is now relative to the cwd
    assert set(codes_by_path(v2lint(root, "check", "--format", "json", "--isolated").stdout)["train.py"]) == {
        "AML001", "AML801", "AML802"}
    # a broken configuration found during the walk is an error too
    (root / "packages/b/pyproject.toml").write_text('[tool.v2lint]\nselct = ["AML1"]\n')
    done = v2lint(root, "check")
    assert done.returncode == 2 and "packages/b/pyproject.toml" in done.stderr and "did you mean 'select'" in done.stderr


def test_force_exclude_applies_exclude_to_files_named_on_the_command_line(tmp_path):
    root = make_repo(tmp_path / "r", {
        "pyproject.toml": '[tool.v2lint]\nexclude = ["legacy/", "gen_*.py"]\n',
        "legacy/deep/old.py": TRAIN, "gen_code.py": TRAIN, "app/train.py": TRAIN, "build/lib/x.py": TRAIN,
    })
    named = ["legacy/deep/old.py", "gen_code.py", "app/train.py", "build/lib/x.py"]
    assert v2lint(root, "check", *named, "--show-files").stdout.splitlines() == named  # explicit: always
    assert v2lint(root, "check", *named, "--show-files", "--force-exclude").stdout.splitlines() == ["app/train.py"]
    done = v2lint(root, "check", "--force-exclude", "legacy/deep/old.py")
    assert done.returncode == 0 and done.stdout.startswith("Found 0 SDK v1 findings; 0 files checked.")
