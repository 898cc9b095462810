"""Configuration: defaults, then a config file, then the command line; strict validation.

Files, first found from the current directory upwards (stopping at the repository root):
``.dslint.toml``, ``dslint.toml`` (top-level keys), ``pyproject.toml`` (``[tool.dslint]``).
Paths and patterns in a file are relative to that file's directory.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Optional, Sequence

from .errors import DslintError
from .findings import Severity
from .discovery import DeclaredTarget, discover, normalise
from .settings import PIN_LEVELS, Settings, TargetOrigin

CONFIG_FILES = (".dslint.toml", "dslint.toml", "pyproject.toml")
DEFAULT_FAIL_ON = Severity.STYLE
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class ConfigError(DslintError):
    pass


class PathPattern(NamedTuple):
    """A glob for file paths: with a ``/`` it matches the whole path, without one the file name."""

    pattern: str
    base: str

    def matches(self, path: str) -> bool:
        if "/" not in self.pattern:
            return fnmatch.fnmatchcase(os.path.basename(path), self.pattern)
        full = os.path.normpath(os.path.join(self.base, self.pattern))
        absolute = os.path.normpath(os.path.abspath(path))
        return fnmatch.fnmatchcase(absolute, full) or fnmatch.fnmatchcase(absolute, os.path.join(full, "*"))

    def __str__(self) -> str:
        return self.pattern


class Configuration(NamedTuple):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = DEFAULT_FAIL_ON
    exit_zero: bool = False
    targets: tuple[str, ...] = ()
    per_file_targets: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    pin: str = "tag"
    allowed_registries: tuple[str, ...] = ()
    exclude: tuple[PathPattern, ...] = ()
    extend_exclude: tuple[PathPattern, ...] = ()
    force_exclude: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    discover_targets: bool = True
    declared_targets: tuple[DeclaredTarget, ...] = ()
    config_file: Optional[str] = None
    sources: Mapping[str, str] = MappingProxyType({})  # setting key -> where its value came from

    @property
    def selected(self) -> tuple[str, ...]:
        return self.select + self.extend_select

    @property
    def ignored(self) -> tuple[str, ...]:
        return self.ignore + self.extend_ignore

    def settings_for(self, path: str) -> Settings:
        targets_source = self.sources.get("targets", "command line")
        general = "--target" if targets_source == "command line" else f"targets in {_short(targets_source)}"
        origins = [TargetOrigin(name, general) for name in self.targets]
        for pattern, names in self.per_file_targets:
            if pattern.matches(path):
                origins += [TargetOrigin(name, f"per-file-targets in {_short(self.sources['per-file-targets'])}") for name in names]
        if self.declared_targets:
            here = normalise(path)
            origins += [
                TargetOrigin(found.target, found.origin, found.source, found.line, found.column)
                for found in self.declared_targets
                if found.dockerfile == here
            ]
        names = tuple(dict.fromkeys(origin.name for origin in origins))
        return Settings(
            targets=names, pin=self.pin, allowed_registries=self.allowed_registries, target_origins=tuple(origins)
        )

    def ignored_codes_for(self, path: str) -> tuple[str, ...]:
        return tuple(code for pattern, codes in self.per_file_ignores if pattern.matches(path) for code in codes)

    def is_excluded(self, path: str) -> bool:
        return any(pattern.matches(path) for pattern in self.exclude + self.extend_exclude)

    def is_excluded_explicitly(self, path: str) -> bool:
        """For a path named on the command line: it, or a folder it is in below here, is excluded."""
        relative = os.path.relpath(path)
        if relative.startswith(os.pardir):
            return self.is_excluded(path)
        parts = relative.split(os.sep)
        return any(self.is_excluded(os.path.join(*parts[: end + 1])) for end in range(len(parts)))


# --- validation -------------------------------------------------------------------------------


class _Reader:
    """Validates raw values for one source; messages name the source and the key."""

    def __init__(self, source: str, base: str, known_codes: Sequence[str]) -> None:
        self.source = source
        self.base = base
        self.known_codes = known_codes

    def fail(self, key: str, expected: str, value: Any) -> ConfigError:
        return ConfigError(f"{self.source}: {key}: expected {expected}, got {value!r}")

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings", value)
        return tuple(value)

    def codes(self, key: str, value: Any) -> tuple[str, ...]:
        codes = tuple(code.strip().upper() for code in self.strings(key, value))
        for code in codes:
            if not code or not any(known.startswith(code) for known in self.known_codes):
                raise self.fail(key, "rule codes or code prefixes such as DS001 or DS00", code)
        return codes

    def level(self, key: str, value: Any) -> Severity:
        if not isinstance(value, str):
            raise self.fail(key, "one of error, warning, info, style", value)
        try:
            return Severity.parse(value)
        except ValueError:
            raise self.fail(key, "one of error, warning, info, style", value) from None

    def boolean(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, "true or false", value)
        return value

    def size(self, key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(key, "a positive number of bytes", value)
        return value

    def pin(self, key: str, value: Any) -> str:
        if value not in PIN_LEVELS:
            raise self.fail(key, " or ".join(PIN_LEVELS), value)
        return str(value)

    def patterns(self, key: str, value: Any) -> tuple[PathPattern, ...]:
        return tuple(PathPattern(pattern, self.base) for pattern in self.strings(key, value))

    def table(self, key: str, value: Any) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(key, "a table", value)
        return value

    def per_file(self, key: str, value: Any, item: Callable[[str, Any], tuple[str, ...]]) -> tuple[Any, ...]:
        return tuple(
            (PathPattern(pattern, self.base), item(f"{key}.{pattern}", entries))
            for pattern, entries in self.table(key, value).items()
        )

    def severities(self, key: str, value: Any) -> tuple[tuple[str, Severity], ...]:
        result = []
        for code, level in self.table(key, value).items():
            if code.upper() not in self.known_codes:
                raise self.fail(key, "a table of rule codes (e.g. DS003 = \"error\")", code)
            result.append((code.upper(), self.level(f"{key}.{code}", level)))
        return tuple(result)


# key in files -> (attribute, how to read it)
_KEYS: dict[str, tuple[str, Callable[[_Reader, str, Any], Any]]] = {
    "select": ("select", _Reader.codes),
    "ignore": ("ignore", _Reader.codes),
    "extend-select": ("extend_select", _Reader.codes),
    "extend-ignore": ("extend_ignore", _Reader.codes),
    "per-file-ignores": ("per_file_ignores", lambda r, k, v: r.per_file(k, v, r.codes)),
    "severity": ("severity", _Reader.severities),
    "fail-on": ("fail_on", _Reader.level),
    "exit-zero": ("exit_zero", _Reader.boolean),
    "targets": ("targets", _Reader.strings),
    "per-file-targets": ("per_file_targets", lambda r, k, v: r.per_file(k, v, r.strings)),
    "pin": ("pin", _Reader.pin),
    "allowed-registries": ("allowed_registries", _Reader.strings),
    "exclude": ("exclude", _Reader.patterns),
    "extend-exclude": ("extend_exclude", _Reader.patterns),
    "force-exclude": ("force_exclude", _Reader.boolean),
    "max-file-size": ("max_file_size", _Reader.size),
    "discover-targets": ("discover_targets", _Reader.boolean),
}
CONFIG_KEYS = tuple(_KEYS)
_TABLE_KEYS = frozenset({"per-file-ignores", "severity", "per-file-targets"})


def _apply(config: Configuration, raw: Mapping[str, Any], reader: _Reader) -> Configuration:
    changes: dict[str, Any] = {}
    sources = dict(config.sources)
    for key, value in raw.items():
        if key not in _KEYS:
            import difflib

            close = difflib.get_close_matches(key, CONFIG_KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{reader.source}: unknown key {key!r}{hint}; known keys: {', '.join(CONFIG_KEYS)}")
        attribute, read = _KEYS[key]
        changes[attribute] = read(reader, key, value)
        sources[key] = reader.source
    return config._replace(**changes, sources=sources)


# --- finding and reading files ------------------------------------------------------------------


def _load_toml(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.9 and 3.10; the 3.9 run of .ci/run goes through here
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None


def _table_in(path: str, data: dict[str, Any]) -> Optional[Mapping[str, Any]]:
    if os.path.basename(path) != "pyproject.toml":
        return data
    tool = data.get("tool")
    table = tool.get("dslint") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.dslint] must be a table")
    return table


def _upwards(start: str) -> Iterator[str]:
    """``start`` and each folder above it, up to the filesystem root."""
    directory = os.path.abspath(start)
    while True:
        yield directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


def _is_repository_root(directory: str) -> bool:
    return os.path.exists(os.path.join(directory, ".git"))


def find_config_file(start: str) -> Optional[str]:
    """The first config file from ``start`` upwards; the search stops at a repository root."""
    for directory in _upwards(start):
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _table_in(candidate, _load_toml(candidate)) is not None:
                    return candidate
        if _is_repository_root(directory):
            return None
    return None


def load(
    command_line: Mapping[str, Any],
    known_codes: Iterable[str],
    *,
    config_file: Optional[str] = None,
    isolated: bool = False,
    cwd: Optional[str] = None,
    warn: Optional[Callable[[str], None]] = None,
) -> Configuration:
    """Defaults, then the config file (unless ``isolated``), then ``command_line`` (file-style keys)."""
    codes = tuple(known_codes)
    cwd = cwd or os.getcwd()
    config = Configuration(sources={key: "default" for key in CONFIG_KEYS})
    path = None if isolated else (config_file or find_config_file(cwd))
    if path is not None:
        if config_file is not None and not os.path.isfile(path):
            raise ConfigError(f"{path}: config file not found")
        table = _table_in(path, _load_toml(path))
        if table is None:
            raise ConfigError(f"{path}: no [tool.dslint] table")
        config = _apply(config, table, _Reader(path, os.path.dirname(os.path.abspath(path)), codes))
        config = config._replace(config_file=path)
    given = {key: value for key, value in command_line.items() if value is not None}
    config = _apply(config, given, _Reader("command line", cwd, codes))
    if config.discover_targets:
        root = os.path.dirname(os.path.abspath(path)) if path else (_repository_root(cwd) or cwd)
        config = config._replace(declared_targets=tuple(discover(root, warn or (lambda message: None))))
    return config


def _repository_root(start: str) -> Optional[str]:
    return next((directory for directory in _upwards(start) if _is_repository_root(directory)), None)


def _short(source: str) -> str:
    relative = os.path.relpath(source) if os.path.isabs(source) else source
    return source if relative.startswith(os.pardir) else relative


def describe(config: Configuration) -> str:
    """Every setting in effect and where it came from (``dslint config``)."""
    lines = [f"# config file: {config.config_file or 'none'}"]
    for key, (attribute, _) in _KEYS.items():
        value = getattr(config, attribute)
        shown = "{}" if key in _TABLE_KEYS and not value else _show(value)
        lines.append(f"{key} = {shown}  # {config.sources.get(key, 'default')}")
    for found in config.declared_targets:
        lines.append(f"# discovered target {found.target!r} for {_short(found.dockerfile)} at {found.origin}")
    return "\n".join(lines) + "\n"


def _show(value: Any) -> str:
    if isinstance(value, Severity):
        return f'"{value.value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return "{" + ", ".join(f'"{key}" = {_show(entry)}' for key, entry in value) + "}"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(item) if not isinstance(item, PathPattern) else f'"{item}"' for item in value) + "]"
    return str(value)
