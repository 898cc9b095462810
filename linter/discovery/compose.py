"""Compose files: each service's build.target with its context and Dockerfile."""

from __future__ import annotations

import os
from typing import Iterator

from . import COMPOSE_FILES, DeclaredTarget, DiscoveryProblem, load_yaml, normalise, position, relative_source, substitute

def files(root: str) -> list[str]:
    return [os.path.join(root, name) for name in COMPOSE_FILES if os.path.isfile(os.path.join(root, name))]


def read(path: str) -> Iterator[DeclaredTarget]:
    document = load_yaml(path)
    if document is None:
        return
    if not isinstance(document, dict):
        raise DiscoveryProblem("the top level is not a mapping")
    services = document.get("services") or {}
    if not isinstance(services, dict):
        raise DiscoveryProblem("'services' is not a mapping")
    base = os.path.dirname(os.path.abspath(path))
    for service in services.values():
        build = service.get("build") if isinstance(service, dict) else None
        if not isinstance(build, dict) or not build.get("target"):
            continue
        context = substitute(str(build.get("context") or "."), os.environ.get)
        dockerfile = substitute(str(build.get("dockerfile") or "Dockerfile"), os.environ.get)
        if "://" in context or "*" in context + dockerfile:
            continue  # a remote or unknown context: no local Dockerfile to match
        target = build["target"]
        line, column = position(target)
        yield DeclaredTarget(
            dockerfile=normalise(os.path.join(base, context, dockerfile)),
            target=substitute(str(target), lambda name: None),
            source=relative_source(path),
            line=line,
            column=column,
        )
