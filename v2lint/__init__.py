"""v2lint: find Azure ML SDK v1 code and name its SDK v2 replacement.

As a pylint plugin: ``pylint --load-plugins=v2lint``. Importing this package
is cheap; astroid, the brain and the checker load only in :func:`register`.
"""

from __future__ import annotations

__version__ = "0.1.0"


def worth_analysing(source: str | bytes) -> bool:
    """The cheap pre-check every front-end applies first: a file that never
    mentions azureml is not analysed (and astroid is not even imported)."""
    return (b"azureml" if isinstance(source, bytes) else "azureml") in source


def register(linter) -> None:
    """pylint's plugin entry point."""
    from v2lint.pylint_plugin import register as register_checker

    register_checker(linter)
