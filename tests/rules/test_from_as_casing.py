from __future__ import annotations

import pytest

from ..conftest import lint, located


@pytest.mark.parametrize(("line", "expected"), [("FROM alpine:3.20 as a", "write AS"), ("from alpine:3.20 AS a", "write as")])
def test_mismatched_keyword_case(line: str, expected: str) -> None:
    findings = lint(line + "\n", select=["DS013"])
    assert located(findings) == [("DS013", 1, 18)]
    assert findings[0].message.endswith(expected)


@pytest.mark.parametrize("line", ["FROM alpine:3.20 AS a", "from alpine:3.20 as a", "From alpine:3.20 as a", "FROM alpine:3.20 As a"])
def test_matching_or_mixed_case_passes(line: str) -> None:
    assert lint(line + "\n", select=["DS013"]) == []
