"""Which rule codes are enabled: select/ignore by code prefix, the longest match wins."""

from __future__ import annotations

from typing import Iterable


def _longest(code: str, prefixes: Iterable[str]) -> int:
    return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=-1)


def is_enabled(code: str, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """Enabled when the longest matching ``select`` prefix beats the longest ``ignore`` one.

    An empty ``select`` selects everything. On a tie, ``ignore`` wins (flake8's rule).
    """
    select = tuple(select) or ("",)
    selected = _longest(code, select)
    ignored = _longest(code, ignore)
    return selected >= 0 and selected > ignored
