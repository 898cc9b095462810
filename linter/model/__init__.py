"""Parsed instructions to a stage graph. Knows nothing of rules or output."""

from __future__ import annotations

from .images import DEFAULT_REGISTRY, ImageRef, looks_like_image, parse_image
from .resolve import BUILTIN_ARGS, PLATFORM_ARG_DEFAULTS, build
from .stages import RefKind, Stage, StageGraph, StageRef, Target

__all__ = [
    "BUILTIN_ARGS",
    "DEFAULT_REGISTRY",
    "PLATFORM_ARG_DEFAULTS",
    "ImageRef",
    "RefKind",
    "Stage",
    "StageGraph",
    "StageRef",
    "Target",
    "build",
    "looks_like_image",
    "parse_image",
]
