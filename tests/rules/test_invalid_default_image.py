from __future__ import annotations

from ..conftest import lint, located


def test_arg_without_default_leaves_an_empty_tag() -> None:
    findings = lint("ARG VERSION\nFROM alpine:${VERSION}\n", select=["DS010"])
    assert located(findings) == [("DS010", 2, 6)]
    assert findings[0].message == (
        "FROM alpine:${VERSION} gives 'alpine:' with the ARG defaults: invalid reference format; "
        "give ARG VERSION a default so that a build without --build-arg works"
    )


def test_empty_base() -> None:
    findings = lint("ARG BASE\nFROM ${BASE}\n", select=["DS010"])
    assert "gives an empty name with the ARG defaults" in findings[0].message


def test_upper_case_repository() -> None:
    findings = lint("FROM Alpine:3.20\n", select=["DS010"])
    assert findings[0].message == "FROM Alpine:3.20: invalid reference format: repository name (Alpine) must be lowercase"


def test_valid_defaults_and_stage_names_pass() -> None:
    assert lint("""
        ARG VERSION=3.20
        FROM alpine:${VERSION} AS base
        FROM base
        FROM Base
    """, select=["DS010"]) == []
