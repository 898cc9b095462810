from __future__ import annotations

import json
import os
from typing import Sequence
from urllib.parse import quote

from ..findings import Finding, Severity
from ._base import Formatter

SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.STYLE: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A repository-relative URI: relative to the working directory, as CI runs from the checkout root."""
    relative = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    if relative.startswith(os.pardir):
        return "file://" + quote(os.path.abspath(path).replace(os.sep, "/"))
    return quote(relative.replace(os.sep, "/"))


class SarifFormatter(Formatter):
    """SARIF 2.1.0 for GitHub code scanning: rule metadata up front, results as they arrive."""

    def start(self) -> None:
        self.index = {rule.code: position for position, rule in enumerate(self.options.rules)}
        self.count = 0
        rules = [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.description},
                "help": {"text": f"{rule.summary} See {rule.help_uri}", "markdown": rule.help_markdown},
                "helpUri": rule.help_uri,
                "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
            }
            for rule in self.options.rules
        ]
        driver = {
            "name": "dslint",
            "version": self.options.version,
            "semanticVersion": self.options.version,
            "informationUri": self.options.information_uri,
            "rules": rules,
        }
        # The header is written now and each result as it comes, so memory does not grow with them.
        self.stream.write(
            f'{{\n  "$schema": "{SCHEMA_URI}",\n  "version": "2.1.0",\n  "runs": [{{\n'
            f'  "tool": {{"driver": {json.dumps(driver, ensure_ascii=False, indent=2)}}},\n'
            '  "columnKind": "unicodeCodePoints",\n  "results": ['
        )

    def handle(self, finding: Finding, lines: Sequence[str]) -> None:
        result: dict[str, object] = {"ruleId": finding.code}
        if finding.code in self.index:
            result["ruleIndex"] = self.index[finding.code]
        result.update(
            level=SARIF_LEVEL[finding.severity],
            message={"text": finding.message},
            locations=[
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(finding.path)},
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column,
                        },
                    }
                }
            ],
        )
        text = json.dumps(result, ensure_ascii=False)
        self.stream.write(("," if self.count else "") + "\n    " + text)
        self.count += 1

    def finish(self) -> None:
        self.stream.write(("\n  " if self.count else "") + "]\n  }]\n}\n")


FORMATTER = SarifFormatter
