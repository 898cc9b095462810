from __future__ import annotations

from ..conftest import lint, located


def test_same_name_in_another_case_is_a_duplicate() -> None:
    findings = lint("FROM a:1 AS build\nFROM b:1 AS Build\n", select=["DS004"])
    assert located(findings) == [("DS004", 2, 13)]
    assert findings[0].message.startswith("stage name 'build' is already used by stage #0 (line 1)")


def test_every_later_duplicate_is_reported() -> None:
    findings = lint("FROM a:1 as x\nFROM a:1 as x\nFROM a:1 as X\n", select=["DS004"])
    assert located(findings) == [("DS004", 2, 13), ("DS004", 3, 13)]


def test_distinct_names_pass() -> None:
    assert lint("FROM a:1 AS build-go\nFROM b:1 AS build-web\n", select=["DS004"]) == []
