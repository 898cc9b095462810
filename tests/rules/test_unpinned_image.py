from __future__ import annotations

import pytest

from ..conftest import lint, located


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ("node", "image node has no tag, so it pulls :latest; pin a version tag or a digest (node:<version>)"),
        ("node:latest", "image node:latest uses the moving tag latest; pin a version tag or a digest (node:<version>)"),
        ("localhost:5000/app", "image localhost:5000/app has no tag, so it pulls :latest; pin a version tag or a digest (localhost:5000/app:<version>)"),
    ],
)
def test_floating_bases(base: str, message: str) -> None:
    findings = lint(f"FROM {base}\n", select=["DS003"])
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [("DS003", 1, 6, message)]


@pytest.mark.parametrize("base", ["node:20", "scratch", "node@sha256:" + "0" * 64, "ghcr.io/org/app:1.2"])
def test_pinned_bases(base: str) -> None:
    assert lint(f"FROM {base}\n", select=["DS003"]) == []


def test_stage_bases_are_not_images() -> None:
    assert lint("FROM alpine:3.20 AS base\nFROM base\n", select=["DS003"]) == []


def test_variable_base_says_what_the_defaults_give() -> None:
    findings = lint("ARG BASE=alpine\nFROM ${BASE}\n", select=["DS003"])
    assert findings[0].message.startswith("FROM ${BASE} (with the ARG defaults: alpine) has no tag")


def test_variable_without_default_is_left_to_build_args() -> None:
    assert lint("ARG IMAGE\nFROM alpine${IMAGE}\n", select=["DS003"]) == []
    assert located(lint("ARG TAG\nFROM alpine:${TAG:-latest}\n", select=["DS003"])) == [("DS003", 2, 6)]


def test_copy_and_mount_image_references() -> None:
    findings = lint("""
        FROM alpine:3.20
        COPY --from=ghcr.io/org/tool /a /b
        RUN --mount=from=docker.io/library/busybox:latest,target=/b ls
        COPY --from=ghcr.io/org/tool:2 /a /b
    """, select=["DS003"])
    assert located(findings) == [("DS003", 2, 13), ("DS003", 3, 18)]


def test_pin_digest_requires_sha256_everywhere() -> None:
    findings = lint("FROM node:20\nCOPY --from=ghcr.io/x/y@sha256:" + "1" * 64 + " /a /b\n", select=["DS003"], pin="digest")
    assert located(findings) == [("DS003", 1, 6)]
    assert "is not pinned by digest" in findings[0].message


def test_forward_stage_reference_is_not_reported_as_an_image() -> None:
    assert lint("FROM later\nFROM alpine:3.20 AS later\n", select=["DS003"]) == []
