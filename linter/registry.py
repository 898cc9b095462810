"""All rules of a run: the built-ins plus third-party rules from the ``dslint.rules`` entry points."""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

from .errors import PluginError
from .rules import BUILTIN_RULES, Rule

ENTRY_POINT_GROUP = "dslint.rules"
CODE_PATTERN = re.compile(r"^[A-Z]{1,3}[0-9]{1,3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

# Codes that were renamed; a released code is never reused for another rule.
REDIRECTS: dict[str, str] = {}


class Plugin(NamedTuple):
    package: str
    version: str
    rule: type[Rule]


def _declares_plugins() -> bool:
    """Whether any installed distribution declares a dslint rule.

    importlib.metadata costs more start-up time than the whole lint of a small Dockerfile, so a
    plain scan of the entry-point files on sys.path decides first whether it is needed.
    """
    marker = "[" + ENTRY_POINT_GROUP + "]"
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                names = [item.name for item in listing if item.name.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(entry or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                    if marker in handle.read():
                        return True
            except (OSError, UnicodeDecodeError):
                continue
    return False


def _entry_points() -> list[tuple[str, str, Any]]:
    """(package, version, entry point) for each ``dslint.rules`` entry point.

    Walks the distributions rather than ``entry_points()``, because on Python 3.9 an entry point
    does not know the package that declares it, and errors must name the package.
    """
    if not _declares_plugins():
        return []
    from importlib import metadata

    found: dict[tuple[str, str], tuple[str, str, Any]] = {}
    for dist in metadata.distributions():
        for entry_point in dist.entry_points:
            if entry_point.group == ENTRY_POINT_GROUP:
                package = dist.metadata["Name"]
                # The first of a distribution seen twice on sys.path wins, as for imports.
                found.setdefault((package, entry_point.name), (package, dist.version, entry_point))
    return list(found.values())


@lru_cache(maxsize=1)
def plugins() -> tuple[Plugin, ...]:
    loaded = []
    for package, version, entry_point in _entry_points():
        try:
            rule = entry_point.load()
        except Exception as err:  # a broken plugin must not crash the run with a traceback
            raise PluginError(f"plugin {package}: cannot load {entry_point.value}: {err}") from err
        loaded.append(Plugin(package, version, rule))
    return tuple(loaded)


def validate(rules: Iterable[tuple[str, type[Rule]]]) -> tuple[type[Rule], ...]:
    """Check each (origin, rule class); a bad or duplicate rule is a PluginError."""
    seen: dict[str, str] = {}
    valid = []
    for origin, rule in rules:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise PluginError(f"plugin {origin}: {rule!r} is not a subclass of linter.Rule")
        if not CODE_PATTERN.match(rule.code):
            raise PluginError(f"plugin {origin}: rule code {rule.code!r} does not match {CODE_PATTERN.pattern}")
        if not NAME_PATTERN.match(rule.name):
            raise PluginError(f"plugin {origin}: rule name {rule.name!r} is not kebab-case")
        if rule.code in seen or rule.code in REDIRECTS:
            raise PluginError(f"plugin {origin}: rule code {rule.code} is already used by {seen.get(rule.code, 'a retired rule')}")
        seen[rule.code] = origin
        valid.append(rule)
    return tuple(valid)


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    third_party = [(plugin.package, plugin.rule) for plugin in plugins()]
    if not third_party:
        return BUILTIN_RULES  # checked by the rule contract tests, not on every start
    return validate([("dslint", rule) for rule in BUILTIN_RULES] + third_party)


def rule_by_code(code: str) -> type[Rule] | None:
    code = REDIRECTS.get(code.upper(), code.upper())
    for rule in all_rules():
        if rule.code == code:
            return rule
    return None
