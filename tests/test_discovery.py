"""Build targets read from Compose, Bake (HCL and JSON) and GitHub Actions workflow files."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from linter.cli import main
from linter.discovery import DiscoveryProblem, bake, compose, discover, workflows

APP = "FROM golang:1.22 AS deps\nFROM deps AS build\nFROM deps AS test\nFROM deps AS lint\nFROM alpine:3.20 AS debug\nFROM alpine:3.20\nCOPY --from=build /a /a\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "services" / "api").mkdir(parents=True)
    (tmp_path / "services" / "api" / "Dockerfile").write_text(APP)
    (tmp_path / "docker").mkdir()
    (tmp_path / "docker" / "worker.Dockerfile").write_text(APP)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def targets_by_file(root: Path) -> dict[tuple[str, str], tuple[int, int]]:
    return {
        (os.path.relpath(found.dockerfile, root), found.target): (found.line, found.column)
        for found in discover(str(root), lambda message: pytest.fail(message))
    }


COMPOSE = """\
x-build: &build
  context: ./services/api
services:
  api:
    build:
      <<: *build
      target: test
  worker:
    build:
      context: .
      dockerfile: docker/worker.Dockerfile
      target: ${WORKER_TARGET:-lint}
  web:
    build: ./services/web
  anything:
    build:
      context: services/api
      target: ${STAGE}
"""


def test_compose_targets_with_contexts_dockerfiles_anchors_and_variables(repo: Path) -> None:
    (repo / "compose.yaml").write_text(COMPOSE)
    (repo / "compose.override.yml").write_text("services:\n  api:\n    build:\n      context: services/api\n      target: debug\n")
    assert targets_by_file(repo) == {
        ("services/api/Dockerfile", "test"): (7, 15),
        ("docker/worker.Dockerfile", "lint"): (12, 15),
        ("services/api/Dockerfile", "*"): (18, 15),
        ("services/api/Dockerfile", "debug"): (5, 15),
    }


BAKE_HCL = """\
variable "TEST_STAGE" {
  default = "test"
}

target "base" {
  context = "services/api"
}

target "unit" {
  inherits = ["base"]
  target = "${TEST_STAGE}"
}

target "worker" {
  context = "."
  dockerfile = "docker/worker.Dockerfile"
  target = "lint"
}

target "image" {
  inherits = ["base"]
}
"""

BAKE_JSON = """\
{
  "variable": {"FLAVOUR": {"default": "debug"}},
  "target": {
    "base": {"context": "services/api"},
    "dbg": {
      "inherits": ["base"],
      "target": "${FLAVOUR}"
    }
  }
}
"""


def test_bake_hcl_with_inherits_and_variables(repo: Path) -> None:
    (repo / "docker-bake.hcl").write_text(BAKE_HCL)
    assert targets_by_file(repo) == {
        ("services/api/Dockerfile", "test"): (11, 3),
        ("docker/worker.Dockerfile", "lint"): (17, 3),
    }


def test_bake_json(repo: Path) -> None:
    (repo / "docker-bake.json").write_text(BAKE_JSON)
    assert targets_by_file(repo) == {("services/api/Dockerfile", "debug"): (7, 7)}


WORKFLOW = """\
name: images
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        stage: [test, lint]
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@v6
        with:
          context: services/api
          target: build
      - uses: docker/build-push-action@v6
        with:
          file: docker/worker.Dockerfile
          target: ${{ matrix.stage }}
      - name: debug image
        run: |
          echo building
          docker buildx build --platform linux/amd64 \\
            -f docker/worker.Dockerfile --target=debug --tag x:1 .
          docker build --target test services/api
"""


def test_workflow_action_steps_and_command_lines(repo: Path) -> None:
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "images.yml").write_text(WORKFLOW)
    assert targets_by_file(repo) == {
        ("services/api/Dockerfile", "build"): (14, 19),
        ("docker/worker.Dockerfile", "*"): (18, 19),
        ("docker/worker.Dockerfile", "debug"): (22, 1),
        ("services/api/Dockerfile", "test"): (23, 1),
    }


def test_discovered_targets_count_like_target_and_are_named_in_ds001(repo: Path) -> None:
    status, out, _ = run("--select", "DS001", "services/api/Dockerfile")
    assert out.count("DS001") == 3  # test, lint and debug are unused without declarations
    (repo / "compose.yaml").write_text(COMPOSE.replace("${STAGE}", "lint"))
    status, out, _ = run("--select", "DS001", "services/api/Dockerfile")
    assert [line.split(": DS001 ")[1].split(" is not")[0] for line in out.splitlines()] == ["stage 'debug'"]
    assert "or --target test (compose.yaml:7) or --target lint (compose.yaml:18)" in out
    assert run("--select", "DS001", "--no-discover-targets", "services/api/Dockerfile")[1].count("DS001") == 3


def test_target_naming_no_stage_is_reported_at_the_declaration(repo: Path) -> None:
    (repo / "compose.yaml").write_text("services:\n  api:\n    build:\n      context: services/api\n      target: tset\n")
    status, out, _ = run("--select", "DS014", "services/api/Dockerfile")
    assert status == 1
    assert out == (
        "compose.yaml:5:15: DS014 target 'tset' names no stage in services/api/Dockerfile, so this build fails "
        "with 'target stage could not be found' (did you mean 'test'?)\n"
    )


def test_config_shows_discovered_targets_and_where(repo: Path) -> None:
    (repo / "docker-bake.hcl").write_text(BAKE_HCL)
    out = run("config")[1]
    assert "# discovered target 'test' for services/api/Dockerfile at docker-bake.hcl:11" in out
    assert "discover-targets = true  # default" in out


def test_broken_declaration_file_is_a_warning(repo: Path) -> None:
    (repo / "compose.yaml").write_text("services: [\n")
    status, out, err = run("--select", "DS001", "services/api/Dockerfile")
    assert status == 1 and out.count("DS001") == 3
    assert err.startswith("dslint: warning: compose.yaml: cannot read build targets: while parsing")


def test_missing_parser_gives_a_clear_message(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.setitem(sys.modules, "hcl2", None)
    (repo / "compose.yaml").write_text(COMPOSE)
    with pytest.raises(DiscoveryProblem, match=r"needs PyYAML: pip install 'dslint\[discover\]'"):
        list(compose.read(str(repo / "compose.yaml")))
    (repo / "docker-bake.hcl").write_text(BAKE_HCL)
    with pytest.raises(DiscoveryProblem, match=r"needs python-hcl2"):
        list(bake.read(str(repo / "docker-bake.hcl")))
    status, _, err = run("services/api/Dockerfile")
    assert status == 1 and err.count("dslint: warning:") == 2


def test_nothing_is_imported_without_declaration_files(repo: Path) -> None:
    assert compose.files(str(repo)) == bake.files(str(repo)) == workflows.files(str(repo)) == []
