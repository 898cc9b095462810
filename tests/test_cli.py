"""The dslint command: output, exit statuses, errors as one line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter import __version__
from linter.cli import main

from .conftest import PROJECT_ROOT

BROKEN = "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n"
CLEAN = "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "Dockerfile").write_text(BROKEN)
    (tmp_path / "clean.Dockerfile").write_text(CLEAN)
    (tmp_path / "notes.txt").write_text("FROM nothing\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "Dockerfile").write_text(BROKEN)
    return tmp_path


def test_findings_print_flake8_lines_and_exit_1(tree: Path) -> None:
    status, out, err = run(str(tree))
    assert status == 1
    assert out == (
        f"{tree}/svc/Dockerfile:1:21: DS001 stage 'build' is not used to build the last stage (#1), "
        "so docker build never builds it; remove it, or if you build it with --target build, "
        "pass --target build to dslint\n"
        f"{tree}/svc/Dockerfile:3:13: DS002 --from=biuld names no stage in this file, so BuildKit pulls the "
        "image docker.io/library/biuld:latest instead (did you mean 'build'?)\n"
    )
    assert err == ""


def test_clean_file_exits_0_silently(tree: Path) -> None:
    assert run(str(tree / "clean.Dockerfile")) == (0, "", "")


def test_explicit_file_is_linted_whatever_its_name(tree: Path) -> None:
    status, out, _ = run(str(tree / "notes.txt"))
    assert status == 1 and "DS003" in out


def test_json_output(tree: Path) -> None:
    status, out, _ = run("--format", "json", str(tree / "svc"))
    assert status == 1
    data = json.loads(out)
    assert [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in data] == [
        ("DS001", 1, 21, 1, 26),
        ("DS002", 3, 13, 3, 18),
    ]
    assert set(data[0]) == {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message"}
    assert (data[1]["name"], data[1]["severity"]) == ("undefined-stage-reference", "error")


def test_json_output_is_an_empty_array_when_clean(tree: Path) -> None:
    status, out, _ = run("--format", "json", str(tree / "clean.Dockerfile"))
    assert (status, json.loads(out)) == (0, [])


def test_target_option(tree: Path) -> None:
    status, out, _ = run("--target", "build", "--select", "DS001", str(tree / "svc"))
    assert (status, out) == (0, "")


def test_pin_option(tree: Path) -> None:
    status, out, _ = run("--pin", "digest", "--select", "DS003", str(tree / "clean.Dockerfile"))
    assert status == 1 and out.count("is not pinned by digest") == 2


def test_select_and_ignore(tree: Path) -> None:
    assert run("--select", "DS00", "--ignore", "DS001,DS002", str(tree / "svc"))[:2] == (0, "")


def test_missing_path_is_an_error_but_others_are_still_linted(tree: Path) -> None:
    status, out, err = run(str(tree / "missing"), str(tree / "svc"))
    assert status == 2
    assert "DS002" in out
    assert err == f"dslint: error: {tree}/missing: no such file or directory\n"


def test_unknown_format_is_a_usage_error(tree: Path) -> None:
    assert run("--format", "yaml", str(tree)) == (
        2, "", "dslint: error: unknown format 'yaml' (choose from: text, json, sarif, github, gitlab, checkstyle, junit)\n",
    )  # fmt: skip


def test_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--pin", "sometimes"]) == 2
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err


def test_version() -> None:
    status, out, _ = run("--version")
    assert status == 0 and out.startswith(f"dslint {__version__} (Python ")


def test_rules_and_rule_commands() -> None:
    status, out, _ = run("rules")
    assert status == 0
    assert out.splitlines()[4].split()[:3] == ["DS004", "duplicate-stage-name", "error"]
    status, out, _ = run("rule", "ds004")
    assert status == 0 and out.startswith("## DS004 duplicate-stage-name\n")
    assert run("rule", "DS999") == (2, "", "dslint: error: unknown rule code 'DS999' (see `dslint rules`)\n")


def test_internal_error_is_one_line_without_debug(monkeypatch: pytest.MonkeyPatch, tree: Path) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("linter.engine.parse", explode)
    status, _, err = run(str(tree))
    assert status == 2
    assert err == "dslint: internal error: RuntimeError: boom (rerun with --debug for a traceback, and please report it)\n"
    with pytest.raises(RuntimeError):
        run("--debug", str(tree))


def test_output_is_byte_identical_across_runs(tree: Path) -> None:
    assert run(str(tree)) == run(str(tree))


def test_python_dash_m_entry_point(tree: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "linter", str(tree / "svc")],
        capture_output=True, text=True, cwd=PROJECT_ROOT, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )  # fmt: skip
    assert result.returncode == 1 and "DS002" in result.stdout and result.stderr == ""


def test_examples_show_what_dslint_finds() -> None:
    status, out, _ = run(str(PROJECT_ROOT / "examples"))
    assert status == 1
    codes = {line.split()[1] for line in out.splitlines()}
    assert {"DS001", "DS002", "DS003"} <= codes


def test_readme_quick_start_output_is_what_dslint_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    readme = (PROJECT_ROOT / "README.md").read_text()
    shown = re.search(r"The first command lints.*?```text\n(.*?)```", readme, re.DOTALL)
    assert shown is not None
    monkeypatch.chdir(PROJECT_ROOT)
    status, out, _ = run("--isolated", "examples/")
    assert status == 1
    assert out == shown.group(1)


def test_readme_shows_the_real_rules_list_and_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    monkeypatch.chdir(PROJECT_ROOT)
    rules_out = run("rules")[1]
    assert f"$ dslint rules\n{rules_out}```" in readme
    assert f"$ dslint rule DS004\n{''.join(run('rule', 'DS004')[1].splitlines(True)[:12])}..." in readme
    graph_out = run("graph", "--isolated", "examples/web/Dockerfile")[1]
    assert f"```mermaid\n{graph_out}```" in readme
