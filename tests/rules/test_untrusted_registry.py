from __future__ import annotations

import pytest

from linter.model import parse_image
from linter.rules.untrusted_registry import registry_allowed

from ..conftest import lint, located

FILE = """
    FROM ghcr.io/org/base:1 AS base
    FROM node:20
    COPY --from=registry.example.com:5000/tools:1 /t /t
    RUN --mount=from=quay.io/org/x:2,target=/x ls
    COPY --from=base /a /b
    COPY --from=scratch /a /b
"""


def test_nothing_is_reported_without_allowed_registries() -> None:
    assert lint(FILE, select=["DS011"]) == []


def test_images_from_other_registries() -> None:
    findings = lint(FILE, select=["DS011"], allowed_registries=["ghcr.io", "*.example.com"])
    assert located(findings) == [("DS011", 2, 6), ("DS011", 4, 18)]
    assert findings[0].message.startswith("node:20 comes from docker.io, which is not an allowed registry (ghcr.io, *.example.com)")


@pytest.mark.parametrize(
    ("image", "patterns", "allowed"),
    [
        ("alpine:3.20", ["docker.io"], True),
        ("alpine:3.20", ["*.io"], False),  # Docker Hub must be listed by name
        ("alpine:3.20", ["*"], False),
        ("ghcr.io/x:1", ["*.io"], True),
        ("evil-example.com/x:1", ["*.example.com"], False),
        ("a.b.example.com/x:1", ["*.example.com"], True),
        ("ghcr.io.evil.com/x:1", ["ghcr.io"], False),
        ("GHCR.IO/x:1", ["ghcr.io"], True),
        ("registry.example.com:5000/x:1", ["registry.example.com"], True),
        ("registry.example.com:5000/x:1", ["registry.example.com:443"], False),
    ],
)
def test_pattern_matching(image: str, patterns: list[str], allowed: bool) -> None:
    assert registry_allowed(parse_image(image), patterns) is allowed
