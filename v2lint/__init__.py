"""v2lint: find Azure ML SDK v1 code and name its SDK v2 replacement.

As a pylint plugin: ``pylint --load-plugins=v2lint``. Importing this package
is cheap; astroid, the brain and the checker load only in :func:`register`.
"""

__version__ = "0.1.0"


def register(linter) -> None:
    """pylint's plugin entry point."""
    from v2lint.pylint_plugin import register as register_checker

    register_checker(linter)
