from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import Stage
from ._base import LintContext, Rule


class DuplicateStageName(Rule):
    """A stage name is already used by an earlier stage.

    ## What it does
    Reports a `FROM ... AS name` whose name, compared case-insensitively as BuildKit does, an
    earlier stage already uses. The finding is on the later name.

    ## Why is this bad?
    The two halves of a build read the name differently: `FROM name` takes the nearest earlier
    stage of that name, while `COPY --from=name`, `RUN --mount=from=name` and
    `docker build --target name` take the last one. One name then means two stages in the
    same file.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    FROM node:20 AS Build
    FROM alpine:3.20
    COPY --from=build /out /out
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build-go
    FROM node:20 AS build-web
    FROM alpine:3.20
    COPY --from=build-go /out /out
    ```
    """

    code = "DS004"
    name = "duplicate-stage-name"
    default_severity = Severity.ERROR
    buildkit = ("DuplicateStageName",)
    hadolint = ("DL3024",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        first_by_key: dict[str, Stage] = {}
        for stage in ctx.graph.named_stages():
            assert stage.key is not None and stage.name_word is not None
            first = first_by_key.setdefault(stage.key, stage)
            if first is stage:
                continue
            yield self.finding(
                ctx,
                stage.name_word.line,
                stage.name_word.column,
                f"stage name {stage.key!r} is already used by stage #{first.index} (line {first.line}); "
                f"FROM {stage.key} takes the nearest earlier stage, while COPY --from, mounts and "
                f"--target take the last one; rename one of them",
                width=len(stage.name_word.value),
            )
