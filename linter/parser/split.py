"""Split a logical line into keyword, flags and the rest, as BuildKit's splitCommand does."""

from __future__ import annotations

from typing import NamedTuple

from .text import GO_SPACE, TOKEN_SPACE_RE, is_space


class RawFlag(NamedTuple):
    text: str  # "--name=value" with quotes and backslashes resolved
    offset: int  # where the word starts in the line


class SplitLine(NamedTuple):
    keyword: str
    keyword_offset: int
    flags: list[RawFlag]
    rest: str
    rest_offset: int


def split_command(line: str) -> SplitLine:
    stripped = line.lstrip(GO_SPACE)
    lead = len(line) - len(stripped)
    stripped = stripped.rstrip(GO_SPACE)
    separator = TOKEN_SPACE_RE.search(stripped)
    if separator is None:
        return SplitLine(stripped, lead, [], "", lead + len(stripped))
    keyword = stripped[: separator.start()]
    after = stripped[separator.end() :]
    after_offset = lead + separator.end()
    rest_start, words = _extract_builder_flags(after)
    rest = after[rest_start:]
    rest_lead = len(rest) - len(rest.lstrip(GO_SPACE))
    rest = rest.strip(GO_SPACE)
    flags = [RawFlag(text, after_offset + offset) for text, offset in words]
    return SplitLine(keyword, lead, flags, rest, after_offset + rest_start + rest_lead)


def _extract_builder_flags(line: str) -> tuple[int, list[tuple[str, int]]]:
    """Return where the arguments start and the ``--`` words before them.

    Flags always use a backslash escape, whatever ``# escape=`` says; ``--`` alone ends them.
    """
    words: list[tuple[str, int]] = []
    length = len(line)
    pos = 0
    while pos < length:
        if is_space(line[pos]):
            pos += 1
            continue
        if line[pos] != "-" or pos + 1 == length or line[pos + 1] != "-":
            return pos, words
        start = pos
        word: list[str] = []
        blank_ok = False
        quote = ""
        while pos < length:
            ch = line[pos]
            if quote:
                if ch == quote:
                    quote = ""
                elif ch == "\\":
                    if pos + 1 == length:
                        quote = ""
                    else:
                        pos += 1
                        word.append(line[pos])
                else:
                    word.append(ch)
                pos += 1
                continue
            if is_space(ch):
                break
            if ch in ("'", '"'):
                quote = ch
                blank_ok = True
            elif ch == "\\":
                if pos + 1 < length:
                    pos += 1
                    word.append(line[pos])
            else:
                word.append(ch)
            pos += 1
        text = "".join(word)
        if pos >= length:
            if text != "--" and (blank_ok or text):
                words.append((text, start))
            return length, words
        if text == "--":
            return pos, words
        if blank_ok or text:
            words.append((text, start))
    return length, words
