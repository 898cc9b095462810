from __future__ import annotations

from typing import TextIO

from ..registry import all_rules, plugins


def list_rules(*, stdout: TextIO) -> int:
    """A table of every rule: code, name, default severity, summary; plugins included."""
    origin = {plugin.rule: plugin.package for plugin in plugins()}
    rows = [(rule.code, rule.name, rule.default_severity.value, rule.summary(), origin.get(rule, "")) for rule in all_rules()]
    name_width = max(len(row[1]) for row in rows)
    for code, name, severity, summary, package in rows:
        suffix = f"  [{package}]" if package else ""
        stdout.write(f"{code:<6} {name:<{name_width}}  {severity:<7}  {summary}{suffix}\n")
    return 0
