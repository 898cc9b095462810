from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ._base import LintContext, Rule


class FromAsCasing(Rule):
    """The `FROM` and `AS` keywords are written in different cases.

    ## What it does
    Reports `FROM image as name` and `from image AS name`. Keywords in mixed case, such as
    `From`, are not judged.

    ## Why is this bad?
    Instructions and their keywords read best in one case; a lone lower-case `as` among
    upper-case instructions is easy to miss when scanning for stage names.

    ## Example
    ```dockerfile
    FROM golang:1.22 as build
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    ```
    """

    code = "DS013"
    name = "from-as-casing"
    default_severity = Severity.STYLE
    buildkit = ("FromAsCasing",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for stage in ctx.graph.stages:
            keyword = stage.from_instruction.keyword
            args = stage.from_instruction.args
            if len(args) != 3:
                continue
            as_word = args[1]
            from_upper, from_lower = keyword.isupper(), keyword.islower()
            as_upper, as_lower = as_word.value.isupper(), as_word.value.islower()
            if (from_upper and as_lower) or (from_lower and as_upper):
                yield self.finding(
                    ctx,
                    as_word.line,
                    as_word.column,
                    f"'{as_word.value}' and '{keyword}' keywords' casing do not match; "
                    f"write {'AS' if from_upper else 'as'}",
                    width=len(as_word.value),
                )
