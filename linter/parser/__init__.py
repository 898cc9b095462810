"""Dockerfile text to instructions, exactly as BuildKit reads it. Knows nothing of rules."""

from __future__ import annotations

from .expand import Expansion, ShellError, ShellLexer
from .instructions import Comment, Directive, Flag, Heredoc, Instruction, ParsedFile, ParseIssue, Word
from .reader import MAX_LINE_BYTES, oversized, parse

__all__ = [
    "MAX_LINE_BYTES",
    "Comment",
    "Directive",
    "Expansion",
    "Flag",
    "Heredoc",
    "Instruction",
    "ParseIssue",
    "ParsedFile",
    "ShellError",
    "ShellLexer",
    "Word",
    "oversized",
    "parse",
]
