from __future__ import annotations

import pytest

from ..conftest import lint, located


def test_misspelled_stage_pulls_an_image_and_gets_a_suggestion() -> None:
    findings = lint("""
        FROM golang:1.22 AS build
        FROM alpine:3.20
        COPY --from=biuld /app /app
    """, select=["DS002"])
    assert located(findings) == [("DS002", 3, 13)]
    assert findings[0].message == (
        "--from=biuld names no stage in this file, so BuildKit pulls the image "
        "docker.io/library/biuld:latest instead (did you mean 'build'?)"
    )


@pytest.mark.parametrize(
    "reference",
    ["--from=build", '--from="build"', "--from=BUILD", "--from='Build'", "--from=0"],
)
def test_valid_references_in_any_case_or_quoting(reference: str) -> None:
    assert lint(f"FROM alpine:3.20 as build\nFROM alpine:3.20\nCOPY {reference} /a /b\n", select=["DS002"]) == []


def test_index_past_the_last_stage() -> None:
    findings = lint("FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=2 /a /b\n", select=["DS002"])
    assert located(findings) == [("DS002", 3, 13)]
    assert "there is no stage 2; this file has 2 stages (indexes 0 to 1)" in findings[0].message


def test_internal_stage_name_suggests_the_index() -> None:
    findings = lint("FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=stage-0 /a /b\n", select=["DS002"])
    assert "use the index, --from=0" in findings[0].message


def test_numeric_mount_from_is_an_image_name() -> None:
    findings = lint("FROM alpine:3.20\nFROM alpine:3.20\nRUN --mount=from=0,target=/x ls\n", select=["DS002"])
    assert located(findings) == [("DS002", 3, 18)]
    assert "mounts take stage names, not indexes" in findings[0].message


def test_variables_in_copy_from_and_mount_from() -> None:
    findings = lint("""
        FROM alpine:3.20 AS a
        ARG SRC=a
        COPY --from=$SRC /x /y
        RUN --mount=from=${SRC},target=/x ls
        RUN --mount=from=a$,target=/x ls
    """, select=["DS002"])
    assert located(findings) == [("DS002", 3, 13), ("DS002", 4, 18), ("DS002", 5, 18)]
    assert "does not expand variables in COPY --from" in findings[0].message
    # A trailing $ is literal, so "a$" is simply a name no stage has.
    assert "mount from=a$ names no stage" in findings[2].message


def test_empty_from_copies_from_the_context() -> None:
    findings = lint("FROM alpine:3.20\nCOPY --from= /x /y\n", select=["DS002"])
    assert "is empty, so BuildKit copies from the build context" in findings[0].message


def test_from_in_another_case_than_the_stage() -> None:
    findings = lint("FROM alpine:3.20 AS builder\nFROM Builder\n", select=["DS002"])
    assert located(findings) == [("DS002", 2, 6)]
    assert "write FROM builder" in findings[0].message


def test_onbuild_reference_is_checked_in_the_child() -> None:
    findings = lint("""
        FROM alpine:3.20 AS base
        ONBUILD COPY --from=toolz /a /b
        FROM base
    """, select=["DS002"])
    assert located(findings) == [("DS002", 2, 21)]
    assert "ONBUILD trigger of stage 'base', run in stage #1" in findings[0].message


def test_scratch_and_images_are_not_undefined_stages() -> None:
    assert lint("""
        FROM alpine:3.20
        COPY --from=scratch /a /b
        COPY --from=ghcr.io/org/tool:1.0 /a /b
        COPY --from=busybox:1.36 /a /b
    """, select=["DS002"]) == []
