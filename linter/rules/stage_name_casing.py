from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ._base import LintContext, Rule


class StageNameCasing(Rule):
    """A stage name is not all lowercase.

    ## What it does
    Reports `FROM ... AS Name` where the name has upper-case letters.

    ## Why is this bad?
    BuildKit lowercases stage names, but not the argument of a later `FROM`: after
    `AS Builder`, `FROM Builder` is read as an image reference and fails, while
    `COPY --from=Builder` works. Writing names in lowercase keeps every reference working.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS Builder
    FROM Builder
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS builder
    FROM builder
    ```
    """

    code = "DS008"
    name = "stage-name-casing"
    default_severity = Severity.WARNING
    buildkit = ("StageNameCasing",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for stage in ctx.graph.named_stages():
            assert stage.name is not None and stage.name_word is not None
            if stage.name == stage.key:
                continue
            yield self.finding(
                ctx,
                stage.name_word.line,
                stage.name_word.column,
                f"stage name {stage.name!r} should be lowercase: BuildKit calls the stage {stage.key!r}, "
                f"so FROM {stage.name} fails while COPY --from={stage.name} works; write AS {stage.key}",
                width=len(stage.name),
            )
