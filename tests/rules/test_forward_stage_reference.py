from __future__ import annotations

from ..conftest import lint, located


def test_copy_from_a_later_stage() -> None:
    findings = lint("""
        FROM alpine:3.20 AS app
        COPY --from=assets /dist /srv
        FROM node:20 AS assets
    """, select=["DS006"])
    assert located(findings) == [("DS006", 2, 13)]
    assert "resolves to stage 'assets' (line 3), which is defined after it" in findings[0].message


def test_from_a_later_stage_pulls_an_image() -> None:
    findings = lint("FROM tools\nFROM alpine:3.20 AS tools\n", select=["DS006"])
    assert located(findings) == [("DS006", 1, 6)]
    assert "BuildKit pulls the image 'tools' instead" in findings[0].message


def test_duplicate_name_where_from_and_copy_from_pick_different_stages() -> None:
    findings = lint("""
        FROM alpine:3.20 AS base
        FROM base AS app
        COPY --from=base /a /b
        FROM alpine:3.20 AS base
    """, select=["DS006"])
    assert located(findings) == [("DS006", 3, 13)]


def test_index_and_mount_forward_references() -> None:
    findings = lint("""
        FROM alpine:3.20
        COPY --from=1 /a /b
        RUN --mount=from=later,target=/x ls
        FROM alpine:3.20 AS later
    """, select=["DS006"])
    assert located(findings) == [("DS006", 2, 13), ("DS006", 3, 18)]


def test_onbuild_is_judged_in_the_stage_that_runs_it() -> None:
    text = """
        FROM alpine:3.20 AS base
        ONBUILD COPY --from=tools /a /b
        FROM alpine:3.20 AS tools
        FROM base
    """
    assert lint(text, select=["DS006"]) == []
    findings = lint(text.replace("FROM base", "FROM base AS early", 1).replace(
        "FROM alpine:3.20 AS tools\n        FROM base AS early", "FROM base AS early\n        FROM alpine:3.20 AS tools"
    ), select=["DS006"])
    assert located(findings) == [("DS006", 2, 21)]
