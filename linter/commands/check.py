from __future__ import annotations

from typing import Sequence, TextIO

from ..config import Configuration
from ..engine import Linter
from ..formatters import get as get_formatter


def check(paths: Sequence[str], *, config: Configuration, output_format: str, stdout: TextIO, stderr: TextIO) -> int:
    """Lint ``paths``: 2 when a path could not be read, 1 when a finding reaches ``fail-on``, else 0."""
    formatter = get_formatter(output_format)(stdout)
    linter = Linter(config)
    failing = False
    unreadable = False
    formatter.start()
    for result in linter.lint_paths(paths):
        if result.error is not None:
            unreadable = True
            stderr.write(f"dslint: error: {result.error}\n")
            continue
        for finding in result.findings:
            failing = failing or finding.severity.rank >= config.fail_on.rank
            formatter.handle(finding)
    formatter.finish()
    if unreadable:
        return 2
    return 1 if failing and not config.exit_zero else 0
