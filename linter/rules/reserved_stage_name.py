from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ._base import LintContext, Rule

_RESERVED = {
    "scratch": "a later FROM scratch then means this stage instead of the empty image",
    "context": "--from=context then means this stage, not the build context",
}


class ReservedStageName(Rule):
    """A stage is named `scratch` or `context`.

    ## What it does
    Reports a stage named `scratch` or `context`, in any letter case.

    ## Why is this bad?
    Both words already mean something in a Dockerfile. After `AS scratch`, a later
    `FROM scratch` builds on this stage instead of the empty image; after `AS context`,
    `COPY --from=context` copies from this stage, not from the build context. Readers and tools
    expect the usual meaning.

    ## Example
    ```dockerfile
    FROM alpine:3.20 AS scratch
    RUN echo hi > /hi
    FROM scratch
    COPY --from=scratch /hi /hi
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20 AS base
    RUN echo hi > /hi
    FROM scratch
    COPY --from=base /hi /hi
    ```
    """

    code = "DS005"
    name = "reserved-stage-name"
    default_severity = Severity.WARNING
    buildkit = ("ReservedStageName",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for stage in ctx.graph.named_stages():
            assert stage.key is not None and stage.name_word is not None
            consequence = _RESERVED.get(stage.key)
            if consequence is None:
                continue
            yield self.finding(
                ctx,
                stage.name_word.line,
                stage.name_word.column,
                f"stage name {stage.name_word.value!r} is reserved: {consequence}; choose another name",
                width=len(stage.name_word.value),
            )
