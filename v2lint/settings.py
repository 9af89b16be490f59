"""The settings of the ``v2lint`` command: ``[tool.v2lint]``, ``--config``, rule selection.

One schema (:data:`SETTINGS`) decides which keys exist, what their values
may be and how ``--show-settings`` prints them. Names and semantics are
ruff's, so a ruff user guesses right:

* ``select`` / ``extend-select`` / ``ignore`` take codes or code prefixes
  (``AML``, ``AML1``, ``AML10``, ``AML101``; ``ALL`` = every rule). They are
  layered as ruff layers them: the defaults (every rule), then the
  configuration file, then the command line. Inside one layer the more
  specific prefix wins and, at equal specificity, ``ignore`` beats
  ``select``; a layer that sets ``select`` starts again from it, a layer that
  only extends or ignores changes what the layers before it chose. AML000
  (a file that could not be analysed) is only ever switched off by an
  ``ignore`` naming it.
* ``per-file-ignores``: ``{glob: [codes]}``; a glob matches a file's path
  (relative to the project root) or its name; ``*`` also crosses ``/``; a
  leading ``!`` matches the files the glob does not match.
* The project root is the directory of the configuration file, or the
  current directory for a file given with ``--config`` and for patterns
  given on the command line (as in ruff).

Configuration is found as ruff finds it: each file has the settings of the
closest ``pyproject.toml`` at or above it that has a ``[tool.v2lint]`` table
(hierarchical). ``fail-on`` and ``baseline`` are the run's: those of the
checked paths' common directory. ``--config FILE`` names one file for all instead (a ``pyproject.toml``, or any other TOML file
whose top level holds the settings), ``--config 'KEY = VALUE'`` overrides one
setting, ``--isolated`` ignores every configuration file.

Any unknown key or bad value is an error naming the file, the key and the
closest valid spelling, never a silent default.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from v2lint.catalogue import RULES, RULES_BY_SYMBOL

FAIL_ON = ("no-equivalent", "replacement")
_CODE_PREFIX = re.compile(r"^AML\d{0,3}$")
_ALL = "ALL"


class ConfigError(Exception):
    """A configuration file or option is unreadable or wrong: exit 2."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --------------------------------------------------------------------------- values
def parse_code(value: str, where: str) -> str:
    """One code or prefix, upper-cased; ``ALL``; a rule's symbol is named by its code in the error."""
    code = value.strip().upper()
    if code == _ALL:
        return code
    if not _CODE_PREFIX.match(code):
        rule = RULES_BY_SYMBOL.get(value.strip().lower())
        hint = f" (did you mean {rule.code!r}?)" if rule else did_you_mean(code, [r.code for r in RULES])
        raise ConfigError(f"{where}: {value!r} is not a v2lint code or prefix (AML, AML1, AML10, AML101){hint}")
    if not any(rule.code.startswith(code) for rule in RULES):
        raise ConfigError(f"{where}: {value!r} selects no rule{did_you_mean(code, [r.code for r in RULES])}")
    return code


def split_codes(values: Iterable[str], where: str) -> list[str]:
    """Codes from option values, each comma or space separated (``--select AML1,AML2``)."""
    return [parse_code(part, where) for value in values for part in re.split(r"[,\s]+", value) if part]


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings, not {_toml(value)}")
    return list(value)


def _codes_value(value: Any, where: str) -> list[str]:
    return [parse_code(code, where) for code in _string_list(value, where)]


