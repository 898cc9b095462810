"""dslint: a linter for multi-stage Dockerfiles that resolves stages exactly as BuildKit does."""

from __future__ import annotations

from typing import Iterable, Sequence

from .errors import DslintError
from .findings import Finding, Severity
from .rules import LintContext, Rule

__version__ = "0.1.0"

__all__ = ["DslintError", "Finding", "LintContext", "Rule", "Severity", "__version__", "lint_paths", "lint_text"]


def _linter(targets: Sequence[str], pin: str, select: Iterable[str], ignore: Iterable[str]):  # type: ignore[no-untyped-def]
    from .engine import Linter
    from .settings import Settings

    return Linter(Settings(targets=tuple(targets), pin=pin), select=select, ignore=ignore)


def lint_text(
    text: str | bytes,
    path: str = "Dockerfile",
    *,
    targets: Sequence[str] = (),
    pin: str = "tag",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Lint Dockerfile source; ``path`` only labels the findings."""
    return _linter(targets, pin, select, ignore).lint_source(text, path)


def lint_paths(
    paths: Iterable[str],
    *,
    targets: Sequence[str] = (),
    pin: str = "tag",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Lint files and directories (searched for Dockerfiles); an unreadable path raises DslintError."""
    findings: list[Finding] = []
    for result in _linter(targets, pin, select, ignore).lint_paths(paths):
        if result.error is not None:
            raise DslintError(result.error)
        findings.extend(result.findings)
    return findings
