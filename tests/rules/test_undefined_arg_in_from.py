from __future__ import annotations

from ..conftest import lint, located


def test_misspelled_global_arg_gets_a_suggestion_at_the_variable() -> None:
    findings = lint("ARG VERSION=3.20\nFROM alpine:${VERSON}\n", select=["DS009"])
    assert located(findings) == [("DS009", 2, 13)]
    assert findings[0].message.endswith("declare ARG VERSON before the first FROM (did you mean 'VERSION'?)")


def test_arg_declared_only_inside_a_stage_is_invisible_to_later_from() -> None:
    findings = lint("""
        FROM alpine:3.20 AS base
        ARG IMAGE=busybox
        FROM ${IMAGE}
    """, select=["DS009"])
    assert located(findings) == [("DS009", 3, 6)]
    assert "ARG IMAGE is declared inside stage 'base' (line 1), which no FROM can see" in findings[0].message


def test_default_form_still_needs_a_declaration() -> None:
    assert located(lint("FROM alpine:${TAG:-3.20}\n", select=["DS009"])) == [("DS009", 1, 13)]


def test_platform_value_is_checked() -> None:
    findings = lint("FROM --platform=$PLATFORM alpine:3.20\n", select=["DS009"])
    assert located(findings) == [("DS009", 1, 17)]


def test_declared_and_builtin_args_pass() -> None:
    assert lint("""
        ARG TAG
        ARG BASE=alpine
        FROM --platform=$BUILDPLATFORM ${BASE}:${TAG:-3.20}-$TARGETARCH
        FROM --platform=${TARGETPLATFORM} alpine:3.20
    """, select=["DS009"]) == []


def test_escaped_dollar_is_not_a_variable() -> None:
    assert lint("FROM img:\\$TAG\n", select=["DS009"]) == []


def test_variable_on_a_continuation_line_is_reported_at_the_word() -> None:
    # Found by the property test: the word starts on line 1, its variable is on line 2.
    assert located(lint("FROM alpine\\\n00$X\n", select=["DS009"])) == [("DS009", 1, 6)]
