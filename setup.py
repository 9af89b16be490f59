"""Build step beyond pyproject.toml: ship docs/rules/*.md in the wheel as v2lint/rule_pages/,
so that `v2lint rules CODE` prints a rule's page from any install (one copy of the text: docs/rules)."""

import pathlib
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithRulePages(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads docs/rules from the source tree
        source = pathlib.Path(__file__).resolve().parent / "docs" / "rules"
        target = pathlib.Path(self.build_lib) / "v2lint" / "rule_pages"
        shutil.rmtree(target, ignore_errors=True)  # a renamed rule's old page must not ship from build/
        target.mkdir(parents=True)
        for page in sorted(source.glob("AML*.md")):  # the rules; not the index
            shutil.copyfile(page, target / page.name)


setup(cmdclass={"build_py": BuildPyWithRulePages})
