"""The v1 namespace is derived from the pinned distributions, and v2-era packages stay silent.

* always: ``v2lint/namespace.py`` is what ``tools/derive_namespace.py`` renders
  from the pins (no hand edit), every v2-era root of design.md is silent, and no
  module a v2-era distribution ships is v1 unless the catalogue exempts it;
* with ``V2LINT_DERIVE_NAMESPACE=1`` (CI, which can reach the registry): the pinned
  distributions are downloaded (``pip download --no-deps``; nothing is installed)
  and their file lists give ``v2lint/namespace.py`` byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from v2lint import namespace
from v2lint.catalogue import V1_MODULE_ROOTS, is_v1_module

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "derive_namespace.py"
NAMESPACE = REPO / "v2lint" / "namespace.py"

# design.md: never flag these
V2_ERA = ("azureml.mlflow", "azureml.fsspec", "azureml.ai.monitoring", "azureml_inference_server_http",
          "azureml.featurestore", "mltable", "azureml.rag", "azureml.acft", "azureml.metrics", "azureml.evaluate")


def test_the_catalogue_uses_the_derived_roots():
    assert V1_MODULE_ROOTS is namespace.V1_MODULE_ROOTS
    assert list(V1_MODULE_ROOTS) == sorted(set(V1_MODULE_ROOTS))


@pytest.mark.parametrize("module", V2_ERA + namespace.V2_ERA_DISTRIBUTION_MODULES)
def test_v2_era_modules_are_not_v1(module):
    assert not is_v1_module(module)
    assert not is_v1_module(module + ".submodule")


def test_v2_era_distributions_ship_nothing_under_a_v1_root():
    for module in namespace.V2_ERA_DISTRIBUTION_MODULES:
        assert not any(module == root or module.startswith(root + ".") for root in V1_MODULE_ROOTS), module


@pytest.mark.parametrize("module", ["azureml.monitoring", "azureml._model_management", "azureml.telemetry",
                                    "azureml._restclient.models", "azureml.opendatasets", "azureml.core"])
def test_modules_the_issue_names_are_v1(module):
    assert is_v1_module(module)


@pytest.mark.skipif(os.environ.get("V2LINT_DERIVE_NAMESPACE") != "1",
                    reason="downloads the pinned distributions only with V2LINT_DERIVE_NAMESPACE=1 (CI)")
def test_namespace_matches_the_pinned_distributions(tmp_path):
    out = tmp_path / "namespace.py"
    result = subprocess.run([sys.executable, str(TOOL), "--out", str(out)],
                            capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert out.read_text(encoding="utf-8") == NAMESPACE.read_text(encoding="utf-8"), (
        "v2lint/namespace.py is stale: run python tools/derive_namespace.py and commit the result"
    )
