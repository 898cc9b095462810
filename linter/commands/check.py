from __future__ import annotations

from typing import Sequence, TextIO

from ..engine import Linter
from ..formatters import get as get_formatter
from ..settings import Settings


def check(
    paths: Sequence[str],
    *,
    settings: Settings,
    select: Sequence[str],
    ignore: Sequence[str],
    output_format: str,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Lint ``paths``; 1 when anything was reported, 2 when a path could not be read."""
    formatter = get_formatter(output_format)(stdout)
    linter = Linter(settings, select=select, ignore=ignore)
    found_any = False
    unreadable = False
    formatter.start()
    for result in linter.lint_paths(paths):
        if result.error is not None:
            unreadable = True
            stderr.write(f"dslint: error: {result.error}\n")
            continue
        for finding in result.findings:
            found_any = True
            formatter.handle(finding)
    formatter.finish()
    if unreadable:
        return 2
    return 1 if found_any else 0
