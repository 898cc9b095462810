"""The formatter lifecycle: start, one call per linted file, finish. Formatters only format."""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence, TextIO

from ..findings import Finding, Severity


class RuleInfo(NamedTuple):
    """What a report may say about a rule; passed in so formatters never import rules."""

    code: str
    name: str
    summary: str
    description: str  # plain text: what the rule reports
    help_markdown: str  # the rule's whole documentation
    help_uri: str
    severity: Severity


class ReportOptions(NamedTuple):
    rules: tuple[RuleInfo, ...] = ()
    version: str = ""
    information_uri: str = ""
    color: bool = False
    show_source: bool = False
    statistics: bool = False
    show_count: bool = False


class Formatter:
    def __init__(self, stream: TextIO, options: ReportOptions = ReportOptions()) -> None:
        self.stream = stream
        self.options = options

    def start(self) -> None:
        """Called once before the first file."""

    def handle_file(self, path: str, findings: Sequence[Finding], lines: Sequence[str]) -> None:
        """Called for every linted file, also those without findings; ``lines`` is its source."""
        for finding in findings:
            self.handle(finding, lines)

    def handle(self, finding: Finding, lines: Sequence[str]) -> None:
        """Called for each finding by the default ``handle_file``."""

    def finish(self) -> None:
        """Called once after the last file."""


# Compiling this class of code points takes milliseconds, so only the XML formats pay for it.
_XML_INVALID = "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def xml_text(text: str) -> str:
    """Text safe for XML 1.0: characters it cannot hold become U+FFFD, then entities are escaped."""
    from xml.sax.saxutils import escape

    return escape(re.sub(_XML_INVALID, "\ufffd", text), {'"': "&quot;"})
