from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Iterator, Sequence

from ..findings import Finding, Severity
from ..model import DEFAULT_REGISTRY, ImageRef, RefKind, Target, looks_like_image
from ._base import LintContext, Rule


class UntrustedRegistry(Rule):
    """An external image comes from a registry that is not allowed.

    ## What it does
    Only when allowed registries are configured: reports an external image in `FROM`,
    `COPY --from` or `RUN --mount=from=` whose registry host matches none of the patterns.
    Patterns are shell globs on the host (`ghcr.io`, `*.example.com`), compared without case;
    a pattern without a port matches the host on any port. An image without a registry, like
    `alpine`, comes from `docker.io`, which must be listed by its exact name: a wildcard such as
    `*.io` does not let Docker Hub in.

    ## Why is this bad?
    Base images run with the build's privileges and end up in what ships. Organisations keep
    mirrors and vetted registries for that reason; one `FROM` from elsewhere bypasses them.

    ## Example
    With `--allowed-registry ghcr.io`:
    ```dockerfile
    FROM node:20
    ```

    ## Use instead
    ```dockerfile
    FROM ghcr.io/example/node:20
    ```

    ## Options
    - `allowed-registries`: the allowed registry patterns (`--allowed-registry PATTERN`,
      repeatable). Without any, this rule reports nothing.
    """

    code = "DS011"
    name = "untrusted-registry"
    default_severity = Severity.ERROR
    hadolint = ("DL3026",)
    options = ("allowed-registries",)
    example_options = {"allowed_registries": ("ghcr.io",)}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        patterns = ctx.settings.allowed_registries
        if not patterns:
            return
        allowed = ", ".join(patterns)
        for ref in ctx.graph.refs:
            image = ref.image
            if ref.target is not Target.IMAGE or image is None or not image.valid:
                continue
            if ref.kind is not RefKind.FROM and not looks_like_image(ref.value):
                continue  # a bare --from name is a missing stage (DS002), not a registry choice
            if registry_allowed(image, patterns):
                continue
            yield self.finding(
                ctx,
                ref.line,
                ref.column,
                f"{image.raw} comes from {image.registry}, which is not an allowed registry ({allowed}); "
                f"use a mirror in one of them or add the registry to allowed-registries",
                width=len(ref.value),
            )


def registry_allowed(image: ImageRef, patterns: Sequence[str]) -> bool:
    registry = image.registry.lower()
    host = registry.split(":", 1)[0] if not registry.startswith("[") else registry
    for pattern in patterns:
        pattern = pattern.lower()
        if image.registry == DEFAULT_REGISTRY:
            if pattern == DEFAULT_REGISTRY:
                return True
            continue
        if fnmatchcase(registry, pattern) or (":" not in pattern and fnmatchcase(host, pattern)):
            return True
    return False
