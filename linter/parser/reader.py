"""Physical lines to instructions: directives, comments, continuations and heredoc bodies.

The loop mirrors BuildKit's ``parser.Parse``: the same order of checks decides what is a
comment, where a continuation stops and which lines belong to a heredoc.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, islice
from typing import Optional, Union

from .arguments import NONE, ArgumentError, Arguments, parse_arguments
from .directives import DirectiveError, DirectiveReader
from .heredoc import HEREDOC_COMMANDS, heredocs_in_line
from .instructions import Comment, Flag, Heredoc, Instruction, ParsedFile, ParseIssue, Word
from .split import split_command
from .text import GO_SPACE, UTF8_BOM, decode
from .validate import validate

MAX_LINE_BYTES = 65535


class _LogicalLine:
    """A joined instruction line and the physical line each piece came from.

    Continuation lines keep their leading whitespace, so only the first piece has a column
    offset; the offsets of the pieces are summed up only when a position is asked for.
    """

    __slots__ = ("parts", "lines", "first_column", "_offsets")

    def __init__(self, text: str, line: int, column: int) -> None:
        self.parts = [text]
        self.lines = [line]
        self.first_column = column
        self._offsets: Optional[list[int]] = None

    def position(self, offset: int) -> tuple[int, int]:
        if self._offsets is None or len(self._offsets) != len(self.parts):
            self._offsets = [0, *accumulate(len(part) for part in self.parts[:-1])]
        index = max(bisect_right(self._offsets, offset) - 1, 0)
        column = offset - self._offsets[index] + (self.first_column if index == 0 else 0)
        return self.lines[index], column + 1


def _trim_continuation(text: str, escape: str) -> tuple[str, bool]:
    """Remove a trailing escape; the flag says whether the instruction continues.

    BuildKit's rule, ``([^E])E[ \\t]*$|^E[ \\t]*$`` for the escape E, without a regex because
    it runs once per physical line: an escaped escape (``\\\\``) does not continue.
    """
    trimmed = text.rstrip(" \t")
    if trimmed[-1:] == escape and (len(trimmed) == 1 or trimmed[-2] != escape):
        return trimmed[:-1], True
    return text, False


def _physical_lines(data: Union[bytes, str]) -> tuple[list[str], bool, Optional[int]]:
    """Lines without their ``\\n``, whether the last one had one, and the first too-long line."""
    if isinstance(data, str):
        text = data
        raw = data.encode("utf-8", "surrogatepass") if len(data) > MAX_LINE_BYTES // 4 else b""
    else:
        raw = data
        text = decode(data)
    too_long = None
    if len(raw) > MAX_LINE_BYTES:
        # Linear and in C: a regex for "65,536 bytes without a newline" would rescan each line.
        lengths = list(map(len, raw.split(b"\n")))
        if max(lengths) > MAX_LINE_BYTES:
            too_long = next(index for index, length in enumerate(lengths) if length > MAX_LINE_BYTES)
    lines = text.split("\n")
    last_has_newline = lines[-1] == ""
    if last_has_newline:
        lines.pop()
    if lines and lines[0].startswith(UTF8_BOM):
        lines[0] = lines[0][1:]
    return lines, last_has_newline, too_long


def oversized(limit: int) -> ParsedFile:
    """What a file over the size limit becomes: one issue, nothing parsed."""
    message = f"file is larger than the size limit of {limit:,} bytes (max-file-size); it was not parsed"
    return ParsedFile(instructions=(), escape="\\", directives=(), issues=(ParseIssue(message, 1),), lines=())


def parse(data: Union[bytes, str]) -> ParsedFile:
    """Parse Dockerfile bytes (or text) the way BuildKit does; problems become issues."""
    lines, last_has_newline, too_long = _physical_lines(data)
    readable = lines if too_long is None else lines[:too_long]
    reader = _Reader(readable, last_has_newline or too_long is not None)
    reader.run()
    issues = reader.issues
    if reader.fatal is None:
        if not reader.instructions:
            issues.append(ParseIssue("file with no instructions", max(reader.current, 1)))
        elif too_long is not None:
            issues.append(
                ParseIssue(f"dockerfile line greater than max allowed size of {MAX_LINE_BYTES}", too_long + 1)
            )
        else:
            issues.extend(validate(reader.instructions))
    return ParsedFile(
        instructions=tuple(reader.instructions),
        escape=reader.escape,
        directives=tuple(reader.directives.found),
        issues=tuple(issues),
        lines=tuple(lines),
        comments=tuple(reader.comments),
    )


class _Reader:
    def __init__(self, lines: list[str], last_has_newline: bool) -> None:
        self.lines = lines
        self.last_has_newline = last_has_newline
        self.current = 0  # how many physical lines have been consumed
        self.escape = "\\"
        self.directives = DirectiveReader()
        self.instructions: list[Instruction] = []
        self.comments: list[Comment] = []
        self.issues: list[ParseIssue] = []
        self.fatal: Optional[ParseIssue] = None

    def _fail(self, message: str, line: int, end_line: int = 0) -> None:
        self.fatal = ParseIssue(message, line, last_line=end_line)
        self.issues.append(self.fatal)

    def _next_line(self) -> str:
        text = self.lines[self.current]
        self.current += 1
        return text

    def run(self) -> None:
        lines = self.lines
        while self.current < len(lines) and self.fatal is None:
            raw = self._next_line()
            line_number = self.current
            body = raw.rstrip("\r\n")
            stripped = body.lstrip(GO_SPACE)
            if not self.directives.done:
                try:
                    directive = self.directives.feed(stripped, line_number)
                except DirectiveError as err:
                    self._fail(str(err), line_number)
                    return
                if directive is not None and directive.name == "escape":
                    self.escape = directive.value
            if stripped.startswith("#"):
                if self.directives.done:
                    self.comments.append(Comment(stripped[1:].strip(), line_number))
                continue
            text, continues = _trim_continuation(stripped, self.escape)
            if not continues and not text:
                continue
            start_line = line_number
            logical = _LogicalLine(text, line_number, len(body) - len(stripped))
            has_empty_continuation = False
            if continues:
                has_empty_continuation = self._continue(logical)
            joined = "".join(logical.parts)
            if has_empty_continuation:
                self.issues.append(
                    ParseIssue(
                        f"Empty continuation line found in: {joined}",
                        self.current,
                        fatal=False,
                        kind="warning",
                    )
                )
            try:
                instruction = _instruction(joined, 0, logical, self.escape)
            except ArgumentError as err:
                self._fail(str(err), start_line, self.current)
                return
            heredocs = self._read_heredocs(instruction, joined, start_line)
            if heredocs is None:
                return
            self.instructions.append(
                _replace_lines(instruction, start_line, self.current, heredocs)
            )

    def _continue(self, logical: _LogicalLine) -> bool:
        """Append continuation lines to ``logical``; True if an empty one was skipped.

        This loop runs once per physical line of a continued instruction (a 5 MB RUN can have a
        million), so it inlines ``_trim_continuation`` and works on local names only.
        """
        escape = self.escape
        add_part, add_line = logical.parts.append, logical.lines.append
        index = self.current
        had_empty = False
        for raw in islice(self.lines, index, None):
            index += 1
            stripped = raw.lstrip(GO_SPACE)
            if not stripped:
                had_empty = True
                continue
            if stripped[0] == "#":
                continue
            body = raw.rstrip("\r")
            trimmed = body.rstrip(" \t")
            add_line(index)
            if trimmed[-1:] == escape and (len(trimmed) == 1 or trimmed[-2] != escape):
                add_part(trimmed[:-1])
            else:
                add_part(body)
                break
        self.current = index
        return had_empty

    def _read_heredocs(self, instruction: Instruction, line: str, start_line: int) -> Optional[tuple[Heredoc, ...]]:
        target = instruction.sub if instruction.command == "onbuild" and instruction.sub else instruction
        if target.command not in HEREDOC_COMMANDS or target.is_json:
            return ()
        found = []
        for start in heredocs_in_line(line):
            content: list[str] = []
            terminated = False
            while self.current < len(self.lines):
                raw = self._next_line()
                candidate = raw.rstrip("\r\n")
                if start.chomp:
                    candidate = candidate.lstrip("\t")
                if candidate == start.name:
                    terminated = True
                    break
                has_newline = self.current < len(self.lines) or self.last_has_newline
                content.append(raw + "\n" if has_newline else raw)
            if not terminated:
                self._fail("unterminated heredoc", start_line, self.current)
                return None
            found.append(Heredoc(start.name, start.fd, "".join(content), start.expand, start.chomp))
        return tuple(found)


def _instruction(line: str, base: int, logical: _LogicalLine, escape: str) -> Instruction:
    split = split_command(line)
    command = split.keyword.lower()
    sub = None
    if command == "onbuild":
        arguments = NONE
        if split.rest:
            sub = _instruction(split.rest, base + split.rest_offset, logical, escape)
    else:
        arguments = parse_arguments(command, split.rest, escape)
    keyword_line, keyword_column = logical.position(base + split.keyword_offset)
    flags = []
    for raw_flag in split.flags:
        name, equals, value = raw_flag.text[2:].partition("=")
        flag_line, flag_column = logical.position(base + raw_flag.offset)
        equals_at = line.find("=", raw_flag.offset)
        if equals and equals_at >= 0:
            value_line, value_column = logical.position(base + equals_at + 1)
        else:  # no value: where one would start after "--name="
            value_line, value_column = flag_line, flag_column + len(name) + 3
        flags.append(Flag(name, value if equals else None, flag_line, flag_column, value_line, value_column))
    return Instruction(
        keyword=split.keyword,
        flags=tuple(flags),
        args=_words(arguments, base + split.rest_offset, logical),
        original=line,
        start_line=keyword_line,
        end_line=keyword_line,
        column=keyword_column,
        is_json=arguments.is_json,
        sub=sub,
    )


def _words(arguments: Arguments, base: int, logical: _LogicalLine) -> tuple[Word, ...]:
    words = []
    for value, offset in arguments.words:
        line, column = logical.position(base + offset)
        words.append(Word(value, line, column))
    return tuple(words)


def _replace_lines(
    instruction: Instruction, start_line: int, end_line: int, heredocs: tuple[Heredoc, ...]
) -> Instruction:
    # The keyword may sit on a later line than the instruction's first ("\\" alone on a line);
    # the column then cannot describe the first line, so it is 1.
    column = instruction.column if instruction.start_line == start_line else 1
    return instruction._replace(start_line=start_line, end_line=end_line, column=column, heredocs=heredocs)
