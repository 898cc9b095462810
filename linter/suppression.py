"""Suppression comments: ``# noqa``, ``# dslint: noqa`` and BuildKit's ``# check=skip=``.

In a Dockerfile ``#`` starts a comment only at the start of a line, so a suppression sits on
its own line directly above the instruction it applies to.
"""

from __future__ import annotations

import re
from typing import ClassVar, Iterable, Mapping, NamedTuple, Optional

from .findings import Finding
from .parser import ParsedFile

# BuildKit's build checks (docker build --check); a name outside this list in "# check=skip=" is
# reported, names dslint has no twin for are accepted and do nothing here.
BUILDKIT_CHECKS = frozenset({
    "StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing",
    "DuplicateStageName", "ReservedStageName", "JSONArgsRecommended", "MaintainerDeprecated",
    "UndefinedArgInFrom", "WorkdirRelativePath", "UndefinedVar", "MultipleInstructionsDisallowed",
    "LegacyKeyValueFormat", "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom",
    "FromPlatformFlagConstDisallowed", "CopyIgnoredFile", "InvalidBaseImagePlatform", "ExposeProtoCasing",
    "ExposeInvalidFormat",
})  # fmt: skip

_NOQA = re.compile(r"^noqa\b(?P<rest>.*)$", re.IGNORECASE)
_FILE_NOQA = re.compile(r"^dslint\s*:\s*noqa\b(?P<rest>.*)$", re.IGNORECASE)
_CODE_LIST = re.compile(r"^:\s*(?P<codes>[A-Za-z0-9]+(?:[\s,]+[A-Za-z0-9]+)*)\s*,?\s*$")


class Problem(NamedTuple):
    """A suppression comment that is malformed or names something unknown."""

    line: int
    column: int
    message: str


class Suppressions:
    """What a file's comments suppress, and the suppression comments that are not usable."""

    NONE: ClassVar[Suppressions]  # a file without suppressions

    __slots__ = ("skip_file", "file_codes", "ranges", "problems")

    def __init__(self) -> None:
        self.skip_file = False
        self.file_codes: set[str] = set()
        # line ranges of instructions with the codes suppressed on them (None: every code)
        self.ranges: list[tuple[int, int, Optional[frozenset[str]]]] = []
        self.problems: list[Problem] = []

    def suppresses(self, finding: Finding) -> bool:
        if self.skip_file or finding.code in self.file_codes:
            return True
        for start, end, codes in self.ranges:
            if start <= finding.line <= end and (codes is None or finding.code in codes):
                return True
        return False


Suppressions.NONE = Suppressions()


def _codes(rest: str, known: Iterable[str]) -> tuple[Optional[frozenset[str]], Optional[str]]:
    """Parse what follows ``noqa``: (codes or None for all, problem message or None)."""
    if not rest.strip():
        return None, None
    match = _CODE_LIST.match(rest.strip())
    if match is None:
        return frozenset(), "expected '# noqa' or '# noqa: CODE[,CODE...]'"
    codes = [code.upper() for code in re.split(r"[\s,]+", match.group("codes")) if code]
    unknown = [code for code in codes if code not in set(known)]
    if unknown:
        return frozenset(), f"unknown rule code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"
    return frozenset(codes), None


def collect(parsed: ParsedFile, known_codes: Iterable[str], buildkit_twins: Mapping[str, Iterable[str]]) -> Suppressions:
    """Read every suppression of a file. ``buildkit_twins`` maps BuildKit check names to codes."""
    known = frozenset(known_codes)
    found = Suppressions()
    instruction_at = {instruction.start_line: instruction for instruction in parsed.instructions}
    comment_lines = {comment.line for comment in parsed.comments}
    for comment in parsed.comments:
        column = _column(parsed, comment.line)
        file_match = _FILE_NOQA.match(comment.text)
        if file_match:
            codes, problem = _codes(file_match.group("rest"), known)
            if problem:
                found.problems.append(Problem(comment.line, column, f"malformed '# dslint: noqa': {problem}; it suppresses nothing"))
            elif codes is None:
                found.skip_file = True
            else:
                found.file_codes |= codes
            continue
        match = _NOQA.match(comment.text)
        if not match:
            continue
        codes, problem = _codes(match.group("rest"), known)
        if problem:
            found.problems.append(Problem(comment.line, column, f"malformed '# noqa': {problem}; it suppresses nothing"))
            continue
        target_line = comment.line + 1
        while target_line in comment_lines:
            target_line += 1
        instruction = instruction_at.get(target_line)
        if instruction is None:
            found.problems.append(
                Problem(comment.line, column, "'# noqa' must be directly above an instruction (comment lines may come between)")
            )
            continue
        found.ranges.append((instruction.start_line, instruction.end_line, codes))
    _check_directive(parsed, found, buildkit_twins)
    return found


def _check_directive(parsed: ParsedFile, found: Suppressions, buildkit_twins: Mapping[str, Iterable[str]]) -> None:
    directive = parsed.directive("check")
    if directive is None:
        return
    twins = {name.lower(): codes for name, codes in buildkit_twins.items()}
    known_checks = {name.lower(): name for name in BUILDKIT_CHECKS}
    for part in directive.value.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() != "skip":
            continue
        for name in (item.strip() for item in value.split(",")):
            if not name:
                continue
            if name.lower() == "all":
                for codes in twins.values():
                    found.file_codes |= set(codes)
            elif name.lower() in twins:
                found.file_codes |= set(twins[name.lower()])
            elif name.lower() not in known_checks:
                found.problems.append(
                    Problem(directive.line, 1, f"'# check=skip={name}': BuildKit has no check named {name!r}; it skips nothing")
                )


def _column(parsed: ParsedFile, line: int) -> int:
    text = parsed.lines[line - 1] if 0 < line <= len(parsed.lines) else ""
    return len(text) - len(text.lstrip()) + 1
