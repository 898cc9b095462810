"""BuildKit's shell-word lexer: variable expansion, quote removal and word splitting.

This follows ``frontend/dockerfile/shell/lex.go`` rule for rule, quirks included, because
the result decides which image or stage a ``FROM`` names and whether a word is a heredoc.
"""

from __future__ import annotations

import re
from typing import Mapping

from .text import GO_SPACE, go_quote, is_space


class ShellError(ValueError):
    """An expansion BuildKit refuses (bad substitution, unterminated quote, ...)."""


_SPECIAL_PARAMS = frozenset("@*#?-$!0")
_SPACES = re.compile("[" + re.escape(GO_SPACE) + "]+")


class Expansion:
    """The result of expanding one word, with the variables it looked up."""

    __slots__ = ("text", "words", "matched", "unmatched")

    def __init__(self, text: str, words: list[str], matched: set[str], unmatched: set[str]):
        self.text = text
        self.words = words
        self.matched = matched
        self.unmatched = unmatched


class ShellLexer:
    """Expand ``$V``, ``${V}``, ``${V:-w}`` ... as ``docker build`` does.

    ``raw_quotes`` keeps quote characters in the output, ``raw_escapes`` keeps escape
    characters and ``skip_unset`` leaves references to unknown variables as written:
    BuildKit combines these to find heredoc words.
    """

    def __init__(
        self,
        escape: str = "\\",
        *,
        raw_quotes: bool = False,
        raw_escapes: bool = False,
        skip_unset: bool = False,
    ) -> None:
        self.escape = escape
        self.raw_quotes = raw_quotes
        self.raw_escapes = raw_escapes
        self.skip_unset = skip_unset

    def expand(self, text: str, env: Mapping[str, str]) -> Expansion:
        if not any(special in text for special in ("$", "'", '"', self.escape)):
            # Nothing to expand or unquote (most image names): the words are the text's words.
            return Expansion(text, [word for word in _SPACES.split(text) if word], set(), set())
        return _Word(self, text, env).run()

    def process_word(self, text: str, env: Mapping[str, str]) -> str:
        return self.expand(text, env).text

    def process_words(self, text: str, env: Mapping[str, str]) -> list[str]:
        return self.expand(text, env).words


class _Words:
    """Word splitting as BuildKit's wordsStruct; the buffer is shared on purpose.

    BuildKit resets one shared buffer whenever a nested ``${...}`` is lexed, which drops the
    part of a word before it. Heredoc detection depends on that, so it is kept.
    """

    __slots__ = ("owner", "words", "in_word")

    def __init__(self, owner: _Word) -> None:
        self.owner = owner
        self.words: list[str] = []
        self.in_word = False

    def add_char(self, ch: str) -> None:
        buf = self.owner.buffer
        if is_space(ch):
            if self.in_word and buf:
                self.words.append("".join(buf))
                buf.clear()
                self.in_word = False
        else:
            self.add_raw(ch)

    def add_raw(self, text: str) -> None:
        self.owner.buffer.append(text)
        self.in_word = True

    def add_string(self, text: str) -> None:
        for ch in text:
            self.add_char(ch)

    def finish(self) -> list[str]:
        buf = self.owner.buffer
        if buf:
            joined = "".join(buf)
            if joined:
                self.words.append(joined)
            buf.clear()
            self.in_word = False
        return self.words


