from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import StageRef, Target
from ..model.reach import dependencies, strongly_connected
from ._base import LintContext, Rule


class CircularStageDependency(Rule):
    """Stages that depend on themselves, directly or in a cycle.

    ## What it does
    Reports a stage that copies or mounts from itself (by name or index), and each cycle of
    stages that need each other through `FROM`, `COPY --from`, mounts and `ONBUILD` triggers:
    one finding per cycle, at the reference that completes it in file order.

    ## Why is this bad?
    BuildKit cannot order such stages and fails the build with a circular dependency error.

    ## Example
    ```dockerfile
    FROM alpine:3.20 AS build
    COPY --from=build /a /b
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20 AS source
    RUN mkdir /a

    FROM alpine:3.20 AS build
    COPY --from=source /a /b
    ```
    """

    code = "DS007"
    name = "circular-stage-dependency"
    default_severity = Severity.ERROR
    hadolint = ("DL3023",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        stage_refs = [ref for ref in graph.refs if ref.target is Target.STAGE and ref.stage is not None]
        for ref in stage_refs:
            if ref.stage == ref.holder:
                yield self._report(ctx, ref, f"stage {graph.stages[ref.holder].label} uses itself")
        needs = dependencies(graph.stages, stage_refs)
        for component in strongly_connected(needs):
            if len(component) < 2:
                continue
            members = set(component)
            closing = sorted(
                (ref for ref in stage_refs if ref.holder in members and ref.stage in members and ref.stage != ref.holder),
                key=lambda ref: (ref.line, ref.column),
            )
            if not closing:
                continue
            cycle = ", ".join(graph.stages[index].label for index in component)
            yield self._report(ctx, closing[-1], f"stages {cycle} depend on each other")

    def _report(self, ctx: LintContext, ref: StageRef, what: str) -> Finding:
        written = ref.kind.written(ref.value)
        return self.finding(
            ctx,
            ref.line,
            ref.column,
            f"{written}: {what}; BuildKit fails with a circular dependency; copy from a separate stage instead",
            width=len(ref.value),
        )
