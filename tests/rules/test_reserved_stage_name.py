from __future__ import annotations

import pytest

from ..conftest import lint, located


@pytest.mark.parametrize("name", ["scratch", "Scratch", "context", "CONTEXT"])
def test_reserved_names(name: str) -> None:
    findings = lint(f"FROM alpine:3.20 AS {name}\nFROM alpine:3.20\n", select=["DS005"])
    assert located(findings) == [("DS005", 1, 21)]
    assert f"stage name '{name}' is reserved" in findings[0].message


def test_ordinary_name() -> None:
    assert lint("FROM alpine:3.20 AS scratchpad\n", select=["DS005"]) == []
