"""Character classes and decoding shared by the parser, matching Go's definitions.

BuildKit is written in Go; Go's ``unicode.IsSpace`` is not Python's ``str.isspace``
(Python also counts U+001C..U+001F), so whitespace is spelled out here once.
"""

from __future__ import annotations

import re

# unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space property.
GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_GO_SPACE_SET = frozenset(GO_SPACE)

# BuildKit's reWhitespace / tokenWhitespace: only these five separate words.
TOKEN_SPACE_RE = re.compile(r"[\t\v\f\r ]+")
TOKEN_RE = re.compile(r"[^\t\v\f\r ]+")

_SURROGATE_TO_REPLACEMENT = {code: "\ufffd" for code in range(0xDC80, 0xDD00)}

UTF8_BOM = "\ufeff"


def go_quote(text: str) -> str:
    """Quote as Go's %q does for the characters a Dockerfile word can hold (BuildKit's messages)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def is_space(ch: str) -> bool:
    return ch in _GO_SPACE_SET


def decode(data: bytes) -> str:
    """Decode UTF-8 the way Go reads it: every invalid byte becomes one U+FFFD.

    Python's "replace" handler folds a truncated sequence into a single U+FFFD,
    which would shift columns against BuildKit's view of the same bytes.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape").translate(_SURROGATE_TO_REPLACEMENT)
