"""Parser directives: ``# syntax=``, ``# escape=`` and ``# check=`` at the very top of the file."""

from __future__ import annotations

import re
from typing import Optional

from .instructions import Directive

KNOWN_DIRECTIVES = frozenset({"syntax", "escape", "check"})
ESCAPE_TOKENS = ("\\", "`")

# Go's \s is ASCII [\t\n\f\r ], without \v.
_DIRECTIVE = re.compile(r"^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$")


class DirectiveError(ValueError):
    pass


class DirectiveReader:
    """Reads directives until the first line that is not one (a blank line counts)."""

    def __init__(self) -> None:
        self.done = False
        self.found: list[Directive] = []

    def feed(self, text: str, line: int) -> Optional[Directive]:
        if self.done:
            return None
        match = _DIRECTIVE.match(text)
        if match is None or match.group(1).lower() not in KNOWN_DIRECTIVES:
            self.done = True
            return None
        name = match.group(1).lower()
        if any(seen.name == name for seen in self.found):
            raise DirectiveError(f"only one {name} parser directive can be used")
        value = match.group(2)
        if name == "escape" and value not in ESCAPE_TOKENS:
            raise DirectiveError(f"invalid escape token '{value}' does not match ` or \\")
        directive = Directive(name, value, line)
        self.found.append(directive)
        return directive
