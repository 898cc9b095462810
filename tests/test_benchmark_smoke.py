"""The benchmark script runs end to end on a tiny corpus (no timing is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import PROJECT_ROOT


def test_benchmark_runs_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        import run as benchmark
    finally:
        sys.path.remove(str(PROJECT_ROOT / "benchmarks"))
    assert benchmark.main(["--files", "4", "--large-files", "8", "--runs", "1", "--workdir", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    assert "| one Dockerfile |" in report
    assert "| 4 files, one invocation |" in report and "| 8 files, one invocation |" in report
    assert "files/s" in report and "10,000 chained stages" in report
    assert len(list((tmp_path / "large").rglob("*.Dockerfile"))) == 8


def test_corpus_is_reproducible(tmp_path: Path) -> None:
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        from corpus import write_corpus
    finally:
        sys.path.remove(str(PROJECT_ROOT / "benchmarks"))
    first = [p.read_text() for p in write_corpus(tmp_path / "a", 20, seed=3)]
    second = [p.read_text() for p in write_corpus(tmp_path / "b", 20, seed=3)]
    assert first == second
    assert any("<<EOF" in text for text in first) and any("--mount=type=cache" in text for text in first)
