"""Per-instruction argument parsing (BuildKit's line_parsers.go), with start offsets."""

from __future__ import annotations

from typing import Callable, NamedTuple, Optional

from .text import GO_SPACE, TOKEN_RE, TOKEN_SPACE_RE, go_quote, is_space


class ArgumentError(ValueError):
    """BuildKit rejects the instruction's arguments at parse time."""


NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only"


class Arguments(NamedTuple):
    words: list[tuple[str, int]]  # value and offset in the arguments text
    is_json: bool = False
    present: bool = True  # False where BuildKit keeps no value node at all


NONE = Arguments([], present=False)

ArgumentParser = Callable[[str, str], Arguments]


def _ignore(rest: str, escape: str) -> Arguments:
    return Arguments([("", 0)])


def _string(rest: str, escape: str) -> Arguments:
    return Arguments([(rest, 0)]) if rest else NONE


def _whitespace_delimited(rest: str, escape: str) -> Arguments:
    if not rest:
        return NONE
    return Arguments([(match.group(), match.start()) for match in TOKEN_RE.finditer(rest)])


def _json(rest: str) -> Optional[Arguments]:
    """The array, or None when ``rest`` is not JSON (the caller falls back to shell form)."""
    trimmed = rest.lstrip(GO_SPACE)
    if not trimmed.startswith("["):
        return None
    import json  # only for exec-form instructions

    try:
        items = json.loads(trimmed, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None
    if not isinstance(items, list):
        return None
    if not all(isinstance(item, str) for item in items):
        raise ArgumentError(NOT_STRING_ARRAY)
    offset = len(rest) - len(trimmed)
    return Arguments([(item, offset) for item in items], is_json=True)


def _reject_constant(name: str) -> None:
    # Go's encoding/json has no NaN or Infinity; such text is not JSON for BuildKit.
    raise ValueError(name)


def _maybe_json(rest: str, escape: str) -> Arguments:
    if not rest:
        return NONE
    parsed = _json(rest)
    return parsed if parsed is not None else Arguments([(rest, 0)])


def _maybe_json_to_list(rest: str, escape: str) -> Arguments:
    parsed = _json(rest)
    return parsed if parsed is not None else _whitespace_delimited(rest, escape)


def parse_words(rest: str, escape: str) -> list[tuple[str, int]]:
    """Split on whitespace outside quotes, keeping quotes and escapes in the words."""
    words: list[tuple[str, int]] = []
    word: list[str] = []
    start = 0
    in_word = False
    quote = ""
    blank_ok = False
    pos = 0
    length = len(rest)
    while pos < length:
        ch = rest[pos]
        if not in_word:
            if is_space(ch):
                pos += 1
                continue
            in_word = True
            start = pos
        if quote:
            if ch == escape and quote != "'":
                if pos + 1 == length:
                    quote = ""
                    pos += 1
                    continue
                word.append(ch)
                pos += 1
                ch = rest[pos]
            elif ch == quote:
                quote = ""
            word.append(ch)
            pos += 1
            continue
        if is_space(ch):
            if blank_ok or word:
                words.append(("".join(word), start))
            word = []
            blank_ok = False
            in_word = False
            pos += 1
            continue
        if ch in ("'", '"'):
            quote = ch
            blank_ok = True
        if ch == escape:
            if pos + 1 == length:
                pos += 1
                continue
            word.append(ch)
            pos += 1
            ch = rest[pos]
        word.append(ch)
        pos += 1
    if in_word and (blank_ok or word):
        words.append(("".join(word), start))
    return words


def _name_or_name_value(rest: str, escape: str) -> Arguments:
    words = parse_words(rest, escape)
    return Arguments(words) if words else NONE


def _name_value(keyword: str) -> ArgumentParser:
    def parse(rest: str, escape: str) -> Arguments:
        words = parse_words(rest, escape)
        if not words:
            return NONE
        if "=" not in words[0][0]:
            parts = TOKEN_SPACE_RE.split(rest, maxsplit=1)
            if len(parts) < 2:
                raise ArgumentError(f"{keyword} must have two arguments")
            separator = TOKEN_SPACE_RE.search(rest)
            assert separator is not None
            return Arguments([(parts[0], 0), (parts[1], separator.end())])
        pairs: list[tuple[str, int]] = []
        for word, offset in words:
            if "=" not in word:
                raise ArgumentError(f"Syntax error - can't find = in {go_quote(word)}. Must be of the form: name=value")
            key, value = word.split("=", 1)
            pairs.append((key, offset))
            pairs.append((value, offset + len(key) + 1))
        return Arguments(pairs)

    return parse


def _health_config(rest: str, escape: str) -> Arguments:
    sep = 0
    while sep < len(rest) and not is_space(rest[sep]):
        sep += 1
    if sep == 0:
        return NONE
    following = sep
    while following < len(rest) and is_space(rest[following]):
        following += 1
    command = _maybe_json(rest[following:], escape)
    words = [(rest[:sep], 0)] + [(value, following + offset) for value, offset in command.words]
    return Arguments(words, is_json=command.is_json)


ARGUMENT_PARSERS: dict[str, ArgumentParser] = {
    "add": _maybe_json_to_list,
    "arg": _name_or_name_value,
    "cmd": _maybe_json,
    "copy": _maybe_json_to_list,
    "entrypoint": _maybe_json,
    "env": _name_value("ENV"),
    "expose": _whitespace_delimited,
    "from": _whitespace_delimited,
    "healthcheck": _health_config,
    "label": _name_value("LABEL"),
    "maintainer": _string,
    "run": _maybe_json,
    "shell": _maybe_json,
    "stopsignal": _string,
    "user": _string,
    "volume": _maybe_json_to_list,
    "workdir": _string,
}
"""ONBUILD is handled by the reader: its argument is an instruction of its own."""


def parse_arguments(command: str, rest: str, escape: str) -> Arguments:
    return ARGUMENT_PARSERS.get(command, _ignore)(rest, escape)
