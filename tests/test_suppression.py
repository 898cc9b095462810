"""Suppression comments in every form, and the findings for malformed ones."""

from __future__ import annotations

from .conftest import lint, located

UNUSED = "FROM alpine:3.20 AS unused\nFROM alpine:3.20\n"


def test_noqa_with_codes_above_an_instruction() -> None:
    assert lint("# noqa: DS001\n" + UNUSED) == []
    assert located(lint("# noqa: DS003\n" + UNUSED)) == [("DS001", 2, 21)]


def test_noqa_through_several_comment_lines_and_on_continuations() -> None:
    findings = lint("FROM alpine:3.20\n# noqa: DS002\n# why: legacy\nCOPY \\\n  --from=nope /a /b\n")
    assert findings == []


def test_bare_noqa_suppresses_every_code_on_that_instruction_only() -> None:
    findings = lint("# noqa\nFROM node AS unused\nFROM node\n")
    assert located(findings) == [("DS003", 3, 6)]


def test_noqa_separated_by_a_blank_line_does_not_apply() -> None:
    findings = lint("# noqa: DS001\n\n" + UNUSED)
    assert located(findings) == [("DS090", 1, 1), ("DS001", 3, 21)]


def test_file_level_noqa() -> None:
    assert lint("FROM node AS x\n# dslint: noqa\nFROM node\n") == []
    assert located(lint("FROM node AS x\n# dslint: noqa: DS003\nFROM node\n")) == [("DS001", 1, 14)]


def test_malformed_and_unknown_codes_are_reported_and_suppress_nothing() -> None:
    findings = lint("# noqa DS001\n" + UNUSED)
    assert located(findings) == [("DS090", 1, 1), ("DS001", 2, 21)]
    assert "malformed '# noqa': expected '# noqa' or '# noqa: CODE[,CODE...]'" in findings[0].message
    findings = lint("# noqa: DS999\n" + UNUSED)
    assert [f.message for f in findings if f.code == "DS090"] == [
        "malformed '# noqa': unknown rule code DS999; it suppresses nothing"
    ]
    assert [f.code for f in lint("# dslint: noqa: nope!\n" + UNUSED)] == ["DS090", "DS001"]


def test_noqa_in_a_heredoc_body_is_content() -> None:
    findings = lint("FROM alpine:3.20 AS a\nRUN <<EOF\n# noqa\nEOF\nFROM node\n")
    assert [f.code for f in findings] == ["DS001", "DS003"]


def test_buildkit_check_skip_directive_silences_the_twins() -> None:
    text = "# check=skip=StageNameCasing,FromAsCasing\nFROM alpine:3.20 as Build\nFROM build\n"
    assert lint(text) == []
    assert lint("# check=skip=all\nFROM alpine:3.20 as Build\nFROM build\n") == []


def test_buildkit_checks_without_a_twin_are_accepted_unknown_ones_reported() -> None:
    assert lint("# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20\n") == []
    findings = lint("# check=skip=StageNameCasng\nFROM alpine:3.20\n")
    assert located(findings) == [("DS090", 1, 1)]
    assert "BuildKit has no check named 'StageNameCasng'" in findings[0].message


def test_suppressions_do_not_break_directives() -> None:
    findings = lint("# syntax=docker/dockerfile:1\n# escape=`\n# noqa: DS003\nFROM node\nRUN echo a `\n  b\n")
    assert findings == []
