"""BuildKit's shell-word expansion, including the forms hadolint and dockerfile-parse get wrong."""

from __future__ import annotations

import pytest

from linter.parser import ShellError, ShellLexer

ENV = {"TAG": "1.2.3", "EMPTY": "", "NAME": "web_app_v2", "V": "v1.2"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("$TAG", "1.2.3"),
        ("${TAG}", "1.2.3"),
        ("img:${TAG:-x}", "img:1.2.3"),
        ("${UNSET:-3.20}", "3.20"),
        ("${EMPTY:-d}", "d"),
        ("${EMPTY-d}", ""),
        ("${UNSET-d}", "d"),
        ("${TAG:+set}", "set"),
        ("${EMPTY:+set}", ""),
        ("${EMPTY+set}", "set"),
        ("${UNSET+set}", ""),
        ("${V#v}", "1.2"),
        ("${TAG%.*}", "1.2"),
        ("${TAG%%.*}", "1"),
        ("${TAG#*.}", "2.3"),
        ("${TAG##*.}", "3"),
        ("${NAME/_/-}", "web-app_v2"),
        ("${NAME//_/-}", "web-app-v2"),
        ("'$TAG'", "$TAG"),
        ('"$TAG"', "1.2.3"),
        ("\\$TAG", "$TAG"),
        ("a$", "a$"),
        ("${UNSET}", ""),
    ],
)
def test_expansion(word: str, expected: str) -> None:
    assert ShellLexer().process_word(word, ENV) == expected


def test_backtick_escape() -> None:
    assert ShellLexer("`").process_word("`$TAG", ENV) == "$TAG"


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("${", "syntax error: missing '}'"),
        ("${TAG:-x", "syntax error: missing '}'"),
        ("${TAG", "unsupported modifier (\ufffd) in substitution"),
        ("${}", "syntax error: bad substitution"),
        ("${UNSET?must be set}", "UNSET: must be set"),
        ("${TAG:%x}", "unsupported modifier (:%) in substitution"),
        ("'open", "unexpected end of statement while looking for matching single-quote"),
    ],
)
def test_expansion_errors_carry_buildkit_message(word: str, message: str) -> None:
    with pytest.raises(ShellError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        ShellLexer().process_word(word, ENV)


def test_expansion_reports_matched_and_unmatched_names() -> None:
    expansion = ShellLexer().expand("${TAG}-${MISSING:-x}", ENV)
    assert (expansion.matched, expansion.unmatched) == ({"TAG"}, {"MISSING"})


def test_words_split_after_expansion_keeping_quoted_spaces() -> None:
    assert ShellLexer().process_words('a "b c" $TAG', ENV) == ["a", "b c", "1.2.3"]
