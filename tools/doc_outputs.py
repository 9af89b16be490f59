"""The example outputs in README.md and docs/cli.md, produced by running their commands.

A block is declared in the Markdown as an HTML comment right above a fenced block::

    <!-- output: v2lint check examples/v1-project/src --format concise -->
    ```text
    ...what that command prints...
    ```

``| head -n N`` after the command keeps the first N lines (then a line ``...``).
Commands run from the repository root with the v2lint, pylint and flake8 of this
Python environment, without colour; only standard output is shown, and the
repository's absolute path reads ``/path/to/v2lint``.

    python tools/doc_outputs.py          rewrite every block from what the commands print now
    python tools/doc_outputs.py --readme-command N
                                         print the README's Nth first command (CI runs them as written)

tests/test_doc_outputs.py fails when a block differs, so no shown output goes stale.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ("README.md", "docs/cli.md")
PLACEHOLDER = "/path/to/v2lint"
BLOCK = re.compile(r"<!-- output: (?P<command>.+?) -->\n```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$",
                   re.MULTILINE | re.DOTALL)


def run(command: str) -> str:
    """What ``command`` prints on standard output, as a block shows it."""
    argv = shlex.split(command)
    head = None
    if "|" in argv:
        at = argv.index("|")
        pipe = argv[at + 1:]
        if len(pipe) != 3 or pipe[:2] != ["head", "-n"]:
            raise ValueError(f"{command}: only '| head -n N' is understood after the command")
        head, argv = int(pipe[2]), argv[:at]
    local = Path(sys.executable).with_name(argv[0])
    executable = str(local) if local.exists() else argv[0]
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS")}
    env.update(NO_COLOR="1", PYTHONIOENCODING="utf-8")
    completed = subprocess.run([executable, *argv[1:]], cwd=ROOT, capture_output=True, text=True, env=env,
                               check=False, timeout=600)
    # pylint's exit status is a bit field of what it found (32: usage error); v2lint's and flake8's 0 or 1
    failed = completed.returncode >= 32 if argv[0] == "pylint" else completed.returncode not in (0, 1)
    if failed or (not completed.stdout and completed.stderr):
        raise RuntimeError(f"{command}: exit {completed.returncode}: {completed.stderr}")
    out = completed.stdout.replace(ROOT.as_uri(), Path(PLACEHOLDER).as_uri()).replace(str(ROOT), PLACEHOLDER)
    if head is not None:
        lines = out.splitlines(keepends=True)
        out = "".join(lines[:head]) + ("...\n" if len(lines) > head else "")
    return out


def blocks(text: str) -> list[re.Match]:
    return list(BLOCK.finditer(text))


def rendered(text: str) -> str:
    """``text`` with every output block replaced by what its command prints now."""
    return BLOCK.sub(lambda m: f"<!-- output: {m['command']} -->\n```{m['info']}\n{run(m['command'])}```", text)


def readme_commands() -> list[str]:
    """The commands of the README's first code block: what a new user runs first."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    if match is None:
        raise ValueError("README.md: no ```sh block")
    return [line for line in match.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--readme-command"]:
        print(readme_commands()[int(argv[1]) - 1])
        return 0
    for name in DOCUMENTS:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        new = rendered(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"updated {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
