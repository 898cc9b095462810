from __future__ import annotations

from ..conftest import lint, located

FILE = """
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM golang:1.22 AS test
    RUN go test ./...
    FROM alpine:3.20
    COPY --from=build /app /app
"""


def test_stage_no_target_uses_is_reported_at_its_name() -> None:
    findings = lint(FILE, select=["DS001"])
    assert located(findings) == [("DS001", 3, 21)]
    assert findings[0].message == (
        "stage 'test' is not used to build the last stage (#2), so docker build never builds it; "
        "remove it, or if you build it with --target test, pass --target test to dslint"
    )


def test_target_makes_a_stage_used_and_is_named_in_messages() -> None:
    assert lint(FILE, select=["DS001"], targets=["TEST"]) == []
    findings = lint(FILE + "FROM alpine:3.20 AS extra\n", select=["DS001"], targets=["test"])
    assert "is not used to build the last stage ('extra') or --target test," in findings[0].message


def test_unnamed_stage_is_reported_at_from() -> None:
    findings = lint("FROM alpine:3.20\nFROM alpine:3.20\n", select=["DS001"])
    assert located(findings) == [("DS001", 1, 1)]
    assert "name it (FROM ... AS name)" in findings[0].message


def test_mount_onbuild_and_variable_bases_count_as_uses() -> None:
    assert lint("""
        ARG FLAVOUR=prod
        FROM alpine:3.20 AS cache
        FROM alpine:3.20 AS tools
        FROM alpine:3.20 AS base-prod
        FROM alpine:3.20 AS base-dev
        ONBUILD COPY --from=tools /t /t
        FROM base-${FLAVOUR} AS app
        RUN --mount=type=bind,from=cache,target=/c ls
    """, select=["DS001"]) == []


def test_hadolint_miss_copy_from_in_heredoc_is_not_a_use() -> None:
    findings = lint("""
        FROM alpine:3.20 AS tool
        FROM alpine:3.20
        RUN <<EOF
        COPY --from=tool /a /b
        EOF
    """, select=["DS001"])
    assert located(findings) == [("DS001", 1, 21)]
