from __future__ import annotations

from ..conftest import lint, located


def test_unterminated_heredoc_is_the_only_finding() -> None:
    findings = lint("""
        FROM node
        RUN <<EOF
        echo never closed
    """)
    assert located(findings) == [("DS000", 2, 1)]
    assert findings[0].message == "unterminated heredoc"


def test_empty_file() -> None:
    assert [(f.code, f.line, f.message) for f in lint("")] == [("DS000", 1, "file with no instructions")]


def test_instruction_errors_are_reported_alongside_stage_rules() -> None:
    findings = lint("""
        FROM alpine:3.20 AS a
        COPY --form=a /x /y
        FROM alpine:3.20
    """)
    assert located(findings) == [("DS001", 1, 21), ("DS000", 2, 6)]


def test_arg_expansion_error_in_from() -> None:
    findings = lint("FROM alpine:${TAG:?required}\n", select=["DS000"])
    assert located(findings) == [("DS000", 1, 6)]
    assert findings[0].message == 'failed to process "alpine:${TAG:?required}": TAG: required'


def test_valid_file_has_no_syntax_error() -> None:
    assert lint("FROM alpine:3.20\nRUN echo hi\n", select=["DS000"]) == []
