"""Settings a lint run uses. Rules read them through LintContext, never from the environment."""

from __future__ import annotations

from dataclasses import dataclass

PIN_LEVELS = ("tag", "digest")


@dataclass(frozen=True)
class Settings:
    targets: tuple[str, ...] = ()
    pin: str = "tag"
    allowed_registries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.pin not in PIN_LEVELS:
            raise ValueError(f"pin must be one of {', '.join(PIN_LEVELS)}, not {self.pin!r}")
