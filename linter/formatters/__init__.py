"""Output formats. Only the chosen formatter's module is imported, to keep start-up short."""

from __future__ import annotations

import importlib

from ..errors import UsageError
from ._base import Formatter, ReportOptions, RuleInfo

FORMATTERS = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "checkstyle": "checkstyle",
    "junit": "junit",
}

__all__ = ["FORMATTERS", "Formatter", "ReportOptions", "RuleInfo", "get"]


def get(name: str) -> type[Formatter]:
    if name not in FORMATTERS:
        raise UsageError(f"unknown format {name!r} (choose from: {', '.join(FORMATTERS)})")
    module = importlib.import_module(f"{__name__}.{FORMATTERS[name]}")
    formatter: type[Formatter] = module.FORMATTER
    return formatter
