from __future__ import annotations

import re
from typing import Iterator, Optional

from ..findings import Finding, Severity
from ..model import RefKind, StageGraph, StageRef, Target, looks_like_image
from ._base import LintContext, Rule, did_you_mean

_INTERNAL_NAME = re.compile(r"^stage-([0-9]+)$", re.IGNORECASE)


class UndefinedStageReference(Rule):
    """A `--from` or `FROM` reference that names no stage of the file.

    ## What it does
    Reports a `COPY --from`, `RUN --mount=from=` or `ONBUILD` one of those whose value:
    - is a bare name (no `/`, `:` or `@`) that matches no stage and is not `scratch`;
    - is a stage index at or past the number of stages;
    - is `stage-N`, the name BuildKit gives unnamed stages internally;
    - is a number in a mount, where indexes are not accepted;
    - holds a variable (`COPY --from` never expands one; a mount only at its very end);
    - is empty.

    It also reports a `FROM` that names an earlier stage in another letter case.

    ## Why is this bad?
    BuildKit does not fail on a name it cannot find: `COPY --from=biuld` pulls the image
    `docker.io/library/biuld:latest` from Docker Hub, which at best fails late and at worst
    copies files from a stranger's image. `FROM Builder` after `AS builder` is not the stage
    either (BuildKit lowercases stage names, but not the `FROM` argument) and fails as an
    invalid reference. An empty `--from=` copies from the build context instead.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .

    FROM alpine:3.20
    COPY --from=biuld /app /app
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .

    FROM alpine:3.20
    COPY --from=build /app /app
    ```
    """

    code = "DS002"
    name = "undefined-stage-reference"
    default_severity = Severity.ERROR
    hadolint = ("DL3022",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        names = [stage.key for stage in graph.stages if stage.key is not None]
        for ref in graph.refs:
            message = _from_problem(ref, graph) if ref.kind is RefKind.FROM else _source_problem(ref, graph, names)
            if message is not None:
                yield self.finding(ctx, ref.line, ref.column, message, width=len(ref.value))


def _where(ref: StageRef, graph: StageGraph) -> str:
    if not ref.kind.via_onbuild:
        return ""
    return f" (ONBUILD trigger of stage {graph.stages[ref.declared_in].label}, run in stage {graph.stages[ref.holder].label})"


def _source_problem(ref: StageRef, graph: StageGraph, names: list[str]) -> Optional[str]:
    written = ref.kind.written(ref.value) + _where(ref, graph)
    count = len(graph.stages)
    if ref.problem == "empty":
        return f"{written} is empty, so BuildKit copies from the build context; name a stage or remove the flag"
    if ref.problem == "variable":
        where = "COPY --from" if not ref.kind.is_mount else "a mount's from= (except at its very end)"
        return f"{written}: BuildKit does not expand variables in {where}; write the stage name or image"
    if ref.problem == "index":
        return (
            f"{written}: there is no stage {ref.value}; this file has {count} stage{'s' if count != 1 else ''} "
            f"(indexes 0 to {count - 1})"
        )
    if ref.target is not Target.IMAGE or looks_like_image(ref.value):
        return None
    internal = _INTERNAL_NAME.match(ref.value)
    if internal and not ref.kind.is_mount:
        return (
            f"{written}: '{ref.value}' is BuildKit's internal name for an unnamed stage and cannot be "
            f"referenced; use the index, --from={int(internal.group(1))}, or name the stage"
        )
    if ref.value.isdigit() and ref.kind.is_mount:
        return (
            f"{written}: mounts take stage names, not indexes, so BuildKit pulls an image named "
            f"'{ref.value}'; name the stage (FROM ... AS name) and use from=name"
        )
    image = ref.image.full_name if ref.image is not None and ref.image.valid else ref.value
    return (
        f"{written} names no stage in this file, so BuildKit pulls the image {image} instead"
        f"{did_you_mean(ref.value, names)}"
    )


def _from_problem(ref: StageRef, graph: StageGraph) -> Optional[str]:
    if ref.target is not Target.IMAGE:
        return None
    lowered = ref.resolved.lower()
    first = graph.first_by_key.get(lowered)
    if ref.resolved == lowered or first is None or first.index >= ref.holder:
        return None
    return (
        f"FROM {ref.resolved} does not name stage '{lowered}': BuildKit lowercases stage names but "
        f"not the FROM argument, and fails on the image reference; write FROM {lowered}"
    )
