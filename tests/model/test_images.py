from __future__ import annotations

import pytest

from linter.model import parse_image


@pytest.mark.parametrize(
    ("raw", "registry", "repository", "tag", "digest", "floating"),
    [
        ("node", "docker.io", "library/node", None, None, True),
        ("node:latest", "docker.io", "library/node", "latest", None, True),
        ("node:20", "docker.io", "library/node", "20", None, False),
        ("bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", None, False),
        ("localhost:5000/app", "localhost:5000", "app", None, None, True),
        ("ghcr.io/org/app@sha256:" + "a" * 64, "ghcr.io", "org/app", None, "sha256:" + "a" * 64, False),
        ("registry.example.com:443/team/app:1.0", "registry.example.com:443", "team/app", "1.0", None, False),
    ],
)
def test_reference_parts(raw: str, registry: str, repository: str, tag: object, digest: object, floating: bool) -> None:
    image = parse_image(raw)
    assert image.valid
    assert (image.registry, image.repository, image.tag, image.digest, image.floating) == (
        registry, repository, tag, digest, floating,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("Builder", "invalid reference format: repository name (Builder) must be lowercase"),
        ("", "invalid reference format: the reference is empty"),
        ("alpine:", "invalid reference format"),
        ("a" * 64, f"invalid repository name ({'a' * 64}), cannot specify 64-byte hexadecimal strings"),
    ],
)
def test_invalid_references(raw: str, error: str) -> None:
    assert parse_image(raw).error == error


def test_full_name() -> None:
    assert parse_image("biuld").full_name == "docker.io/library/biuld:latest"
