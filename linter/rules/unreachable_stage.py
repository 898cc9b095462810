from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import StageGraph
from ._base import LintContext, Rule


class UnreachableStage(Rule):
    """A stage that no build target needs.

    ## What it does
    Reports a stage that neither the last stage nor any `--target` stage uses, directly or
    through other stages: no `FROM`, `COPY --from`, `RUN --mount=from=` or `ONBUILD` trigger
    of a needed stage leads to it. A `FROM base-${VARIANT}` counts every stage its variable
    parts could name. The finding is on the stage's `FROM` line.

    ## Why is this bad?
    BuildKit builds only the stages the target needs, so an unused stage is never built or
    tested: it rots silently, or it is a stage that should be built and no longer is because a
    `COPY --from` was renamed.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .

    FROM golang:1.22 AS test
    RUN go test ./...

    FROM alpine:3.20
    COPY --from=build /app /app
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .

    FROM alpine:3.20
    COPY --from=build /app /app
    ```

    ## Options
    - `targets`: stages built with `docker build --target NAME`; each counts as a target
      besides the last stage (`--target NAME` on the command line).
    """

    code = "DS001"
    name = "unreachable-stage"
    default_severity = Severity.WARNING
    hadolint = ()
    options = ("targets",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        if not graph.stages:
            return
        targets = _describe_targets(graph, ctx)
        for stage in graph.stages:
            if stage.index in graph.reachable:
                continue
            if stage.name_word is not None:
                line, column, width = stage.name_word.line, stage.name_word.column, len(stage.name_word.value)
                advice = f"or if you build it with --target {stage.key}, pass --target {stage.key} to dslint"
            else:
                line, column, width = stage.line, stage.column, len(stage.from_instruction.keyword)
                advice = "or if you build it on its own, name it (FROM ... AS name) and pass --target name to dslint"
            yield self.finding(
                ctx,
                line,
                column,
                f"stage {stage.label} is not used to build {targets}, so docker build never builds it; "
                f"remove it, {advice}",
                width=width,
            )


def _describe_targets(graph: StageGraph, ctx: LintContext) -> str:
    """The targets and where each was named, so that a user sees why a stage counts as unused."""
    last = len(graph.stages) - 1
    parts = [f"the last stage ({graph.stages[last].label})"]
    for origin in ctx.settings.target_origins:
        if any(graph.stages[index].key == origin.name.lower() for index in graph.targets if index != last):
            where = "" if origin.origin == "--target" else f" ({origin.origin})"
            parts.append(f"--target {origin.name}{where}")
        elif origin.is_pattern:
            parts.append(f"targets matching {origin.name} ({origin.origin})")
    return " or ".join(dict.fromkeys(parts))
