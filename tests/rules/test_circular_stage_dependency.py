from __future__ import annotations

from ..conftest import lint, located


def test_stage_copying_from_itself_by_name_and_index() -> None:
    findings = lint("FROM alpine:3.20 AS build\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n", select=["DS007"])
    assert located(findings) == [("DS007", 2, 13), ("DS007", 3, 13)]
    assert "stage 'build' uses itself" in findings[0].message


def test_one_finding_per_cycle() -> None:
    findings = lint("""
        FROM alpine:3.20 AS a
        COPY --from=b /x /x
        FROM alpine:3.20 AS b
        COPY --from=a /y /y
        FROM b
    """, select=["DS007"])
    assert located(findings) == [("DS007", 4, 13)]
    assert "stages 'a', 'b' depend on each other" in findings[0].message


def test_cycle_through_from_and_mount() -> None:
    findings = lint("""
        FROM alpine:3.20 AS a
        RUN --mount=from=b,target=/b ls
        FROM a AS b
    """, select=["DS007"])
    assert located(findings) == [("DS007", 3, 6)]


def test_no_cycle() -> None:
    assert lint("FROM alpine:3.20 AS a\nFROM a AS b\nCOPY --from=a /x /x\n", select=["DS007"]) == []
