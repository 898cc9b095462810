"""The hook, installed and run by the real pre-commit, as a user's repository would run it.

Slow (pre-commit builds the hook's virtual environment with pip); deselect with -m "not e2e".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PROJECT_ROOT

pytestmark = pytest.mark.e2e

BROKEN = "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n"
FIXED = "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n"
CLEAN = "FROM alpine:3.20\nRUN echo ok\n"


def _git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout.strip()


def _working_tree_files() -> list[str]:
    """Tracked and untracked-but-not-ignored files: the working tree as a commit would have it."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
    )  # fmt: skip
    if listed.returncode != 0:
        pytest.fail("the project must be a git checkout for the pre-commit test")
    return [name for name in listed.stdout.split("\0") if name and (PROJECT_ROOT / name).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding a copy of this working tree, committed, and that commit."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in _working_tree_files():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT_ROOT / name, target)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo, _git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    env.pop("PRE_COMMIT_COLOR", None)
    return env


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def test_hook_fails_on_a_finding_and_passes_once_fixed(
    tmp_path: Path, hook_repo: tuple[Path, str], environment: dict[str, str]
) -> None:
    repo, rev = hook_repo
    user = tmp_path / "user"
    (user / "services" / "api").mkdir(parents=True)
    (user / "services" / "api" / "Dockerfile").write_text(BROKEN)
    (user / "worker.Dockerfile").write_text(CLEAN)
    (user / "README.md").write_text("FROM nothing\n")
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: dslint\n"
    )
    _git(user, "init", "-q")
    _git(user, "add", "-A")
    _git(user, "commit", "-q", "-m", "init")

    failed = _pre_commit(user, environment, "run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "dslint" in failed.stdout and "Failed" in failed.stdout
    assert "services/api/Dockerfile:3:13: DS002 --from=biuld names no stage" in failed.stdout
    assert "worker.Dockerfile" not in failed.stdout and "README.md" not in failed.stdout

    (user / "services" / "api" / "Dockerfile").write_text(FIXED)
    _git(user, "commit", "-q", "-am", "fix")
    passed = _pre_commit(user, environment, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_try_repo_on_this_checkout(tmp_path: Path, hook_repo: tuple[Path, str], environment: dict[str, str]) -> None:
    repo, rev = hook_repo
    user = tmp_path / "user"
    user.mkdir()
    (user / "Dockerfile").write_text(BROKEN)
    _git(user, "init", "-q")
    _git(user, "add", "-A")
    tried = _pre_commit(user, environment, "try-repo", str(repo), "dslint", "--ref", rev, "--all-files")
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert "Dockerfile:3:13: DS002" in tried.stdout


def test_files_pattern_and_args_from_the_readme(
    tmp_path: Path, hook_repo: tuple[Path, str], environment: dict[str, str]
) -> None:
    import re

    readme = (PROJECT_ROOT / "README.md").read_text()
    snippet = re.search(r"      - id: dslint\n        types: \[file\]\n.*?\n```", readme, re.DOTALL)
    assert snippet is not None
    repo, rev = hook_repo
    user = tmp_path / "user"
    user.mkdir()
    (user / "app.dockerfile").write_text(BROKEN)
    (user / "Dockerfile-dev").write_text("FROM alpine:3.20 AS test\nFROM alpine:3.20\n")
    (user / "notes.txt").write_text(BROKEN)
    hooks = snippet.group(0).removesuffix("```")
    (user / ".pre-commit-config.yaml").write_text(f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n{hooks}")
    _git(user, "init", "-q")
    _git(user, "add", "-A")
    result = _pre_commit(user, environment, "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "app.dockerfile:3:13: DS002" in result.stdout
    assert "Dockerfile-dev" not in result.stdout  # --target test from args: nothing to report there
    assert "notes.txt" not in result.stdout
