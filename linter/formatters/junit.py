from __future__ import annotations

from typing import Sequence

from ..findings import Finding
from ._base import Formatter, xml_text


class JunitFormatter(Formatter):
    """JUnit XML: one test case per linted file, failing with its findings.

    The totals belong in the <testsuite> attributes, so test cases are kept until the end.
    """

    def start(self) -> None:
        self.cases: list[str] = []
        self.failures = 0

    def handle_file(self, path: str, findings: Sequence[Finding], lines: Sequence[str]) -> None:
        name = xml_text(path)
        if not findings:
            self.cases.append(f'    <testcase name="{name}" classname="dslint"/>\n')
            return
        self.failures += 1
        body = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings)
        plural = "s" if len(findings) > 1 else ""
        self.cases.append(
            f'    <testcase name="{name}" classname="dslint">\n'
            f'      <failure message="{len(findings)} finding{plural}" type="dslint">{xml_text(body)}</failure>\n'
            "    </testcase>\n"
        )

    def finish(self) -> None:
        write = self.stream.write
        write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n')
        write(f'  <testsuite name="dslint" tests="{len(self.cases)}" failures="{self.failures}" errors="0">\n')
        for case in self.cases:
            write(case)
        write("  </testsuite>\n</testsuites>\n")


FORMATTER = JunitFormatter
