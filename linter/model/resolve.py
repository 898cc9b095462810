"""Build the stage graph from parsed instructions, resolving every reference as BuildKit does.

BuildKit resolves names three ways, and this module keeps them apart on purpose:
- ``FROM x`` (after global ARG expansion) names a stage only if an *earlier* stage has
  exactly that lowercase name; the nearest earlier one wins;
- ``COPY --from=x`` takes an integer as a stage index, else looks the lowercased name up
  among *all* stages (the last of duplicates), else pulls an image;
- ``RUN --mount=from=x`` is the same without indexes.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Iterable, Mapping, Optional, Sequence

from ..parser import Flag, Instruction, ParsedFile, ShellError, ShellLexer
from ..parser.validate import STAGE_NAME
from .images import parse_image
from .reach import reachable_stages
from .stages import RefKind, Stage, StageGraph, StageRef, Target

# Defaults of the platform ARGs BuildKit always defines, for a linux/amd64 build.
PLATFORM_ARG_DEFAULTS = {
    "BUILDPLATFORM": "linux/amd64",
    "BUILDOS": "linux",
    "BUILDARCH": "amd64",
    "BUILDVARIANT": "",
    "TARGETPLATFORM": "linux/amd64",
    "TARGETOS": "linux",
    "TARGETARCH": "amd64",
    "TARGETVARIANT": "",
}
BUILTIN_ARGS = frozenset(PLATFORM_ARG_DEFAULTS) | {"BUILDOSVERSION", "TARGETOSVERSION", "TARGETSTAGE"}

_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_INT64_MAX = 2**63 - 1
_WILDCARD = "\ue000"  # stands for "any value" while expanding a FROM for reachability


def build(
    parsed: ParsedFile,
    *,
    build_args: Optional[Mapping[str, str]] = None,
    targets: Iterable[str] = (),
) -> StageGraph:
    """The stage graph of ``parsed`` for a build of ``targets`` (plus the last stage)."""
    return _Builder(parsed, build_args or {}).build(tuple(targets))


class _Builder:
    def __init__(self, parsed: ParsedFile, build_args: Mapping[str, str]) -> None:
        self.parsed = parsed
        self.build_args = build_args
        self.lexer = ShellLexer(parsed.escape)
        self.env: dict[str, str] = dict(PLATFORM_ARG_DEFAULTS)
        self.wildcard_env: dict[str, str] = {name: _WILDCARD for name in PLATFORM_ARG_DEFAULTS}
        self.global_args: dict[str, Optional[str]] = {}
        self.stages: list[Stage] = []
        self.refs: list[StageRef] = []
        self.problems: list[tuple[str, int, int]] = []
        self.onbuild: dict[int, list[Instruction]] = {}
        # While stages are added: the nearest earlier stage of each name, which is what FROM
        # sees. Once all are added: the last one, which is what --from, mounts and --target see.
        self.index_by_key: dict[str, int] = {}

    def build(self, target_names: tuple[str, ...]) -> StageGraph:
        if self.parsed.error is None:
            for instruction in self.parsed.instructions:
                if instruction.command == "from":
                    self._add_stage(instruction)
                elif not self.stages:
                    if instruction.command == "arg":
                        self._declare_global_args(instruction)
                else:
                    self.stages[-1].instructions.append(instruction)
            for stage in self.stages:
                for instruction in stage.instructions:
                    self._collect_refs(instruction, stage.index, stage.index, via_onbuild=False)
            self._run_onbuild_triggers()
        targets = self._targets(target_names)
        return StageGraph(
            parsed=self.parsed,
            stages=self.stages,
            refs=self.refs,
            targets=targets,
            target_names=target_names,
            reachable=reachable_stages(self.stages, self.refs, targets),
            global_args=self.global_args,
            problems=self.problems,
        )

    def _declare_global_args(self, instruction: Instruction) -> None:
        for word in instruction.args:
            name, has_default, raw_default = word.value.partition("=")
            default = None
            if has_default:
                try:
                    default = self.lexer.process_word(raw_default, self.env)
                except ShellError as err:
                    self.problems.append((str(err), word.line, word.column))
            self.global_args[name] = default
            value = self.build_args.get(name, default)
            if value is not None:
                self.env[name] = value
            self.wildcard_env[name] = _WILDCARD

    def _add_stage(self, instruction: Instruction) -> None:
        args = instruction.args
        base_word = args[0] if args else None
        name_word = args[2] if len(args) == 3 and args[1].value.lower() == "as" else None
        if name_word is not None and not STAGE_NAME.match(name_word.value.lower()):
            name_word = None
        base_raw = base_word.value if base_word else ""
        base_resolved, unset, base_vars = self._expand(base_raw, base_word, instruction)
        platform = instruction.flag("platform")
        platform_resolved: Optional[str] = None
        platform_vars: frozenset[str] = frozenset()
        if platform is not None and platform.value is not None:
            platform_resolved, _, platform_vars = self._expand(platform.value, platform, instruction)
        stage = Stage(
            index=len(self.stages),
            from_instruction=instruction,
            name=name_word.value if name_word else None,
            name_word=name_word,
            base_word=base_word,
            base_raw=base_raw,
            base_resolved=base_resolved,
            platform_raw=platform.value if platform is not None else None,
            platform_resolved=platform_resolved,
            unset_in_base=unset,
            base_variables=base_vars,
            platform_variables=platform_vars,
        )
        earlier = self.index_by_key
        if "$" in base_raw:
            stage.possible_bases = self._possible_bases(base_raw, earlier, base_resolved)
        self.stages.append(stage)
        if base_word is not None and base_resolved is not None:
            self.refs.append(self._from_ref(stage, base_word.line, base_word.column, earlier))
        if stage.key is not None:
            self.index_by_key[stage.key] = stage.index

    def _expand(
        self, raw: str, at: object, instruction: Instruction
    ) -> tuple[Optional[str], frozenset[str], frozenset[str]]:
        """The expansion (None if BuildKit rejects it), unset names without a fallback, all names."""
        try:
            expansion = self.lexer.expand(raw, self.env)
        except ShellError as err:
            line = getattr(at, "line", instruction.start_line)
            column = getattr(at, "column", instruction.column)
            self.problems.append((str(err), line, column))
            return None, frozenset(), frozenset()
        unset = frozenset(_without_fallback(raw, expansion.unmatched))
        return expansion.text, unset, frozenset(expansion.matched | expansion.unmatched)

    def _possible_bases(self, raw: str, earlier: Mapping[str, int], exact: Optional[str]) -> tuple[int, ...]:
        found = {earlier[exact]} if exact is not None and exact in earlier else set()
        try:
            pattern = self.lexer.process_word(raw, self.wildcard_env)
        except ShellError:
            return tuple(sorted(found))
        regex = re.compile(".*".join(re.escape(part) for part in re.split(f"{_WILDCARD}+", pattern)))
        found.update(index for key, index in earlier.items() if regex.fullmatch(key))
        return tuple(sorted(found))

    def _from_ref(self, stage: Stage, line: int, column: int, earlier: Mapping[str, int]) -> StageRef:
        resolved = stage.base_resolved or ""
        ref = StageRef(RefKind.FROM, stage.index, stage.index, stage.base_raw, resolved, line, column, Target.INVALID)
        if resolved in earlier:
            return ref._replace(target=Target.STAGE, stage=earlier[resolved])
        if resolved == "scratch":
            return ref._replace(target=Target.SCRATCH)
        return ref._replace(target=Target.IMAGE, image=parse_image(resolved))

    def _collect_refs(self, instruction: Instruction, holder: int, declared_in: int, *, via_onbuild: bool) -> None:
        command = instruction.command
        if command == "copy":
            flag = instruction.flag("from")
            if flag is not None and flag.value is not None:
                kind = RefKind.ONBUILD_COPY_FROM if via_onbuild else RefKind.COPY_FROM
                self.refs.append(self._copy_ref(flag, kind, holder, declared_in))
        elif command == "run":
            kind = RefKind.ONBUILD_MOUNT_FROM if via_onbuild else RefKind.MOUNT_FROM
            for flag in instruction.flags_named("mount"):
                found = _mount_from(flag, self.parsed.lines)
                if found is not None:
                    value, column = found
                    self.refs.append(self._mount_ref(value, flag.value_line, column, kind, holder, declared_in))
        elif command == "onbuild" and instruction.sub is not None and not via_onbuild:
            self.onbuild.setdefault(holder, []).append(instruction.sub)

    def _run_onbuild_triggers(self) -> None:
        """ONBUILD triggers run in the stages built directly FROM the stage that declares them.

        A base with variables may be any stage it could name, so their triggers count too.
        """
        if not self.onbuild:
            return
        bases: dict[int, set[int]] = {stage.index: set(stage.possible_bases) for stage in self.stages}
        for ref in self.refs:
            if ref.kind is RefKind.FROM and ref.target is Target.STAGE and ref.stage is not None:
                bases[ref.holder].add(ref.stage)
        for child in self.stages:
            for parent in sorted(bases[child.index]):
                for trigger in self.onbuild.get(parent, ()):
                    self._collect_refs(trigger, child.index, parent, via_onbuild=True)

    def _copy_ref(self, flag: Flag, kind: RefKind, holder: int, declared_in: int) -> StageRef:
        value = flag.value or ""
        ref = StageRef(kind, holder, declared_in, value, value, flag.value_line, flag.value_column, Target.INVALID)
        if value == "":
            return ref._replace(target=Target.CONTEXT, problem="empty")
        if "$" in value:
            return ref._replace(problem="variable")
        if _INTEGER.match(value) and abs(int(value)) <= _INT64_MAX:
            index = int(value)
            if 0 <= index < len(self.stages):
                return ref._replace(target=Target.STAGE, stage=index)
            return ref._replace(problem="index")
        return self._by_name(ref)

    def _mount_ref(self, value: str, line: int, column: int, kind: RefKind, holder: int, declared_in: int) -> StageRef:
        ref = StageRef(kind, holder, declared_in, value, value, line, column, Target.INVALID)
        if "$" in value[:-1]:
            return ref._replace(problem="variable")
        return self._by_name(ref)

    def _by_name(self, ref: StageRef) -> StageRef:
        """--from and mount names: the last stage of that name in any case, else an image."""
        index = self.index_by_key.get(ref.value.lower())
        if index is not None:
            return ref._replace(target=Target.STAGE, stage=index)
        if ref.value == "scratch":
            return ref._replace(target=Target.SCRATCH)
        return ref._replace(target=Target.IMAGE, image=parse_image(ref.value))

    def _targets(self, names: tuple[str, ...]) -> tuple[int, ...]:
        if not self.stages:
            return ()
        chosen = {len(self.stages) - 1}
        for name in names:
            key = name.lower()
            if any(ch in key for ch in "*?["):
                # A target with a variable nobody gave a value: every stage it could name.
                chosen.update(index for stage_key, index in self.index_by_key.items() if fnmatchcase(stage_key, key))
            elif key in self.index_by_key:
                chosen.add(self.index_by_key[key])
        return tuple(sorted(chosen))


def _without_fallback(raw: str, unmatched: Iterable[str]) -> set[str]:
    """Unset variables that have no ``${V:-default}``-style fallback in ``raw``."""
    return {name for name in unmatched if not re.search(r"\$\{" + re.escape(name) + r":?[-+]", raw)}


def _mount_from(flag: Flag, lines: Sequence[str]) -> Optional[tuple[str, int]]:
    """The ``from=`` value of a ``--mount`` flag and the column where it starts."""
    value = flag.value or ""
    if "from" not in value.lower():
        return None
    import csv  # only for mounts that name a source

    try:
        fields = next(csv.reader([value]))
    except (csv.Error, StopIteration):
        return None
    found = None
    for field in fields:
        key, _, field_value = field.partition("=")
        if key.strip().lower() == "from":
            found = field_value
    if not found:
        return None
    offset = value.lower().rfind("from=")
    column = flag.value_column + (offset + len("from=") if offset >= 0 else 0)
    # A flag word continued onto the next line leaves its value's line: point at the flag's value.
    text = lines[flag.value_line - 1] if 0 < flag.value_line <= len(lines) else ""
    if offset < 0 or text[column - 6 : column - 1].lower() != "from=":
        column = flag.value_column
    return found, column
