from __future__ import annotations

from ..conftest import lint, located


def test_upper_case_letters_in_a_stage_name() -> None:
    findings = lint("FROM golang:1.22 AS Builder\nFROM alpine:3.20\nCOPY --from=Builder /a /b\n", select=["DS008"])
    assert located(findings) == [("DS008", 1, 21)]
    assert "BuildKit calls the stage 'builder', so FROM Builder fails" in findings[0].message


def test_lowercase_names_pass() -> None:
    assert lint("FROM golang:1.22 AS build-2.x_y\n", select=["DS008"]) == []
