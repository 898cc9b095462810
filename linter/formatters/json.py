from __future__ import annotations

import json
from typing import Sequence

from ..findings import Finding
from ._base import Formatter


class JsonFormatter(Formatter):
    """One JSON array of finding objects, written as findings arrive (memory stays flat)."""

    def start(self) -> None:
        self.count = 0
        self.stream.write("[")

    def handle(self, finding: Finding, lines: Sequence[str]) -> None:
        self.stream.write(",\n  " if self.count else "\n  ")
        self.stream.write(json.dumps(finding.as_dict(), ensure_ascii=False))
        self.count += 1

    def finish(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")


FORMATTER = JsonFormatter
