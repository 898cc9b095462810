from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import RefKind, Target
from ._base import LintContext, Rule


class ForwardStageReference(Rule):
    """A stage uses a stage that is defined after it.

    ## What it does
    Reports a `COPY --from` or `RUN --mount=from=` (also from an `ONBUILD` trigger, judged in
    the stage that runs it) that resolves to a later stage, and a `FROM x` where no earlier
    stage is named `x` but a later one is.

    ## Why is this bad?
    A `--from` must name a stage defined before the one that uses it, or BuildKit fails. A
    `FROM x` only ever looks backwards: with `x` defined later, BuildKit silently pulls an
    image called `x` from Docker Hub instead of using the stage.

    ## Example
    ```dockerfile
    FROM alpine:3.20 AS app
    COPY --from=assets /dist /srv

    FROM node:20 AS assets
    RUN npm run build
    ```

    ## Use instead
    ```dockerfile
    FROM node:20 AS assets
    RUN npm run build

    FROM alpine:3.20 AS app
    COPY --from=assets /dist /srv
    ```
    """

    code = "DS006"
    name = "forward-stage-reference"
    default_severity = Severity.ERROR
    hadolint = ("DL3022",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        for ref in graph.refs:
            holder = graph.stages[ref.holder]
            if ref.kind is RefKind.FROM:
                if ref.target is not Target.IMAGE:
                    continue
                later = graph.first_later(ref.resolved, ref.holder)
                if later is not None:
                    yield self.finding(
                        ctx,
                        ref.line,
                        ref.column,
                        f"FROM {ref.resolved} names stage #{later.index} (line {later.line}), which is "
                        f"defined later; FROM only sees earlier stages, so BuildKit pulls the image "
                        f"{ref.resolved!r} instead; move stage {ref.resolved!r} above this one",
                        width=len(ref.value),
                    )
                continue
            if ref.target is not Target.STAGE or ref.stage is None or ref.stage <= ref.holder:
                continue
            source = graph.stages[ref.stage]
            written = ref.kind.written(ref.value)
            if ref.kind.via_onbuild:
                written += f" (ONBUILD trigger of stage {graph.stages[ref.declared_in].label})"
            yield self.finding(
                ctx,
                ref.line,
                ref.column,
                f"{written} in stage {holder.label} resolves to stage {source.label} (line {source.line}), "
                f"which is defined after it; BuildKit fails; move stage {source.label} above stage {holder.label}",
                width=len(ref.value),
            )
