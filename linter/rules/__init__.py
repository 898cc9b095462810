"""The built-in rules: one module per rule, listed here explicitly."""

from __future__ import annotations

from ._base import LintContext, Rule
from .circular_stage_dependency import CircularStageDependency
from .duplicate_stage_name import DuplicateStageName
from .forward_stage_reference import ForwardStageReference
from .reserved_stage_name import ReservedStageName
from .syntax_error import SyntaxError_
from .undefined_stage_reference import UndefinedStageReference
from .unpinned_image import UnpinnedImage
from .unreachable_stage import UnreachableStage

BUILTIN_RULES: tuple[type[Rule], ...] = (
    SyntaxError_,
    UnreachableStage,
    UndefinedStageReference,
    UnpinnedImage,
    DuplicateStageName,
    ReservedStageName,
    ForwardStageReference,
    CircularStageDependency,
)

__all__ = ["BUILTIN_RULES", "LintContext", "Rule"]