class _Word:
    def __init__(self, lexer: ShellLexer, text: str, env: Mapping[str, str]) -> None:
        self.lexer = lexer
        self.text = text
        self.pos = 0
        self.env = env
        self.raw_escapes = lexer.raw_escapes
        self.buffer: list[str] = []
        self.matched: set[str] = set()
        self.unmatched: set[str] = set()

    def run(self) -> Expansion:
        try:
            result, words = self._stop_on(None, self.lexer.raw_escapes)
        except ShellError as err:
            raise ShellError(f"failed to process {go_quote(self.text)}: {err}") from None
        except RecursionError:
            # Go's stacks grow; Python's do not. Hundreds of nested ${...} are no real Dockerfile.
            raise ShellError(f"failed to process {go_quote(self.text[:60])}...: variable references nested too deeply") from None
        return Expansion(result, words, self.matched, self.unmatched)

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _next(self) -> str:
        if self.pos < len(self.text):
            ch = self.text[self.pos]
            self.pos += 1
            return ch
        return ""

    def _stop_on(self, stop: str | None, raw_escapes: bool) -> tuple[str, list[str]]:
        result: list[str] = []
        self.buffer.clear()
        words = _Words(self)
        saved_raw = self.raw_escapes
        self.raw_escapes = raw_escapes
        escape = self.lexer.escape
        text = self.text
        length = len(text)
        try:
            while self.pos < length:
                ch = text[self.pos]
                if stop is not None and ch == stop:
                    self.pos += 1
                    return "".join(result), words.finish()
                if ch == "$":
                    expanded = self._dollar()
                    result.append(expanded)
                    words.add_string(expanded)
                    continue
                if ch == "'":
                    quoted = self._single_quote()
                    result.append(quoted)
                    words.add_raw(quoted)
                    continue
                if ch == '"':
                    quoted = self._double_quote()
                    result.append(quoted)
                    words.add_raw(quoted)
                    continue
                self.pos += 1
                if ch == escape:
                    if self.raw_escapes:
                        words.add_raw(ch)
                        result.append(ch)
                    if self.pos >= length:
                        break
                    ch = text[self.pos]
                    self.pos += 1
                    words.add_raw(ch)
                else:
                    words.add_char(ch)
                result.append(ch)
        finally:
            self.raw_escapes = saved_raw
        if stop is not None:
            raise ShellError(f"unexpected end of statement while looking for matching {stop}")
        return "".join(result), words.finish()

    def _single_quote(self) -> str:
        result: list[str] = []
        ch = self._next()
        if self.lexer.raw_quotes:
            result.append(ch)
        while True:
            ch = self._next()
            if ch == "":
                raise ShellError("unexpected end of statement while looking for matching single-quote")
            if ch == "'":
                if self.lexer.raw_quotes:
                    result.append(ch)
                return "".join(result)
            result.append(ch)

    def _double_quote(self) -> str:
        result: list[str] = []
        ch = self._next()
        if self.lexer.raw_quotes:
            result.append(ch)
        escape = self.lexer.escape
        while True:
            peek = self._peek()
            if peek == "":
                raise ShellError("unexpected end of statement while looking for matching double-quote")
            if peek == '"':
                ch = self._next()
                if self.lexer.raw_quotes:
                    result.append(ch)
                return "".join(result)
            if peek == "$":
                result.append(self._dollar())
                continue
            ch = self._next()
            if ch == escape:
                if self.raw_escapes:
                    result.append(ch)
                following = self._peek()
                if following == "":
                    continue
                if following in ('"', "$", escape):
                    ch = self._next()
            result.append(ch)

    def _dollar(self) -> str:
        self._next()
        if self._peek() != "{":
            name = self._name()
            if name == "":
                return "$"
            value = self._lookup(name)
            if value is None:
                return "$" + name if self.lexer.skip_unset else ""
            return value

        self._next()
        peek = self._peek()
        if peek == "":
            raise ShellError("syntax error: missing '}'")
        if peek in "{}:":
            raise ShellError("syntax error: bad substitution")
        name = self._name()
        ch = self._next()
        modifier = ch or "\ufffd"
        null_is_unset = False

        if ch == "}":
            value = self._lookup(name)
            if value is None:
                return "${" + name + "}" if self.lexer.skip_unset else ""
            return value

        if ch in (":", "+", "-", "?", "#", "%"):
            if ch == ":":
                null_is_unset = True
                ch = self._next()
                modifier += ch
            raw_escapes = ch in ("#", "%")
            if null_is_unset and raw_escapes:
                raise ShellError(f"unsupported modifier ({modifier}) in substitution")
            word = self._closing_word("}", raw_escapes, "syntax error: missing '}'")
            value = self._lookup(name)
            if value is None and self.lexer.skip_unset:
                return "${" + name + modifier + word + "}"
            if ch == "-":
                if value is None or (null_is_unset and value == ""):
                    return word
                return value
            if ch == "+":
                if value is None or (null_is_unset and value == ""):
                    return ""
                return word
            if ch == "?":
                if value is None:
                    raise ShellError(f"{name}: {word or 'is not allowed to be unset'}")
                if null_is_unset and value == "":
                    raise ShellError(f"{name}: {word or 'is not allowed to be empty'}")
                return value
            if ch in ("%", "#"):
                greedy = word.startswith(ch)
                if greedy:
                    word = word[1:]
                if ch == "%":
                    return _trim_suffix(word, value or "", greedy)
                return _trim_prefix(word, value or "", greedy)
            raise ShellError(f"unsupported modifier ({modifier}) in substitution")

        if ch == "/":
            replace_all = self._peek() == "/"
            if replace_all:
                self._next()
            pattern = self._closing_word("/", True, "syntax error: missing '/' in ${}")
            replacement = self._closing_word("}", True, "syntax error: missing '}'")
            value = self._lookup(name)
            if value is None and self.lexer.skip_unset:
                return "${" + name + "/" + pattern + "/" + replacement + "}"
            regex = _shell_pattern_regex(pattern, greedy=True, anchored=False)
            value = value or ""
            if replace_all:
                return regex.sub(lambda _match: replacement, value)
            match = regex.search(value)
            if match:
                return value[: match.start()] + replacement + value[match.end() :]
            return value

        raise ShellError(f"unsupported modifier ({modifier}) in substitution")

    def _closing_word(self, stop: str, raw_escapes: bool, missing: str) -> str:
        try:
            word, _ = self._stop_on(stop, raw_escapes)
        except ShellError:
            if self._peek() == "":
                raise ShellError(missing) from None
            raise
        return word

    def _name(self) -> str:
        text = self.text
        start = self.pos
        if start >= len(text):
            return ""
        first = text[start]
        if first.isdecimal():
            end = start
            while end < len(text) and text[end].isdecimal():
                end += 1
            self.pos = end
            return text[start:end]
        if first in _SPECIAL_PARAMS:
            self.pos += 1
            return first
        end = start
        while end < len(text) and (text[end].isalpha() or text[end].isdecimal() or text[end] == "_"):
            end += 1
        self.pos = end
        return text[start:end]

    def _lookup(self, name: str) -> str | None:
        value = self.env.get(name)
        if value is None:
            self.unmatched.add(name)
        else:
            self.matched.add(name)
        return value


