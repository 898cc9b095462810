"""Configuration files, their precedence, every key and its command-line twin, strict errors."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from linter.cli import main

BROKEN = "FROM node\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=biuld /a /b\n"


def run(cwd: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        status = main(list(args), stdout=out, stderr=err)
    finally:
        os.chdir(old)
    return status, out.getvalue(), err.getvalue()


def codes(out: str) -> list[str]:
    return [line.split()[1] for line in out.splitlines()]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docker").mkdir()
    (tmp_path / "docker" / "Dockerfile").write_text(BROKEN)
    return tmp_path


def test_no_config_reports_everything(repo: Path) -> None:
    status, out, _ = run(repo, "docker")
    assert (status, codes(out)) == (1, ["DS001", "DS003", "DS001", "DS002"])


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".dslint.toml", 'ignore = ["DS001"]\n'),
        ("dslint.toml", 'ignore = ["DS001"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.dslint]\nignore = ["DS001"]\n'),
    ],
)
def test_each_config_file_kind_is_found_from_a_subdirectory(repo: Path, name: str, text: str) -> None:
    (repo / name).write_text(text)
    status, out, _ = run(repo / "docker", "Dockerfile")
    assert codes(out) == ["DS003", "DS002"]


def test_precedence_between_files(repo: Path) -> None:
    (repo / ".dslint.toml").write_text('select = ["DS002"]\n')
    (repo / "dslint.toml").write_text('select = ["DS003"]\n')
    (repo / "pyproject.toml").write_text('[tool.dslint]\nselect = ["DS001"]\n')
    assert codes(run(repo, "docker")[1]) == ["DS002"]


def test_pyproject_without_tool_table_is_skipped(repo: Path) -> None:
    (repo / "docker" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (repo / "dslint.toml").write_text('select = ["DS002"]\n')
    assert codes(run(repo / "docker", "Dockerfile")[1]) == ["DS002"]


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "dslint.toml").write_text('select = ["DS002"]\n')
    inner = tmp_path / "repo"
    (inner / ".git").mkdir(parents=True)
    (inner / "Dockerfile").write_text(BROKEN)
    assert codes(run(inner, "Dockerfile")[1]) == ["DS001", "DS003", "DS001", "DS002"]


def test_command_line_overrides_the_file_and_isolated_ignores_it(repo: Path) -> None:
    (repo / "dslint.toml").write_text('select = ["DS002"]\n')
    assert codes(run(repo, "--select", "DS003", "docker")[1]) == ["DS003"]
    assert len(codes(run(repo, "--isolated", "docker")[1])) == 4


def test_explicit_config_file(repo: Path) -> None:
    (repo / "custom.toml").write_text('select = ["DS003"]\n')
    assert codes(run(repo, "--config", "custom.toml", "docker")[1]) == ["DS003"]
    status, _, err = run(repo, "--config", "missing.toml", "docker")
    assert (status, err) == (2, "dslint: error: missing.toml: config file not found\n")


def test_extend_select_and_extend_ignore(repo: Path) -> None:
    (repo / "dslint.toml").write_text('select = ["DS001"]\nextend-select = ["DS002"]\n')
    assert codes(run(repo, "docker")[1]) == ["DS001", "DS001", "DS002"]
    assert codes(run(repo, "--extend-ignore", "DS001", "docker")[1]) == ["DS002"]


def test_longest_prefix_wins(repo: Path) -> None:
    assert codes(run(repo, "--select", "DS002", "--ignore", "DS00", "docker")[1]) == ["DS002"]
    assert codes(run(repo, "--select", "DS00", "--ignore", "DS002", "docker")[1]) == ["DS001", "DS003", "DS001"]


def test_per_file_ignores_relative_to_the_config_file(repo: Path) -> None:
    (repo / "dslint.toml").write_text('[per-file-ignores]\n"docker/*" = ["DS001"]\n"other/*" = ["DS002"]\n')
    assert codes(run(repo / "docker", "Dockerfile")[1]) == ["DS003", "DS002"]
    assert codes(run(repo, "--per-file-ignores", "Dockerfile:DS002,DS003", "docker")[1]) == ["DS001", "DS001"]


def test_severity_overrides_and_fail_on(repo: Path) -> None:
    (repo / "dslint.toml").write_text('select = ["DS003"]\nfail-on = "error"\n')
    assert run(repo, "docker")[0] == 0
    assert run(repo, "--severity", "DS003=error", "docker")[0] == 1
    (repo / "dslint.toml").write_text('select = ["DS003"]\nfail-on = "error"\n[severity]\nDS003 = "error"\n')
    status, out, _ = run(repo, "--format", "json", "docker")
    assert status == 1 and '"severity": "error"' in out


def test_exit_zero(repo: Path) -> None:
    assert run(repo, "--exit-zero", "docker")[0] == 0
    (repo / "dslint.toml").write_text("exit-zero = true\n")
    status, out, _ = run(repo, "docker")
    assert status == 0 and out


def test_targets_pin_and_allowed_registries(repo: Path) -> None:
    (repo / "dslint.toml").write_text(
        'targets = ["build"]\npin = "digest"\nallowed-registries = ["ghcr.io"]\nselect = ["DS001", "DS003", "DS011"]\n'
    )
    out = run(repo, "docker")[1]
    assert codes(out) == ["DS001", "DS003", "DS011", "DS003", "DS011", "DS003", "DS011"]
    assert "is not pinned by digest" in out


def test_per_file_targets(repo: Path) -> None:
    (repo / "dslint.toml").write_text('select = ["DS001"]\n[per-file-targets]\n"docker/Dockerfile" = ["build"]\n')
    assert codes(run(repo, "docker")[1]) == ["DS001"]


def test_exclude_applies_to_walks_and_force_exclude_to_explicit_paths(repo: Path) -> None:
    (repo / "dslint.toml").write_text('exclude = ["docker"]\n')
    assert run(repo, ".") == (0, "", "")
    assert run(repo, "docker/Dockerfile")[0] == 1
    assert run(repo, "--force-exclude", "docker/Dockerfile") == (0, "", "")
    (repo / "dslint.toml").write_text('extend-exclude = ["Dockerfile"]\nforce-exclude = true\n')
    assert run(repo, "docker/Dockerfile") == (0, "", "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["DS001"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ('select = "DS001"\n', "select: expected a list of strings, got 'DS001'"),
        ('select = ["XX1"]\n', "select: expected rule codes or code prefixes such as DS001 or DS00, got 'XX1'"),
        ('fail-on = "fatal"\n', "fail-on: expected one of error, warning, info, style, got 'fatal'"),
        ('pin = "sha"\n', "pin: expected tag or digest, got 'sha'"),
        ('[severity]\nDS999 = "error"\n', "severity: expected a table of rule codes"),
        ('[severity]\nDS003 = "loud"\n', "severity.DS003: expected one of error, warning, info, style, got 'loud'"),
        ("exit-zero = 1\n", "exit-zero: expected true or false, got 1"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_strict_validation_names_file_key_and_expectation(repo: Path, text: str, message: str) -> None:
    (repo / "dslint.toml").write_text(text)
    status, out, err = run(repo, "docker")
    assert status == 2 and out == ""
    assert err.startswith(f"dslint: error: {repo / 'dslint.toml'}: ")
    assert message in err
    assert err.count("\n") == 1


def test_bad_command_line_values_are_errors_too(repo: Path) -> None:
    status, _, err = run(repo, "--severity", "DS003=loud", "docker")
    assert status == 2 and "command line: severity.DS003: expected one of" in err


def test_show_settings_with_sources(repo: Path) -> None:
    (repo / "dslint.toml").write_text('select = ["DS002"]\n')
    status, out, _ = run(repo, "config", "--pin", "digest")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"# config file: {repo / 'dslint.toml'}"
    assert f'select = ["DS002"]  # {repo / "dslint.toml"}' in lines
    assert 'pin = "digest"  # command line' in lines
    assert 'fail-on = "style"  # default' in lines
    assert run(repo, "--show-settings")[1] == run(repo, "config")[1]


def test_documented_pyproject_example_is_valid(tmp_path: Path) -> None:
    import re

    from linter import config
    from linter.docs import CONFIGURATION
    from linter.registry import all_rules

    example = re.search(r"```toml\n(.*?)```", CONFIGURATION, re.DOTALL)
    assert example is not None
    (tmp_path / "pyproject.toml").write_text(example.group(1))
    loaded = config.load({}, [rule.code for rule in all_rules()], cwd=str(tmp_path))
    assert loaded.fail_on.value == "warning"
    assert dict(loaded.severity)["DS003"].value == "error"
    assert loaded.settings_for(str(tmp_path / "docker" / "ci.Dockerfile")).targets == ("test", "lint", "unit-test")
