"""Positions, directives, continuations and input guards of the parser."""

from __future__ import annotations

from linter.parser import MAX_LINE_BYTES, parse


def test_instructions_carry_start_end_lines_and_keyword_column() -> None:
    parsed = parse("FROM alpine:3.20\n\n   RUN echo a \\\n  b\n")
    run = parsed.instructions[1]
    assert (run.start_line, run.end_line, run.column) == (3, 4, 4)


def test_flags_and_arguments_point_at_their_first_character() -> None:
    parsed = parse("FROM --platform=linux/arm64 golang:1.22 AS build\nCOPY  --from=build --link /a /b\n")
    from_, copy = parsed.instructions
    assert [(f.name, f.value, f.line, f.column) for f in from_.flags] == [("platform", "linux/arm64", 1, 6)]
    assert [(w.value, w.column) for w in from_.args] == [("golang:1.22", 29), ("AS", 41), ("build", 44)]
    assert [(f.name, f.column, f.value_column) for f in copy.flags] == [("from", 7, 14), ("link", 20, 27)]


def test_positions_follow_continuation_lines() -> None:
    parsed = parse("FROM alpine:3.20 AS a\nCOPY \\\n  --from=a \\\n    /x /y\n")
    copy = parsed.instructions[1]
    flag = copy.flags[0]
    assert (flag.line, flag.column) == (3, 3)
    assert [(w.value, w.line, w.column) for w in copy.args] == [("/x", 4, 5), ("/y", 4, 8)]


def test_onbuild_sub_instruction_positions_are_inside_the_outer_line() -> None:
    parsed = parse("FROM alpine:3.20\nONBUILD COPY --from=tools /a /b\n")
    sub = parsed.instructions[1].sub
    assert sub is not None and sub.command == "copy"
    assert (sub.column, sub.flags[0].column) == (9, 14)


def test_bom_is_not_counted_as_a_column() -> None:
    parsed = parse(b"\xef\xbb\xbfFROM alpine:3.20 AS a\n")
    assert parsed.instructions[0].args[2].column == 21


def test_invalid_utf8_becomes_one_replacement_character_per_byte_as_in_go() -> None:
    parsed = parse(b"FROM alpine\nLABEL x=\xe2\x82y\n")
    assert parsed.instructions[1].args[1].value == "\ufffd\ufffdy"


def test_escape_directive_changes_continuation_character() -> None:
    parsed = parse("# escape=`\nFROM alpine\nRUN echo a `\n  b\n")
    assert parsed.escape == "`"
    assert parsed.instructions[1].original == "RUN echo a   b"
    assert parsed.directive("escape") is not None


def test_directives_after_an_instruction_are_comments() -> None:
    parsed = parse("FROM alpine\n# escape=`\nRUN echo a `\n")
    assert parsed.escape == "\\"
    assert parsed.directives == ()


def test_duplicate_directive_is_a_fatal_error_on_its_line() -> None:
    parsed = parse("# escape=\\\n# escape=`\nFROM alpine\n")
    assert parsed.error is not None
    assert (parsed.error.message, parsed.error.line) == ("only one escape parser directive can be used", 2)


def test_invalid_escape_token_is_a_fatal_error() -> None:
    parsed = parse("# escape=x\nFROM alpine\n")
    assert parsed.error is not None
    assert parsed.error.message == "invalid escape token 'x' does not match ` or \\"


def test_check_directive_is_read() -> None:
    parsed = parse("# check=skip=StageNameCasing\nFROM alpine\n")
    directive = parsed.directive("check")
    assert directive is not None and (directive.value, directive.line) == ("skip=StageNameCasing", 1)


def test_line_over_the_limit_is_rejected_as_buildkit_does() -> None:
    parsed = parse(b"FROM alpine\nRUN " + b"a" * MAX_LINE_BYTES + b"\n")
    assert parsed.error is not None
    assert parsed.error.message == "dockerfile line greater than max allowed size of 65535"
    assert parsed.error.line == 2


def test_line_at_the_limit_is_accepted() -> None:
    parsed = parse(b"FROM alpine\nRUN " + b"a" * (MAX_LINE_BYTES - 4) + b"\n")
    assert parsed.error is None


def test_long_first_line_reports_no_instructions_like_buildkit() -> None:
    parsed = parse(b"RUN " + b"a" * MAX_LINE_BYTES)
    assert parsed.error is not None and parsed.error.message == "file with no instructions"


def test_heredoc_body_lines_are_not_instructions() -> None:
    parsed = parse("FROM alpine AS a\nRUN <<EOF\nFROM ubuntu\nCOPY --from=x /a /b\nEOF\n")
    assert [i.command for i in parsed.instructions] == ["from", "run"]
    assert parsed.instructions[1].heredocs[0].content == "FROM ubuntu\nCOPY --from=x /a /b\n"


