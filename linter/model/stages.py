"""The stage graph: one Stage per FROM and every reference between stages and images."""

from __future__ import annotations

import enum
from bisect import bisect_right
from typing import NamedTuple, Optional

from ..parser import Instruction, ParsedFile, Word
from .images import ImageRef


class RefKind(enum.Enum):
    FROM = "from"
    COPY_FROM = "copy --from"
    MOUNT_FROM = "mount from"
    ONBUILD_COPY_FROM = "onbuild copy --from"
    ONBUILD_MOUNT_FROM = "onbuild mount from"

    def written(self, value: str) -> str:
        """How a reference of this kind reads in the Dockerfile: ``--from=x``, ``mount from=x``, ``FROM x``."""
        if self is RefKind.FROM:
            return f"FROM {value}"
        return f"mount from={value}" if self.is_mount else f"--from={value}"

    @property
    def is_mount(self) -> bool:
        return self in (RefKind.MOUNT_FROM, RefKind.ONBUILD_MOUNT_FROM)

    @property
    def via_onbuild(self) -> bool:
        return self in (RefKind.ONBUILD_COPY_FROM, RefKind.ONBUILD_MOUNT_FROM)


class Target(enum.Enum):
    """What a reference resolves to."""

    STAGE = "stage"
    IMAGE = "image"
    SCRATCH = "scratch"
    CONTEXT = "context"  # an empty --from=: BuildKit copies from the build context
    INVALID = "invalid"  # BuildKit fails before resolving (bad index, variables, ...)


class StageRef(NamedTuple):
    """A reference from ``holder`` (the stage it acts in) to a stage or an image.

    ``declared_in`` differs from ``holder`` only for ONBUILD triggers, which are written in
    a parent stage and run in each stage built FROM it. ``value`` is the reference as
    written (quotes removed); ``resolved`` is the text after ARG expansion.
    """

    kind: RefKind
    holder: int
    declared_in: int
    value: str
    resolved: str
    line: int
    column: int
    target: Target
    stage: Optional[int] = None
    image: Optional[ImageRef] = None
    problem: Optional[str] = None


class Stage:
    """One FROM and the instructions it owns, with its base as written and as BuildKit expands it."""

    __slots__ = (
        "index", "from_instruction", "name", "key", "name_word", "base_word", "base_raw", "base_resolved",
        "platform_raw", "platform_resolved", "instructions", "unset_in_base", "base_variables",
        "platform_variables", "possible_bases",
    )  # fmt: skip

    def __init__(
        self,
        index: int,
        from_instruction: Instruction,
        name: Optional[str],
        name_word: Optional[Word],
        base_word: Optional[Word],
        base_raw: str,
        base_resolved: Optional[str],
        platform_raw: Optional[str],
        platform_resolved: Optional[str],
        unset_in_base: frozenset[str] = frozenset(),
        base_variables: frozenset[str] = frozenset(),
        platform_variables: frozenset[str] = frozenset(),
    ) -> None:
        self.index = index
        self.from_instruction = from_instruction
        self.name = name
        # The name BuildKit uses: stage names are lowercased when parsed.
        self.key = name.lower() if name is not None else None
        self.name_word = name_word
        self.base_word = base_word
        self.base_raw = base_raw
        self.base_resolved = base_resolved  # None when the expansion failed
        self.platform_raw = platform_raw
        self.platform_resolved = platform_resolved
        self.instructions: list[Instruction] = []
        self.unset_in_base = unset_in_base  # unset variables with no ${V:-fallback}
        self.base_variables = base_variables  # every variable the base refers to
        self.platform_variables = platform_variables
        # Stages a FROM with variables may select for other build arguments.
        self.possible_bases: tuple[int, ...] = ()

    def __repr__(self) -> str:
        return f"Stage(index={self.index}, name={self.name!r}, base={self.base_raw!r})"

    @property
    def line(self) -> int:
        return self.from_instruction.start_line

    @property
    def column(self) -> int:
        return self.from_instruction.column

    @property
    def label(self) -> str:
        """How messages name the stage: its name, or its index for an unnamed one."""
        return repr(self.key) if self.key is not None else f"#{self.index}"

    @property
    def has_variable_base(self) -> bool:
        return "$" in self.base_raw


class StageGraph:
    """The stages of a file, every reference between them, and what the build targets need."""

    def __init__(
        self,
        parsed: ParsedFile,
        stages: list[Stage],
        refs: list[StageRef],
        targets: tuple[int, ...],
        target_names: tuple[str, ...],
        reachable: frozenset[int],
        global_args: dict[str, Optional[str]],
        problems: list[tuple[str, int, int]],
    ) -> None:
        self.parsed = parsed
        self.stages = stages
        self.refs = refs
        self.targets = targets
        self.target_names = target_names
        self.reachable = reachable
        self.global_args = global_args  # declared before the first FROM: name -> default
        self.problems = problems  # BuildKit build-time errors: message, line, column
        self.first_by_key: dict[str, Stage] = {}
        self.last_by_key: dict[str, Stage] = {}
        self._indexes_by_key: dict[str, list[int]] = {}
        for stage in self.stages:
            if stage.key is not None:
                self.first_by_key.setdefault(stage.key, stage)
                self.last_by_key[stage.key] = stage
                self._indexes_by_key.setdefault(stage.key, []).append(stage.index)

    def first_later(self, key: str, index: int) -> Optional[Stage]:
        """The first stage named ``key`` defined after stage ``index``."""
        indexes = self._indexes_by_key.get(key, [])
        position = bisect_right(indexes, index)
        return self.stages[indexes[position]] if position < len(indexes) else None

    def named_stages(self) -> list[Stage]:
        return [stage for stage in self.stages if stage.key is not None]

    def refs_of_kind(self, *kinds: RefKind) -> list[StageRef]:
        return [ref for ref in self.refs if ref.kind in kinds]

    def edges(self) -> list[tuple[int, int, StageRef]]:
        """Stage-to-stage dependencies: (holder, needed stage, the reference)."""
        return [(ref.holder, ref.stage, ref) for ref in self.refs if ref.target is Target.STAGE and ref.stage is not None]
