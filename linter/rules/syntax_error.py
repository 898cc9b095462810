from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ._base import LintContext, Rule


class SyntaxError_(Rule):
    """The file is not a Dockerfile BuildKit can build.

    ## What it does
    Reports what BuildKit's parser and instruction checks reject: an unterminated heredoc, a
    JSON array with a non-string element, a duplicate or invalid parser directive, a file with
    no instructions, a line over 65,535 bytes, an unknown instruction, a `FROM` with the wrong
    number of arguments, an invalid stage name, an unknown or duplicate flag on `FROM` or `COPY`,
    an instruction before the first `FROM` other than `ARG`, and an ARG expansion BuildKit
    refuses. The message is BuildKit's own reason.

    ## Why is this bad?
    `docker build` stops at the first of these, often after minutes of earlier stages. When the
    parser itself fails, dslint cannot build a stage model of the file and reports only this.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN <<EOF
    echo never closed
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN <<EOF
    echo closed
    EOF
    ```
    """

    code = "DS000"
    name = "syntax-error"
    default_severity = Severity.ERROR
    needs_model = False
    hadolint = ("DL3061",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for issue in ctx.parsed.issues:
            if issue.kind == "error":
                yield self.finding(ctx, issue.line, issue.column, issue.message)
        for message, line, column in ctx.graph.problems:
            yield self.finding(ctx, line, column, message)
