"""BuildKit's instruction-level checks (its ``instructions`` package), as non-fatal issues.

BuildKit stops at the first of these; a linter reports each one and keeps going so that the
stage rules can still look at the rest of the file.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from .instructions import Flag, Instruction, ParseIssue
from .text import go_quote

INSTRUCTIONS = (
    "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label",
    "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
)  # fmt: skip
_KNOWN = frozenset(INSTRUCTIONS)

STAGE_NAME = re.compile(r"^[a-z][a-z0-9\-_.]*$")

# Flag name -> takes a string value (True) or is a boolean (False), for the instructions whose
# flag set has been stable for years; newer or experimental flags elsewhere are not judged.
_FLAGS: dict[str, dict[str, bool]] = {
    "from": {"platform": True},
    "copy": {"from": True, "chown": True, "chmod": True, "link": False, "parents": False, "exclude": True},
}
_REPEATABLE = frozenset({"exclude"})


def validate(instructions: list[Instruction]) -> list[ParseIssue]:
    issues: list[ParseIssue] = []
    seen_from = False
    for instruction in instructions:
        issues.extend(_check(instruction, instruction, seen_from))
        if instruction.command == "from":
            seen_from = True
    return issues


def _issue(instruction: Instruction, message: str, line: int = 0, column: int = 0) -> ParseIssue:
    return ParseIssue(message, line or instruction.start_line, column or instruction.column, fatal=False)


def _check(instruction: Instruction, at: Instruction, seen_from: bool) -> Iterator[ParseIssue]:
    command = instruction.command
    if command not in _KNOWN:
        yield _issue(at, f"unknown instruction: {instruction.keyword}{_suggestion(command, INSTRUCTIONS)}")
        return
    if not seen_from and command not in ("from", "arg"):
        yield _issue(at, "no build stage in current context")
    yield from _check_flags(instruction, at)
    if command == "from":
        yield from _check_from(instruction, at)
    elif command == "onbuild":
        yield from _check_onbuild(instruction, at)


def _suggestion(word: str, choices: Sequence[str]) -> str:
    import difflib  # only on an error: difflib is slow to import

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _check_flags(instruction: Instruction, at: Instruction) -> Iterator[ParseIssue]:
    allowed = _FLAGS.get(instruction.command)
    if allowed is None:
        return
    used: set[str] = set()
    for flag in instruction.flags:
        takes_value = allowed.get(flag.name)
        if takes_value is None:
            yield _flag_issue(at, flag, f"unknown flag: {flag.name}{_suggestion(flag.name, list(allowed))}")
            continue
        if flag.name in used and flag.name not in _REPEATABLE:
            yield _flag_issue(at, flag, f"duplicate flag specified: {flag.name}")
        used.add(flag.name)
        if takes_value and flag.value is None:
            yield _flag_issue(at, flag, f"missing a value on flag: {flag.name}")
        elif not takes_value and flag.value is not None and flag.value.lower() not in ("true", "false"):
            message = (
                f"missing a value on flag: {flag.name}"
                if flag.value == ""
                else f"expecting boolean value for flag {flag.name}, not: {flag.value}"
            )
            yield _flag_issue(at, flag, message)


def _flag_issue(at: Instruction, flag: Flag, message: str) -> ParseIssue:
    return _issue(at, message, flag.line, flag.column)


def _check_from(instruction: Instruction, at: Instruction) -> Iterator[ParseIssue]:
    args = instruction.args
    if len(args) == 3 and args[1].value.lower() == "as":
        name = args[2]
        if not STAGE_NAME.match(name.value.lower()):
            yield _issue(
                at,
                f"invalid name for build stage: {go_quote(name.value)}, "
                "name can't start with a number or contain symbols",
                name.line,
                name.column,
            )
    elif len(args) != 1:
        yield _issue(at, "FROM requires either one or three arguments")


def _check_onbuild(instruction: Instruction, at: Instruction) -> Iterator[ParseIssue]:
    sub = instruction.sub
    if sub is None:
        yield _issue(at, "ONBUILD requires at least one argument")
        return
    if sub.command == "onbuild":
        yield _issue(at, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")
    elif sub.command in ("from", "maintainer"):
        yield _issue(at, f"{sub.keyword.upper()} isn't allowed as an ONBUILD trigger")
    else:
        yield from _check(sub, at, seen_from=True)
