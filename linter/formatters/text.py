from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..findings import Finding, Severity
from ._base import Formatter

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m", Severity.STYLE: "\033[1;35m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


class TextFormatter(Formatter):
    """flake8's ``path:line:col: CODE message``; optionally the source line, statistics, a count."""

    def start(self) -> None:
        self.counts: Counter[str] = Counter()
        self.names: dict[str, str] = {}

    def _paint(self, text: str, color: str) -> str:
        return f"{color}{text}{_RESET}" if self.options.color else text

    def handle(self, finding: Finding, lines: Sequence[str]) -> None:
        self.counts[finding.code] += 1
        self.names[finding.code] = finding.name
        location = self._paint(f"{finding.path}:{finding.line}:{finding.column}:", _BOLD)
        code = self._paint(finding.code, _COLORS[finding.severity])
        self.stream.write(f"{location} {code} {finding.message}\n")
        if self.options.show_source and 0 < finding.line <= len(lines):
            source = lines[finding.line - 1].rstrip("\r")
            # Tabs stay tabs so that the caret lines up under them in any terminal.
            padding = "".join(ch if ch == "\t" else " " for ch in source[: finding.column - 1])
            self.stream.write(f"    {source}\n    {padding}{self._paint('^', _COLORS[finding.severity])}\n")

    def finish(self) -> None:
        if self.options.statistics:
            for code in sorted(self.counts):
                self.stream.write(f"{self.counts[code]:<5} {code} {self.names[code]}\n")
        if self.options.show_count:
            self.stream.write(f"{sum(self.counts.values())}\n")


FORMATTER = TextFormatter