def _shell_pattern_regex(pattern: str, *, greedy: bool, anchored: bool) -> re.Pattern[str]:
    out = ["^"] if anchored else []
    star = ".*" if greedy else ".*?"
    i = 0
    while i < len(pattern):
        tok = pattern[i]
        i += 1
        if tok == "*":
            out.append(star)
        elif tok == "?":
            out.append(".")
        elif tok == "\\":
            following = pattern[i] if i < len(pattern) else ""
            if following in ("}", "/"):
                continue
            i += 1
            if following not in ("*", "?", "\\"):
                raise ShellError(f"invalid pattern ({pattern}) in substitution: invalid escape '\\{following}'")
            out.append(re.escape(following))
        else:
            out.append(re.escape(tok))
    return re.compile("".join(out))


def _trim_prefix(pattern: str, value: str, greedy: bool) -> str:
    match = _shell_pattern_regex(pattern, greedy=greedy, anchored=True).search(value)
    return value[match.end() :] if match else value


def _reverse_pattern(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i != len(pattern) - 1:
            out.append(pattern[i] + pattern[i + 1])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(reversed(out))


def _trim_suffix(pattern: str, value: str, greedy: bool) -> str:
    # A regex finds the leftmost match only, so BuildKit reverses both sides.
    return _trim_prefix(_reverse_pattern(pattern), value[::-1], greedy)[::-1]
