"""Findings must not depend on whether the real SDK v1 is installed.

CI runs the functional tests a second time in an environment where
azureml-core and the pipeline packages are installed (V2LINT_EXPECT_SDK=1);
this module makes sure that run really had the SDK, and that pylint then
still resolves v1 names through the brain's stubs.
"""

from __future__ import annotations

import importlib.util
import os

import pytest

SDK_EXPECTED = os.environ.get("V2LINT_EXPECT_SDK") == "1"


@pytest.mark.skipif(not SDK_EXPECTED, reason="runs in CI's environment with azureml-core installed")
def test_the_real_sdk_is_installed_here():
    assert importlib.util.find_spec("azureml.core") is not None
    assert importlib.util.find_spec("azureml.pipeline.steps") is not None


@pytest.mark.skipif(SDK_EXPECTED, reason="runs where azureml-core is not installed")
def test_the_real_sdk_is_absent_here():
    try:
        spec = importlib.util.find_spec("azureml.core")
    except ModuleNotFoundError:
        spec = None
    assert spec is None
