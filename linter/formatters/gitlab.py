from __future__ import annotations

import hashlib
import json
from typing import Sequence

from ..findings import Finding, Severity
from ._base import Formatter

GITLAB_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "minor", Severity.STYLE: "info"}


def fingerprint(finding: Finding) -> str:
    """Stable across runs and unique per finding: a hash of where it is and what it says."""
    key = "\0".join((finding.path, finding.code, str(finding.line), str(finding.column), finding.message))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class GitlabFormatter(Formatter):
    """GitLab Code Quality: a JSON array shown in merge-request widgets."""

    def start(self) -> None:
        self.count = 0
        self.stream.write("[")

    def handle(self, finding: Finding, lines: Sequence[str]) -> None:
        issue = {
            "description": f"{finding.code} {finding.message}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint(finding),
            "severity": GITLAB_SEVERITY[finding.severity],
            "location": {"path": finding.path, "lines": {"begin": finding.line, "end": finding.end_line}},
        }
        self.stream.write((",\n  " if self.count else "\n  ") + json.dumps(issue, ensure_ascii=False))
        self.count += 1

    def finish(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")


FORMATTER = GitlabFormatter
