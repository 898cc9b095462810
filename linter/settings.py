"""Settings a lint run uses. Rules read them through LintContext, never from the environment."""

from __future__ import annotations

from typing import NamedTuple

PIN_LEVELS = ("tag", "digest")


class TargetOrigin(NamedTuple):
    """Where a build target of this file was named: the command line, a config file, a Compose file..."""

    name: str
    origin: str  # "--target", "config", "compose.yaml:12"
    source: str = ""  # for targets declared in another file: that file, and where in it
    line: int = 0
    column: int = 0

    @property
    def is_pattern(self) -> bool:
        return any(ch in self.name for ch in "*?[")


class Settings(NamedTuple):
    targets: tuple[str, ...] = ()
    pin: str = "tag"
    allowed_registries: tuple[str, ...] = ()
    target_origins: tuple[TargetOrigin, ...] = ()
