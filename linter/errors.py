"""Errors that end a run with exit status 2 and a one-line message."""

from __future__ import annotations


class DslintError(Exception):
    """A usage, configuration, plugin or file-system problem: exit 2, one line on stderr."""


class UsageError(DslintError):
    pass


class PluginError(DslintError):
    pass
