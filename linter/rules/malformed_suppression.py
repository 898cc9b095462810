from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ._base import LintContext, Rule


class MalformedSuppression(Rule):
    """A suppression comment that dslint cannot use.

    ## What it does
    Reports a `# noqa`, `# dslint: noqa` or `# check=skip=` comment that is malformed, names a
    rule code (or BuildKit check) that does not exist, or is not directly above an instruction.
    Such a comment suppresses nothing.

    ## Why is this bad?
    A suppression that silently does nothing, or silently suppresses everything, hides what the
    author meant: `# noqa DS001` (no colon) reads like a targeted suppression, and a misspelled
    code leaves the finding in place with no hint why.

    ## Example
    ```dockerfile
    FROM alpine:3.20 AS unused
    # noqa DS001
    RUN true
    FROM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    # noqa: DS001
    FROM alpine:3.20 AS unused
    RUN true
    FROM alpine:3.20
    ```

    ## Notes
    Suppression comments are ordinary comments, so they end the block of parser directives:
    put them after any `# syntax=`, `# escape=` and `# check=` lines at the top of the file.
    """

    code = "DS090"
    name = "malformed-suppression"
    default_severity = Severity.WARNING

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for problem in ctx.suppressions.problems:
            yield self.finding(ctx, problem.line, problem.column, problem.message)