def _per_file_value(value: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of glob = [codes], not {_toml(value)}")
    return {pattern: _codes_value(codes, f"{where}.{_toml(pattern)}") for pattern, codes in value.items()}


def _choice_value(value: Any, where: str) -> str:
    if value not in FAIL_ON:
        hint = did_you_mean(value, FAIL_ON) if isinstance(value, str) else ""
        raise ConfigError(f"{where} must be one of {', '.join(map(_toml, FAIL_ON))}, not {_toml(value)}{hint}")
    return value


def _path_value(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} must be a path (a string), not {_toml(value)}")
    return value


def _toml(value: Any) -> str:
    """A value as TOML writes it (for messages and --show-settings)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return repr(value)


@dataclass(frozen=True)
class Setting:
    key: str
    attribute: str
    parse: Callable[[Any, str], Any]
    help: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("exclude", "exclude", _string_list, "gitignore-style globs of files and directories not walked"),
        Setting("extend-exclude", "extend_exclude", _string_list, "more globs, added to exclude"),
        Setting("select", "select", _codes_value, "only these codes or prefixes (default: all)"),
        Setting("extend-select", "extend_select", _codes_value, "codes or prefixes added to select"),
        Setting("ignore", "ignore", _codes_value, "codes or prefixes left out"),
        Setting("per-file-ignores", "per_file_ignores", _per_file_value, "glob = [codes] left out in matching files"),
        Setting("fail-on", "fail_on", _choice_value, "lowest tier that fails the run: replacement (default) or no-equivalent"),
        Setting("baseline", "baseline", _path_value, "baseline file (relative to the project root)"),
    )
}


# --------------------------------------------------------------------------- file patterns
def _glob_regex(pattern: str) -> str:
    """A glob as ruff's (globset's) defaults read it: ``*`` and ``**`` cross ``/``,
    ``?`` one character, ``[...]`` a class, ``{a,b}`` alternatives."""
    out, i, depth = [], 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            while pattern[i + 1:i + 2] == "*":
                i += 1
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1:end]
                out.append("[" + ("^" + body[1:] if body[:1] == "!" else body).replace("\\", "\\\\") + "]")
                i = end
        elif char == "{":
            depth += 1
            out.append("(?:")
        elif char == "}" and depth:
            depth -= 1
            out.append(")")
        elif char == "," and depth:
            out.append("|")
        elif char == "\\" and i + 1 < len(pattern):
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out) + ")" * depth


@dataclass(frozen=True)
class PerFileIgnore:
    pattern: str  # as written, with a leading "!" if negated
    root: str
    codes: tuple[str, ...]

    @functools.cached_property
    def _matchers(self) -> tuple[bool, re.Pattern, re.Pattern]:
        negated = self.pattern.startswith("!")
        glob = self.pattern[1:] if negated else self.pattern
        absolute = os.path.join(self.root, glob).replace(os.sep, "/")
        return negated, re.compile(_glob_regex(absolute), re.DOTALL), re.compile(_glob_regex(glob), re.DOTALL)

    def matches(self, path: str) -> bool:
        """``path`` absolute, normalised."""
        negated, absolute, basename = self._matchers
        path = path.replace(os.sep, "/")
        found = bool(absolute.fullmatch(path) or basename.fullmatch(path.rsplit("/", 1)[-1]))
        return found != negated


def parse_per_file_option(values: Iterable[str]) -> dict[str, list[str]]:
    """``--per-file-ignores 'tests/*:AML8,setup.py:AML901'`` (ruff's PATTERN:CODE pairs,
    comma separated; flake8's ``tests/*:AML8,AML9`` also reads right)."""
    table: dict[str, list[str]] = {}
    for value in values:
        pattern = None
        for item in (part.strip() for part in value.split(",")):
            if not item:
                continue
            if ":" in item:
                pattern, _, item = item.rpartition(":")
                pattern = pattern.strip()
            if not pattern:
                raise ConfigError(f"--per-file-ignores: {value!r}: expected PATTERN:CODE[,PATTERN:CODE...]")
            table.setdefault(pattern, []).extend(split_codes([item], f"--per-file-ignores {pattern}"))
    return table


# --------------------------------------------------------------------------- selection
@dataclass(frozen=True)
class Layer:
    """One source of rule selection (the configuration, the command line), as ruff's RuleSelection."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def _matches(prefix: str, code: str) -> bool:
    return prefix == _ALL or code.startswith(prefix)


def _specificity(prefix: str) -> int:
    return -1 if prefix == _ALL else len(prefix)


class Selection:
    """Which codes are reported, file by file."""

    def __init__(self, layers: Iterable[Layer], per_file: Iterable[PerFileIgnore] = ()) -> None:
        self.layers = (Layer(select=(_ALL,)), *layers)
        self.per_file = tuple(per_file)
        self._per_path: dict[str, tuple[str, ...]] = {}
        self._enabled: dict[str, bool] = {}

    def enabled(self, code: str) -> bool:
        if code not in self._enabled:
            self._enabled[code] = self._resolve(code)
        return self._enabled[code]

    def _resolve(self, code: str) -> bool:
        state = True
        for layer in self.layers:
            # the most specific matching prefix decides; ignore wins a tie
            candidates = [(_specificity(p), 0, True) for p in (*(layer.select or ()), *layer.extend_select)
                          if _matches(p, code)]
            candidates += [(_specificity(p), 1, False) for p in layer.ignore if _matches(p, code)]
            update = max(candidates)[2] if candidates else None
            if code == "AML000":
                state = state and update is not False  # only an ignore switches it off
            elif layer.select is not None:
                state = update is True
            elif update is not None:
                state = update
        return state

    def ignored_in(self, path: str) -> tuple[str, ...]:
        if path not in self._per_path:
            self._per_path[path] = tuple(c for entry in self.per_file if entry.matches(path) for c in entry.codes)
        return self._per_path[path]

    def wanted(self, code: str, path: str | None = None) -> bool:
        """``path``: the file's absolute path, for per-file-ignores."""
        if not self.enabled(code):
            return False
        return path is None or not any(_matches(prefix, code) for prefix in self.ignored_in(path))

    def enabled_codes(self) -> list[str]:
        return [rule.code for rule in RULES if self.enabled(rule.code)]


# --------------------------------------------------------------------------- files
def toml_loads():
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib.loads, tomllib.TOMLDecodeError
    try:
        import tomli  # type: ignore[import-not-found]
    except ImportError:
        return None, None
    return tomli.loads, tomli.TOMLDecodeError


def _parse_toml(text: str, source: str) -> dict:
    loads, error_type = toml_loads()
    if loads is None:
        raise ConfigError(f"{source}: reading TOML on Python < 3.11 needs the tomli package (pip install tomli)")
    try:
        return loads(text)
    except error_type as error:  # type: ignore[misc]
        raise ConfigError(f"{source}: invalid TOML: {error}") from None


def _read_toml(path: str) -> dict:
    from v2lint import safe_io

    try:  # a regular file of bounded size: a FIFO or /dev/zero named pyproject.toml cannot hang the run
        text = safe_io.read_text(path, safe_io.MAX_CONFIG_BYTES)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    return _parse_toml(text, path)


def _tool_table(document: dict, path: str) -> dict | None:
    tool = document.get("tool")
    table = tool.get("v2lint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.v2lint] must be a table")
    return table


def _peek(path: str) -> str:
    """The file's text, cheaply, to skip parsing pyproject.toml files that cannot name v2lint."""
    from v2lint import safe_io

    try:
        return safe_io.read_text(path, safe_io.MAX_CONFIG_BYTES, errors="replace")
    except OSError:
        return ""


@dataclass
class Config:
    """Resolved settings of one run."""

    path: str | None = None  # the configuration file, if any
    root: str = field(default_factory=os.getcwd)  # what relative globs and paths in it are relative to
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str | None = None
    baseline: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # key -> where its value came from

    def exclude_rules(self) -> list:
        from v2lint.discovery import parse_ignore_line

        rules = (parse_ignore_line(p, self.root) for p in self.exclude + self.extend_exclude)
        return [rule for rule in rules if rule is not None]

    @property
    def baseline_path(self) -> str | None:
        return os.path.join(self.root, self.baseline) if self.baseline else None

    def apply(self, table: dict, source: str, header: str) -> None:
        """Validate ``table`` (from ``source``) and take its values."""
        for key, value in table.items():
            setting = SETTINGS.get(key)
            if setting is None:
                raise ConfigError(f"{source}: unknown setting {header}{key!r}{did_you_mean(key, SETTINGS)}; "
                                  f"known: {', '.join(SETTINGS)}")
            setattr(self, setting.attribute, setting.parse(value, f"{source}: {header}{key}"))
            self.sources[key] = source

    def show(self) -> str:
        """``--show-settings``: every setting, its value and where the value came from (valid TOML)."""
        lines = [f"# Settings path: {self.path or '(none: defaults)'}", f"# Project root: {self.root}",
                 "[tool.v2lint]"]
        for key, setting in SETTINGS.items():
            value = getattr(self, setting.attribute)
            origin = self.sources.get(key, "default")
            if value is None:
                value = {"select": [_ALL], "fail-on": "replacement"}.get(key)
            lines.append(f"{key} = {_toml(value)}  # {origin}" if value is not None else f"# {key}: not set")
        return "\n".join(lines) + "\n"


class Resolver:
    """The settings of every file, as ruff finds them: each file has those of the closest
    ``pyproject.toml`` with a ``[tool.v2lint]`` table at or above it (hierarchical: a monorepo's
    packages keep their own), or the defaults; ``--config FILE`` and ``--isolated`` give all files
    one configuration. ``--config 'KEY = VALUE'`` overrides apply to every configuration."""

    def __init__(self, config_args: Iterable[str] = (), isolated: bool = False) -> None:
        files, self.inline = [], []
        for value in config_args:
            (files if os.path.isfile(value) else self.inline).append(value)
        if len(files) > 1:
            raise ConfigError(f"--config: only one configuration file at a time ({', '.join(files)})")
        if isolated and files:
            raise ConfigError(f"--config {files[0]} and --isolated contradict each other")
        for value in self.inline:
            if "=" not in value:
                raise ConfigError(f"--config {value!r}: no such file, and not a KEY = VALUE setting")
        self.fixed: Config | None = None
        if files:
            path = os.path.abspath(files[0])
            document = _read_toml(path)
            # the root stays the current directory, as ruff does with --config
            if os.path.basename(path) == "pyproject.toml":
                self.fixed = self._config(path, os.getcwd(), _tool_table(document, path) or {}, "[tool.v2lint] ")
            else:
                self.fixed = self._config(path, os.getcwd(), document, "")
        elif isolated:
            self.fixed = self._config(None, os.getcwd(), {}, "")
        self._by_directory: dict[str, Config] = {}
        self._default: Config | None = None

    def _config(self, path: str | None, root: str, table: dict, header: str) -> Config:
        config = Config(path=path, root=root)
        if path is not None:
            config.apply(table, path, header)
        for value in self.inline:
            config.apply(_parse_toml(value, f"--config {value!r}"), f"--config {value!r}", "")
        return config

    def for_directory(self, directory: str) -> Config:
        """The settings of the files in ``directory`` (absolute)."""
        if self.fixed is not None:
            return self.fixed
        found = self._by_directory.get(directory)
        if found is None:
            candidate = os.path.join(directory, "pyproject.toml")
            table = None
            if os.path.isfile(candidate) and "v2lint" in _peek(candidate):
                table = _tool_table(_read_toml(candidate), candidate)
            parent = os.path.dirname(directory)
            if table is not None:
                found = self._config(candidate, directory, table, "[tool.v2lint] ")
            elif parent != directory:
                found = self.for_directory(parent)
            else:
                if self._default is None:
                    self._default = self._config(None, os.getcwd(), {}, "")
                found = self._default
            self._by_directory[directory] = found
        return found

    def for_file(self, path: str) -> Config:
        return self.for_directory(os.path.dirname(os.path.abspath(path)))


def load(start: str, config_args: Iterable[str] = (), isolated: bool = False) -> Config:
    """The settings for paths under ``start`` (the directory itself): discovered or ``--config``
    file, then inline overrides."""
    directory = os.path.abspath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    return Resolver(config_args, isolated).for_directory(directory)
