from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from linter import Finding, lint_text

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


def dockerfile(text: str) -> str:
    """Dedent a test Dockerfile written inside a Python string."""
    return textwrap.dedent(text).lstrip("\n")


def lint(text: str, **options: object) -> list[Finding]:
    return lint_text(dockerfile(text), "Dockerfile", **options)  # type: ignore[arg-type]


def located(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(finding.code, finding.line, finding.column) for finding in findings]


@pytest.fixture(scope="session")
def conformance_dir() -> Path:
    path = SHARED / "conformance"
    if not path.is_dir():
        pytest.fail(f"BuildKit conformance data not found at {path}: clone the project beside ../shared")
    return path
