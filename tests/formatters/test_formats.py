"""Every output format on a file with findings of each severity and on a clean file (golden files)."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from linter import __version__
from linter.cli import main
from linter.findings import Finding, Severity
from linter.formatters.github import GithubFormatter
from linter.formatters.gitlab import fingerprint

from ..conftest import SHARED

GOLDEN = Path(__file__).parent / "golden"
FORMATS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "txt", "gitlab": "json", "checkstyle": "xml", "junit": "xml"}

EVERY_SEVERITY = """\
FROM golang:1.22 as build
FROM alpine:3.20 AS unused
FROM node
COPY --from=biuld /app /app
"""
CLEAN = "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n"


def run_in(directory: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(directory)
    try:
        status = main(["--isolated", *args], stdout=out, stderr=err)
    finally:
        os.chdir(old)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "Dockerfile").write_text(EVERY_SEVERITY)
    (tmp_path / "clean.Dockerfile").write_text(CLEAN)
    return tmp_path


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("DSLINT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs; rerun with DSLINT_UPDATE_GOLDEN=1 to accept the new output"


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden_with_every_severity(workspace: Path, output_format: str) -> None:
    status, out, err = run_in(workspace, "--format", output_format, "--severity", "DS001=info", "svc/Dockerfile", "clean.Dockerfile")
    assert (status, err) == (1, "")
    _check_golden(f"every_severity.{output_format}.{FORMATS[output_format]}", out.replace(__version__, "@VERSION@"))


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden_clean(workspace: Path, output_format: str) -> None:
    status, out, err = run_in(workspace, "--format", output_format, "clean.Dockerfile")
    assert (status, err) == (0, "")
    _check_golden(f"clean.{output_format}.{FORMATS[output_format]}", out.replace(__version__, "@VERSION@"))


@pytest.mark.parametrize("case", ["every_severity", "clean"])
def test_sarif_validates_against_the_official_schema(workspace: Path, case: str) -> None:
    import jsonschema

    schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text())
    paths = ["svc/Dockerfile", "clean.Dockerfile"] if case == "every_severity" else ["clean.Dockerfile"]
    document = json.loads(run_in(workspace, "--format", "sarif", *paths)[1])
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len({rule["id"] for rule in rules}) >= 14
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")


def _github_slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    kept = "".join(ch for ch in heading.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def test_sarif_help_uris_point_at_rules_md_headings(workspace: Path) -> None:
    rules_md = (Path(__file__).resolve().parents[2] / "rules.md").read_text()
    slugs = {_github_slug(line.lstrip("#")) for line in rules_md.splitlines() if line.startswith("## ")}
    document = json.loads(run_in(workspace, "--format", "sarif", "clean.Dockerfile")[1])
    for rule in document["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"].split("#", 1)[1] in slugs


@pytest.mark.parametrize("output_format", ["checkstyle", "junit"])
def test_xml_is_well_formed_even_with_control_characters(workspace: Path, output_format: str) -> None:
    (workspace / "bad.Dockerfile").write_bytes(b"FROM alpine:3.20\nR\x01N <x> & \"y\"\n")
    out = run_in(workspace, "--format", output_format, "bad.Dockerfile")[1]
    root = ElementTree.fromstring(out.encode())
    assert "unknown instruction: R\ufffdN" in ElementTree.tostring(root, encoding="unicode")


def test_junit_counts_files_and_failures(workspace: Path) -> None:
    root = ElementTree.fromstring(run_in(workspace, "--format", "junit", "svc/Dockerfile", "clean.Dockerfile")[1])
    suite = root.find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("2", "1")


def test_github_escaping_and_multi_line_findings() -> None:
    out = io.StringIO()
    formatter = GithubFormatter(out)
    formatter.handle(
        Finding("a,b:c.Dockerfile", 2, 3, 4, 1, "DS000", "syntax-error", Severity.ERROR, "100% bad\r\nreally"), []
    )
    assert out.getvalue() == (
        "::error file=a%2Cb%3Ac.Dockerfile,line=2,endLine=4,title=DS000 syntax-error::100%25 bad%0D%0Areally\n"
    )


def test_gitlab_fingerprints_are_unique_and_stable(workspace: Path) -> None:
    first = json.loads(run_in(workspace, "--format", "gitlab", "svc/Dockerfile")[1])
    second = json.loads(run_in(workspace, "--format", "gitlab", "svc/Dockerfile")[1])
    prints = [issue["fingerprint"] for issue in first]
    assert prints == [issue["fingerprint"] for issue in second]
    assert len(set(prints)) == len(prints)
    finding = Finding("x", 1, 1, 1, 2, "DS001", "n", Severity.INFO, "m")
    assert fingerprint(finding) != fingerprint(Finding("x", 2, 1, 2, 2, "DS001", "n", Severity.INFO, "m"))


def test_show_source_statistics_and_count(workspace: Path) -> None:
    out = run_in(workspace, "--show-source", "--statistics", "--count", "--select", "DS002,DS003", "svc/Dockerfile")[1]
    assert out == (
        "svc/Dockerfile:3:6: DS003 image node has no tag, so it pulls :latest; pin a version tag or a digest (node:<version>)\n"
        "    FROM node\n"
        "         ^\n"
        "svc/Dockerfile:4:13: DS002 --from=biuld names no stage in this file, so BuildKit pulls the image "
        "docker.io/library/biuld:latest instead (did you mean 'build'?)\n"
        "    COPY --from=biuld /app /app\n"
        "                ^\n"
        "1     DS002 undefined-stage-reference\n"
        "1     DS003 unpinned-image\n"
        "2\n"
    )


def test_color_only_when_asked_or_on_a_terminal(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\033[" in run_in(workspace, "--color", "always", "svc/Dockerfile")[1]
    assert "\033[" not in run_in(workspace, "svc/Dockerfile")[1]  # not a terminal

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    os.chdir(workspace)
    monkeypatch.delenv("NO_COLOR", raising=False)
    main(["--isolated", "svc/Dockerfile"], stdout=terminal, stderr=io.StringIO())
    assert "\033[" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    main(["--isolated", "svc/Dockerfile"], stdout=plain, stderr=io.StringIO())
    assert "\033[" not in plain.getvalue()


def test_output_file_and_tee(workspace: Path) -> None:
    status, out, _ = run_in(workspace, "--format", "sarif", "--output-file", "report.sarif", "svc/Dockerfile")
    assert (status, out) == (1, "")
    assert json.loads((workspace / "report.sarif").read_text())["version"] == "2.1.0"
    status, out, _ = run_in(workspace, "--format", "json", "--output-file", "r.json", "--tee", "svc/Dockerfile")
    assert out.startswith("svc/Dockerfile:1:18: DS013")
    assert len(json.loads((workspace / "r.json").read_text())) == 5


def test_exit_status_does_not_depend_on_the_format(workspace: Path) -> None:
    statuses = {run_in(workspace, "--format", name, "svc/Dockerfile")[0] for name in FORMATS}
    assert statuses == {1}
