"""v2lint: find Azure ML SDK v1 code and name its SDK v2 replacement.

As a pylint plugin: ``pylint --load-plugins=v2lint``. Importing this package
is cheap; astroid, the brain and the checker load only in :func:`register`.
"""

from __future__ import annotations

__version__ = "0.1.0"


def worth_analysing(source: str | bytes, path: str | None = None) -> bool:
    """The cheap pre-check every front-end applies first: a file that never
    mentions azureml (and, given its ``path``, imports no project module that
    does) is not analysed, and astroid is not even imported."""
    if (b"azureml" if isinstance(source, bytes) else "azureml") in source:
        return True
    if path is None:
        return False
    from v2lint.prefilter import imports_v1_helper

    return imports_v1_helper(source, path)


def register(linter) -> None:
    """pylint's plugin entry point."""
    from v2lint.pylint_plugin import register as register_checker

    register_checker(linter)
