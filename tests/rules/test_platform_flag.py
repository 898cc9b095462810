from __future__ import annotations

import pytest

from ..conftest import lint, located


def test_constant_platform() -> None:
    findings = lint("FROM --platform=linux/amd64 alpine:3.20\n", select=["DS012"])
    assert located(findings) == [("DS012", 1, 17)]
    assert "is a constant" in findings[0].message


@pytest.mark.parametrize("name", ["build-amd64", "linux-tools"])
def test_constant_platform_named_in_the_stage_is_accepted(name: str) -> None:
    assert lint(f"FROM --platform=linux/amd64 alpine:3.20 AS {name}\n", select=["DS012"]) == []


@pytest.mark.parametrize("value", ["$TARGETPLATFORM", "${TARGETPLATFORM}"])
def test_redundant_target_platform(value: str) -> None:
    findings = lint(f"FROM --platform={value} alpine:3.20\n", select=["DS012"])
    assert "is redundant" in findings[0].message


def test_platform_on_a_stage_base_is_ignored_by_buildkit() -> None:
    findings = lint("FROM alpine:3.20 AS base\nFROM --platform=$BUILDPLATFORM base\n", select=["DS012"])
    assert located(findings) == [("DS012", 2, 17)]
    assert "is ignored: this stage is built FROM stage 'base'" in findings[0].message


def test_build_platform_on_an_image_passes() -> None:
    assert lint("FROM --platform=$BUILDPLATFORM golang:1.22\n", select=["DS012"]) == []
