"""The parser's output: small frozen records with 1-based positions."""

from __future__ import annotations

from typing import NamedTuple, Optional


class Word(NamedTuple):
    """An argument as BuildKit splits it, with where it starts in the file."""

    value: str
    line: int
    column: int


class Flag(NamedTuple):
    """A ``--name=value`` word after the keyword, quotes removed (``value`` None without ``=``)."""

    name: str
    value: Optional[str]
    line: int
    column: int
    # Where the value starts (``--from=|build``), which a continuation can put on a later line.
    value_line: int = 0
    value_column: int = 0

    def __str__(self) -> str:
        return f"--{self.name}" if self.value is None else f"--{self.name}={self.value}"


class Heredoc(NamedTuple):
    name: str
    fd: int
    content: str
    expand: bool
    chomp: bool


class Instruction(NamedTuple):
    """One Dockerfile instruction.

    ``keyword`` is as written; ``command`` is its lowercase form. ``args`` follows BuildKit's
    split for the instruction (one word for shell-form RUN/CMD, whitespace-separated words for
    FROM and shell-form COPY, raw ``name=value`` words for ARG); for ENV and LABEL it is the
    flat sequence ``key, value, key, value``. ``original`` is the logical line after joining
    continuations, without heredoc bodies. ``sub`` is the instruction an ONBUILD wraps.
    """

    keyword: str
    flags: tuple[Flag, ...]
    args: tuple[Word, ...]
    original: str
    start_line: int
    end_line: int
    column: int
    is_json: bool = False
    sub: Optional[Instruction] = None
    heredocs: tuple[Heredoc, ...] = ()

    @property
    def command(self) -> str:
        return self.keyword.lower()

    def flag(self, name: str) -> Optional[Flag]:
        """The last ``--name`` flag; BuildKit matches flag names case-sensitively."""
        found = None
        for flag in self.flags:
            if flag.name == name:
                found = flag
        return found

    def flags_named(self, name: str) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.name == name)


class Directive(NamedTuple):
    name: str
    value: str
    line: int


class Comment(NamedTuple):
    """A comment line between instructions (not a directive, not inside a heredoc or continuation)."""

    text: str  # after the "#", stripped
    line: int


class ParseIssue(NamedTuple):
    """A problem BuildKit reports while reading the file; ``fatal`` ones stop the parse.

    ``last_line`` is where a problem spanning several lines ends (0: on ``line`` alone).
    """

    message: str
    line: int
    column: int = 1
    last_line: int = 0
    fatal: bool = True
    kind: str = "error"

    @property
    def end_line(self) -> int:
        return max(self.last_line, self.line)


class ParsedFile(NamedTuple):
    instructions: tuple[Instruction, ...]
    escape: str
    directives: tuple[Directive, ...]
    issues: tuple[ParseIssue, ...]
    lines: tuple[str, ...]
    comments: tuple[Comment, ...] = ()

    @property
    def error(self) -> Optional[ParseIssue]:
        for issue in self.issues:
            if issue.fatal:
                return issue
        return None

    @property
    def warnings(self) -> tuple[ParseIssue, ...]:
        return tuple(issue for issue in self.issues if issue.kind == "warning")

    def directive(self, name: str) -> Optional[Directive]:
        for directive in self.directives:
            if directive.name == name:
                return directive
        return None
