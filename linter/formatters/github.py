from __future__ import annotations

from typing import Sequence

from ..findings import Finding, Severity
from ._base import Formatter

GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice", Severity.STYLE: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

    def handle(self, finding: Finding, lines: Sequence[str]) -> None:
        properties = [f"file={_property(finding.path)}", f"line={finding.line}"]
        if finding.end_line == finding.line:
            properties.append(f"col={finding.column}")
        properties.append(f"endLine={finding.end_line}")
        if finding.end_line == finding.line:
            properties.append(f"endColumn={finding.end_column}")
        properties.append(f"title={_property(f'{finding.code} {finding.name}')}")
        self.stream.write(f"::{GITHUB_COMMAND[finding.severity]} {','.join(properties)}::{_data(finding.message)}\n")


FORMATTER = GithubFormatter
