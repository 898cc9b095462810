from __future__ import annotations

from typing import TextIO

from ..errors import UsageError
from ..registry import rule_by_code


def show_rule(code: str, *, stdout: TextIO) -> int:
    """Print one rule's documentation, as in rules.md."""
    from ..docs import render_rule

    rule = rule_by_code(code)
    if rule is None:
        raise UsageError(f"unknown rule code {code!r} (see `dslint rules`)")
    stdout.write(render_rule(rule))
    return 0
