"""Suppression comments, read as the host that defines them reads them.

* flake8's ``# noqa`` (every code) and ``# noqa: AML101,AML2`` (codes or
  prefixes) on the first or the last line of a finding.
* pylint's ``# pylint: disable=``, ``enable=`` and ``disable-next=`` with
  symbols, message ids (``W7410``), categories (``W``), the checker name
  ``v2lint`` or ``all``, scoped as pylint scopes them: a pragma holds from its
  line to the end of the innermost node of the module's tree that contains the
  line, so one on its own line covers the rest of the module or of the
  ``def``/``class``/``if``/``for``/``with`` body it is in (until an ``enable``
  says otherwise), and a trailing one its statement's line. Later pragmas win.
  ``# pylint: skip-file`` and ``disable=all`` make pylint skip the whole file.

The scopes are worked out on the astroid tree the findings came from, by the
rules of pylint's ``FileState`` (which walks the same tree), so that
``v2lint check`` and ``pylint --load-plugins=v2lint`` hide the same lines.
Without a tree (dependency files), a pragma covers its own line.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from v2lint.catalogue import RULES

_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z][A-Z0-9]*(?:[,\s]+[A-Z][A-Z0-9]*)*))?", re.IGNORECASE)

# pylint's pragma grammar (pylint/utils/pragma_parser.py): keywords, message
# names (two characters or more) and categories; anything else is ignored
_KEYWORDS = ("disable-next", "disable-msg", "enable-msg", "disable-all", "skip-file", "disable", "enable")
_PRAGMA_TOKEN = re.compile(
    rf"(?P<keyword>\b(?:{'|'.join(_KEYWORDS)})\b)|(?P<name>[0-9A-Za-z_-]{{2,}}|[CREIWF]\d*)|(?P<assign>=)"
)
_PRAGMA = re.compile(r"#.*?\bpylint:\s*([^;#\n]+)")
_SKIPPING = frozenset({"skip-file", "disable-all"})
_ALIASES = {"disable-msg": "disable", "enable-msg": "enable"}  # pylint's deprecated spellings

_CHECKER = "v2lint"
_CODES_BY_MSGID = {rule.msgid: rule.code for rule in RULES}
_CODES_BY_SYMBOL = {rule.symbol: rule.code for rule in RULES}
_ALL_CODES = frozenset(_CODES_BY_MSGID.values())


@dataclass(frozen=True)
class Pragma:
    line: int  # where pylint takes it to be (a backslash continuation counts as the line before)
    action: str  # disable, enable or disable-next
    codes: frozenset[str]  # the v2lint rules it names


class Suppressions:
    """The ``# noqa`` and ``# pylint:`` comments of one text (a module, a notebook
    unit or a dependency file), and which findings they hide."""

    def __init__(self, text: str, python: bool = True) -> None:
        self.lines = text.split("\n")
        self.skip_file = False
        self.pragmas: list[Pragma] = []
        self._spans: list[tuple[int, int, bool, frozenset[str]]] = []  # of the pragmas, in the tree below
        self._tree = None
        for line, comment in _python_comments(text) if python else _line_comments(self.lines):
            for action, names in _parse_pylint_pragma(comment):
                if action in _SKIPPING or (action == "disable" and "all" in names):
                    self.skip_file = True  # pylint ignores the whole file
                    return
                codes = frozenset().union(*map(_codes_named, names))
                if codes:
                    self.pragmas.append(Pragma(line, _ALIASES.get(action, action), codes))

    def hides(self, code: str, line: int, end_line: int | None = None, tree=None) -> bool:
        """Whether the finding of rule ``code`` at ``line`` (to ``end_line``) is suppressed;
        ``tree``: the astroid module of the text, for pylint's scopes."""
        if self.skip_file or self._noqa(code, line) or (end_line is not None and self._noqa(code, end_line)):
            return True
        return self._disabled(code, line, tree)  # pylint looks at the first line only

    def _noqa(self, code: str, line: int) -> bool:
        text = self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
        for match in _NOQA.finditer(text) if "#" in text else ():
            codes = match.group("codes")
            if not codes or any(code.startswith(c.upper()) for c in re.split(r"[,\s]+", codes) if c):
                return True
        return False

    def _disabled(self, code: str, line: int, tree) -> bool:
        if not self.pragmas:
            return False
        if not self._spans or tree is not self._tree:
            self._spans = [_span(pragma, tree) for pragma in self.pragmas]
            self._tree = tree
        for first, last, disabled, codes in reversed(self._spans):
            if first <= line <= last and code in codes:
                return disabled
        return False


