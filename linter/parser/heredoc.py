"""Which words of an instruction open a heredoc (``<<EOF``, ``<<-EOF``, ``3<<"EOF"``)."""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from .expand import ShellError, ShellLexer

HEREDOC_COMMANDS = frozenset({"add", "copy", "run"})

_HEREDOC_WORD = re.compile(r"^(\d*)<<(-?)([^<]*)$")
_NO_ENV: dict[str, str] = {}

# BuildKit lexes heredoc words with a backslash escape, whatever "# escape=" says.
_LINE_LEXER = ShellLexer("\\", raw_quotes=True, raw_escapes=True, skip_unset=True)
_NAME_LEXER = ShellLexer("\\", skip_unset=True)
_RAW_NAME_LEXER = ShellLexer("\\", raw_quotes=True, skip_unset=True)


class HeredocStart(NamedTuple):
    name: str
    fd: int
    expand: bool
    chomp: bool


def heredocs_in_line(line: str) -> list[HeredocStart]:
    """The heredocs a logical line opens, in order; their bodies follow the line."""
    if "<<" not in line:
        return []
    try:
        words = _LINE_LEXER.process_words(line, _NO_ENV)
    except ShellError:
        return []
    found = []
    for word in words:
        heredoc = _parse_heredoc_word(word)
        if heredoc is not None:
            found.append(heredoc)
    return found


def _parse_heredoc_word(word: str) -> Optional[HeredocStart]:
    match = _HEREDOC_WORD.match(word)
    if match is None or not match.group(3):
        return None
    fd_text, dash, rest = match.groups()
    try:
        words = _NAME_LEXER.process_words(rest, _NO_ENV)
        if len(words) != 1:
            return None
        raw_words = _RAW_NAME_LEXER.process_words(rest, _NO_ENV)
    except ShellError:
        return None
    if len(raw_words) != 1:
        return None
    name, raw = words[0], raw_words[0]
    # A quoted delimiter (any part of it) turns off expansion of the body.
    expand = _quote_count(name) == _quote_count(raw)
    return HeredocStart(name, int(fd_text) if fd_text else 0, expand, dash == "-")


def _quote_count(text: str) -> int:
    return text.count("'") + text.count('"')
