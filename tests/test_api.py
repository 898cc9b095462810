"""The public Python API: lint_text and lint_paths."""

from __future__ import annotations

from pathlib import Path

import pytest

import linter
from linter import DslintError, Severity, lint_paths, lint_text

from .conftest import PROJECT_ROOT


def test_lint_text_returns_sorted_findings_with_positions() -> None:
    findings = lint_text("FROM node\nFROM node:20 AS a\nFROM a\n", path="x/Dockerfile")
    assert [(f.path, f.code, f.line, f.column, f.severity) for f in findings] == [
        ("x/Dockerfile", "DS001", 1, 1, Severity.WARNING),
        ("x/Dockerfile", "DS003", 1, 6, Severity.WARNING),
    ]


def test_lint_text_accepts_bytes_and_options() -> None:
    assert lint_text(b"FROM node:20 AS test\nFROM node:20\n", targets=["test"]) == []


def test_lint_paths_walks_directories(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "Containerfile").write_text("FROM node\n")
    (tmp_path / "b.dockerfile").write_text("FROM node\n")
    (tmp_path / "README").write_text("FROM node\n")
    findings = lint_paths([str(tmp_path)])
    assert sorted(Path(f.path).name for f in findings) == ["Containerfile", "b.dockerfile"]


def test_lint_paths_raises_on_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(DslintError, match="no such file or directory"):
        lint_paths([str(tmp_path / "missing")])


def test_version_matches_pyproject() -> None:
    text = (PROJECT_ROOT / "pyproject.toml").read_text()
    assert f'version = "{linter.__version__}"' in text