def test_heredoc_in_json_form_is_not_a_heredoc() -> None:
    parsed = parse('FROM alpine\nRUN ["cat", "<<EOF"]\nUSER x\n')
    assert [i.command for i in parsed.instructions] == ["from", "run", "user"]


def test_heredoc_without_trailing_newline_keeps_content_without_one() -> None:
    parsed = parse("FROM alpine\nCOPY <<EOF /x\nno newline\nEOF")
    assert parsed.instructions[1].heredocs[0].content == "no newline\n"


def test_lone_carriage_return_does_not_end_a_line() -> None:
    parsed = parse("FROM alpine\rRUN x\n")
    assert len(parsed.instructions) == 1
    # BuildKit splits FROM's words on [ \t\v\f\r], so the CR separates words, not lines.
    assert [w.value for w in parsed.instructions[0].args] == ["alpine", "RUN", "x"]


def test_unknown_instruction_is_an_error_with_a_suggestion() -> None:
    parsed = parse("FROM alpine\nRUNN echo\n")
    assert [(i.message, i.line) for i in parsed.issues] == [("unknown instruction: RUNN (did you mean run?)", 2)]


def test_instruction_before_first_from() -> None:
    parsed = parse("RUN echo\nFROM alpine\n")
    assert [i.message for i in parsed.issues] == ["no build stage in current context"]


def test_from_argument_count_and_stage_name_validity() -> None:
    parsed = parse("FROM\nFROM alpine AS\nFROM alpine AS 1st\nFROM alpine AS b c\nFROM alpine AS ok-name_1.2\n")
    assert [(i.message, i.line, i.column) for i in parsed.issues] == [
        ("FROM requires either one or three arguments", 1, 1),
        ("FROM requires either one or three arguments", 2, 1),
        ('invalid name for build stage: "1st", name can\'t start with a number or contain symbols', 3, 16),
        ("FROM requires either one or three arguments", 4, 1),
    ]


def test_unknown_duplicate_and_valueless_flags() -> None:
    parsed = parse("FROM --plaform=x alpine\nCOPY --form=a --from=b --from=c --from /a /b\nCOPY --link=maybe /a /b\n")
    assert [(i.message, i.line, i.column) for i in parsed.issues] == [
        ("unknown flag: plaform (did you mean platform?)", 1, 6),
        ("unknown flag: form (did you mean from?)", 2, 6),
        ("duplicate flag specified: from", 2, 24),
        ("duplicate flag specified: from", 2, 33),
        ("missing a value on flag: from", 2, 33),
        ("expecting boolean value for flag link, not: maybe", 3, 6),
    ]


def test_onbuild_chaining_and_forbidden_triggers() -> None:
    parsed = parse("FROM alpine\nONBUILD ONBUILD RUN x\nONBUILD FROM alpine\nONBUILD\n")
    assert [i.message for i in parsed.issues] == [
        "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
        "FROM isn't allowed as an ONBUILD trigger",
        "ONBUILD requires at least one argument",
    ]


def test_env_legacy_and_key_value_forms() -> None:
    parsed = parse('FROM alpine\nENV A 1 2\nENV B=1 C="x y"\nENV D\n')
    assert parsed.error is not None and parsed.error.message == "ENV must have two arguments"
    ok = parse('FROM alpine\nENV A 1 2\nENV B=1 C="x y"\n')
    assert [w.value for w in ok.instructions[1].args] == ["A", "1 2"]
    assert [w.value for w in ok.instructions[2].args] == ["B", "1", "C", '"x y"']


def test_five_megabyte_continuation_parses_into_one_instruction() -> None:
    body = "    echo some words && \\\n" * 200_000
    parsed = parse(("FROM alpine\nRUN true && \\\n" + body + "    true\n").encode())
    assert parsed.error is None
    assert parsed.instructions[1].end_line == 200_003


def test_keyword_on_a_later_line_than_the_start() -> None:
    parsed = parse("\\\n   RUN x\nFROM alpine\n")
    run = parsed.instructions[0]
    assert (run.start_line, run.end_line, run.column) == (1, 2, 1)


def test_flag_value_continued_onto_the_next_line() -> None:
    parsed = parse("FROM alpine:3.20\nCOPY --fr\\\nom=a /x /y\n")
    flag = parsed.instructions[1].flags[0]
    assert (flag.name, flag.value, flag.line, flag.column, flag.value_line, flag.value_column) == ("from", "a", 2, 6, 3, 4)