def _span(pragma: Pragma, tree) -> tuple[int, int, bool, frozenset[str]]:
    """(first line, last line, disables, codes) of one pragma."""
    if pragma.action == "disable-next":
        return pragma.line + 1, pragma.line + 1, True, pragma.codes
    last = pragma.line if tree is None else _innermost_end(tree, pragma.line)
    if last is None:  # past the module's last statement: pylint applies it nowhere
        return 0, -1, False, pragma.codes
    return pragma.line, last, pragma.action == "disable", pragma.codes


def _innermost_end(tree, line: int) -> int | None:
    """The last line of the node a pragma on ``line`` applies to: the first node
    holding the line in pylint's walk (depth first, children before their
    parent, never into a node that sits on one line)."""
    stack = [(tree, False)]
    while stack:
        node, entered = stack.pop()
        if not entered and node.lineno != node.end_lineno:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.get_children())))
        elif node.fromlineno <= line <= node.tolineno:
            return node.tolineno
    return None


def _codes_named(name: str) -> frozenset[str]:
    """The v2lint rules a pragma name stands for, as pylint resolves it."""
    if name == "all" or name.lower() == _CHECKER:
        return _ALL_CODES
    if len(name) == 1:  # a category: C, R, W, E, I or F
        return frozenset(code for msgid, code in _CODES_BY_MSGID.items() if msgid[0] == name)
    if name[1:].isdigit():
        code = _CODES_BY_MSGID.get(name.upper())
    else:
        code = _CODES_BY_SYMBOL.get(name)
    return frozenset({code}) if code else frozenset()


def _parse_pylint_pragma(comment: str) -> list[tuple[str, list[str]]]:
    """[(action, names)] of the pylint pragma in a comment, as pylint reads it: the
    text after ``pylint:`` up to a ``;`` or another ``#``, in which each keyword
    takes the names that follow it. What pylint rejects ends the pragma there."""
    text = _pragma_text(comment)
    if text is None:
        return []
    pragmas: list[tuple[str, list[str]]] = []
    action, names, needs_assign = None, [], False
    for token in _PRAGMA_TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "assign":
            if not needs_assign:
                return pragmas
            needs_assign = False
            continue
        if needs_assign:
            return pragmas
        if kind == "keyword":
            if action is not None:
                if not _complete(action, names):
                    return pragmas
                pragmas.append((action, names))
            action, names = token.group(), []
            needs_assign = action not in _SKIPPING
        else:
            names.append(token.group())
    if action is not None and not needs_assign and _complete(action, names):
        pragmas.append((action, names))
    return pragmas


def _complete(action: str, names: list[str]) -> bool:
    return bool(names) or action in _SKIPPING


def _pragma_text(comment: str) -> str | None:
    """What follows ``pylint:`` up to a ``;`` or ``#``, from the last ``#`` that a
    ``pylint:`` follows (``# noqa: AML001  # pylint: disable=...``)."""
    for hash_at in reversed([m.start() for m in re.finditer("#", comment)]):
        match = _PRAGMA.match(comment, hash_at)
        if match:
            return match.group(1)
    return None


def _python_comments(text: str):
    """(line, comment) of Python source, from its tokens, so that a ``#`` in a
    string is no comment. A comment after a backslash continuation is taken
    to be on the line before, as pylint takes it."""
    if "pylint" not in text:
        return
    newline_before = newline_seen = True
    row = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if row is not None and token.start[0] != row:
                newline_before, newline_seen = newline_seen, False
            row = token.start[0]
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                newline_seen = True
            elif token.type == tokenize.COMMENT and "pylint" in token.string:
                yield (row if newline_before else row - 1), token.string
    except (tokenize.TokenError, SyntaxError):
        return  # the tree was built, so this is rare: the comments read so far stand


def _line_comments(lines: list[str]):
    """(line, comment) of a text that is not Python: from the first ``#`` of each line."""
    for number, line in enumerate(lines, start=1):
        if "pylint" in line and "#" in line:
            yield number, line[line.index("#"):]
