"""Shared by the conformance tests: import the real object a dotted name names."""

from __future__ import annotations

import importlib
import warnings


def import_longest_prefix(dotted: str):
    """(module, remaining attribute names) for the longest importable prefix,
    or None when no prefix is a module."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            # only "this prefix is no module" moves on; a module that exists
            # but fails to import its own dependencies is an error
            if error.name and (name == error.name or name.startswith(error.name + ".")):
                continue
            raise
        return module, parts[end:]
    return None
