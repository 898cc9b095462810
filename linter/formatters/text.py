from __future__ import annotations

from ..findings import Finding
from ._base import Formatter


class TextFormatter(Formatter):
    """flake8's ``path:line:col: CODE message``, one finding per line."""

    def handle(self, finding: Finding) -> None:
        self.stream.write(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}\n")


FORMATTER = TextFormatter
