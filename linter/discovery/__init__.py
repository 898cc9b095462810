"""Build targets declared where the builds are: Compose, Docker Bake and GitHub Actions workflows.

DS001 is only as good as its list of targets, and repositories already declare which stages they
build. Each reader returns DeclaredTarget records; a target that holds a variable without a known
default becomes a glob pattern (``app-*``), which counts for every stage it could name.
"""

from __future__ import annotations

import os
from typing import Callable, NamedTuple, Optional


class DeclaredTarget(NamedTuple):
    dockerfile: str  # absolute, normalised path of the Dockerfile the build uses
    target: str  # a stage name, or a glob pattern where a variable is unknown
    source: str  # the file that declares it
    line: int
    column: int

    @property
    def origin(self) -> str:
        return f"{self.source}:{self.line}"


class DiscoveryProblem(Exception):
    """A declaration file that cannot be read; reported as a warning, never fatal."""


def normalise(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


COMPOSE_FILES = (
    "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
    "compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml",
)  # fmt: skip
BAKE_FILES = ("docker-bake.hcl", "docker-bake.json", "docker-bake.override.hcl", "docker-bake.override.json")
WORKFLOWS = os.path.join(".github", "workflows")


def discover(root: str, warn: Callable[[str], None]) -> list[DeclaredTarget]:
    """Every declared target under ``root`` (Compose and Bake files at the top, workflows).

    The readers (and their parsers) are imported only for files that exist: most repositories
    have none, and a pre-commit hook pays every import on every commit.
    """
    import importlib

    present = set(os.listdir(root)) if os.path.isdir(root) else set()
    readers = [
        name
        for name, wanted in (("compose", COMPOSE_FILES), ("bake", BAKE_FILES))
        if present.intersection(wanted)
    ]
    if os.path.isdir(os.path.join(root, WORKFLOWS)):
        readers.append("workflows")
    found: list[DeclaredTarget] = []
    for name in readers:
        reader = importlib.import_module(f"{__name__}.{name}")
        for path in reader.files(root):
            try:
                found.extend(reader.read(path))
            except DiscoveryProblem as problem:
                warn(f"{os.path.relpath(path)}: cannot read build targets: {problem}")
    return found


def relative_source(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def substitute(text: str, lookup: Callable[[str], Optional[str]]) -> str:
    """Replace ``${NAME}``, ``${NAME:-default}``, ``${NAME-default}`` and ``$NAME``; unknown values
    become ``*`` so that the result is a pattern that still matches the stages it may mean."""
    import re

    def replace(match: re.Match[str]) -> str:
        name = match.group("braced") or match.group("bare")
        value = lookup(name)
        if value is not None:
            return value
        if match.group("default") is not None:
            return match.group("default")
        return "*"

    pattern = r"\$\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?P<default>[^}]*))?\}|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)"
    return re.sub(pattern, replace, text.replace("$$", "\0")).replace("\0", "$")


def load_yaml(path: str):  # type: ignore[no-untyped-def]
    """YAML with the line and column of every string (PyYAML, from the `discover` extra)."""
    try:
        import yaml
    except ImportError:
        raise DiscoveryProblem(
            "reading it needs PyYAML: pip install 'dslint[discover]' (or set discover-targets = false)"
        ) from None

    class Located(str):
        line = 0
        column = 0

    class Loader(yaml.SafeLoader):
        pass

    def construct_string(loader, node):  # type: ignore[no-untyped-def]
        value = Located(loader.construct_scalar(node))
        value.line = node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)
        value.column = node.start_mark.column + 1
        return value

    Loader.add_constructor("tag:yaml.org,2002:str", construct_string)
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, UnicodeDecodeError) as err:
        raise DiscoveryProblem(str(err)) from None
    except yaml.YAMLError as err:
        raise DiscoveryProblem(" ".join(str(err).split())) from None


def position(value: object) -> tuple[int, int]:
    return getattr(value, "line", 1) or 1, getattr(value, "column", 1) or 1
