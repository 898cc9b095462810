"""The formatter lifecycle: start, one call per finding, finish. Formatters only format."""

from __future__ import annotations

from typing import TextIO

from ..findings import Finding


class Formatter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def start(self) -> None:
        """Called once before any finding."""

    def handle(self, finding: Finding) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last finding."""
