"""The built-in rules: one module per rule, listed here explicitly."""

from __future__ import annotations

from ._base import LintContext, Rule
from .circular_stage_dependency import CircularStageDependency
from .duplicate_stage_name import DuplicateStageName
from .forward_stage_reference import ForwardStageReference
from .from_as_casing import FromAsCasing
from .invalid_default_image import InvalidDefaultImage
from .malformed_suppression import MalformedSuppression
from .platform_flag import PlatformFlag
from .reserved_stage_name import ReservedStageName
from .stage_name_casing import StageNameCasing
from .syntax_error import SyntaxError_
from .undefined_arg_in_from import UndefinedArgInFrom
from .undefined_stage_reference import UndefinedStageReference
from .unpinned_image import UnpinnedImage
from .unknown_build_target import UnknownBuildTarget
from .unreachable_stage import UnreachableStage
from .untrusted_registry import UntrustedRegistry

BUILTIN_RULES: tuple[type[Rule], ...] = (
    SyntaxError_,
    UnreachableStage,
    UndefinedStageReference,
    UnpinnedImage,
    DuplicateStageName,
    ReservedStageName,
    ForwardStageReference,
    CircularStageDependency,
    StageNameCasing,
    UndefinedArgInFrom,
    InvalidDefaultImage,
    UntrustedRegistry,
    PlatformFlag,
    FromAsCasing,
    UnknownBuildTarget,
    MalformedSuppression,
)

__all__ = ["BUILTIN_RULES", "LintContext", "Rule"]
