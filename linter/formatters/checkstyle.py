from __future__ import annotations

from typing import Sequence

from ..findings import Finding, Severity
from ._base import Formatter, xml_text

CHECKSTYLE_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info", Severity.STYLE: "info"}


class CheckstyleFormatter(Formatter):
    """Checkstyle XML, one <file> per linted file, as Jenkins' Warnings plugin and others read it."""

    def start(self) -> None:
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n')

    def handle_file(self, path: str, findings: Sequence[Finding], lines: Sequence[str]) -> None:
        if not findings:
            self.stream.write(f'  <file name="{xml_text(path)}"/>\n')
            return
        self.stream.write(f'  <file name="{xml_text(path)}">\n')
        for finding in findings:
            self.stream.write(
                f'    <error line="{finding.line}" column="{finding.column}" '
                f'severity="{CHECKSTYLE_SEVERITY[finding.severity]}" '
                f'message="{xml_text(finding.message)}" source="dslint.{finding.code}.{finding.name}"/>\n'
            )
        self.stream.write("  </file>\n")

    def finish(self) -> None:
        self.stream.write("</checkstyle>\n")


FORMATTER = CheckstyleFormatter
