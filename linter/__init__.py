"""dslint: a linter for multi-stage Dockerfiles that resolves stages exactly as BuildKit does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .errors import DslintError
from .findings import Finding, Severity
from .rules import LintContext, Rule

if TYPE_CHECKING:
    from .engine import Linter

__version__ = "0.1.0"

__all__ = ["DslintError", "Finding", "LintContext", "Rule", "Severity", "__version__", "lint_paths", "lint_text"]

API_OPTIONS = ("select", "ignore", "extend_select", "extend_ignore", "targets", "pin", "allowed_registries")


def _linter(options: dict[str, Any]) -> Linter:
    from .config import Configuration
    from .engine import Linter

    unknown = sorted(set(options) - set(API_OPTIONS))
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; expected some of: {', '.join(API_OPTIONS)}")
    values: dict[str, Any] = {key: value if isinstance(value, str) else tuple(value) for key, value in options.items()}
    return Linter(Configuration(**values))


def lint_text(text: str | bytes, path: str = "Dockerfile", **options: Any) -> list[Finding]:
    """Lint Dockerfile source; ``path`` only labels the findings. No config file is read.

    Options: ``targets``, ``pin``, ``allowed_registries`` (as on the command line), and
    ``select``, ``ignore``, ``extend_select``, ``extend_ignore`` (code prefixes).
    """
    return _linter(options).lint_source(text, path)


def lint_paths(paths: Iterable[str], **options: Any) -> list[Finding]:
    """Lint files and directories (searched for Dockerfiles); an unreadable path raises DslintError."""
    findings: list[Finding] = []
    for result in _linter(options).lint_paths(paths):
        if result.error is not None:
            raise DslintError(result.error)
        findings.extend(result.findings)
    return findings
