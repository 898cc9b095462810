from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from ..model import RefKind, Target
from ._base import LintContext, Rule


class InvalidDefaultImage(Rule):
    """A `FROM` base is not a valid image reference with the ARG defaults.

    ## What it does
    Expands each `FROM` base with the defaults of the global ARGs (ignoring build arguments)
    and reports a result that is empty or not a valid image reference, such as `alpine:` from
    `alpine:${VERSION}` when `ARG VERSION` has no default, or a repository with upper-case
    letters. A base that names a stage is never reported here.

    ## Why is this bad?
    The build then works only when every build passes the argument; `docker build .` without
    it fails with `invalid reference format`, and so do tools that read the Dockerfile on
    their own, such as dependency updaters and scanners.

    ## Example
    ```dockerfile
    ARG VERSION
    FROM alpine:${VERSION}
    ```

    ## Use instead
    ```dockerfile
    ARG VERSION=3.20
    FROM alpine:${VERSION}
    ```
    """

    code = "DS010"
    name = "invalid-default-image"
    default_severity = Severity.WARNING
    buildkit = ("InvalidDefaultArgInFrom",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        for ref in graph.refs_of_kind(RefKind.FROM):
            if ref.target is not Target.IMAGE or ref.image is None or ref.image.valid:
                continue
            stage = graph.stages[ref.holder]
            lowered = ref.resolved.lower()
            first = graph.first_by_key.get(lowered)
            if first is not None:
                continue  # a stage name in the wrong case (DS002) or defined later (DS006)
            reason = ref.image.error or "invalid reference format"
            if stage.has_variable_base:
                shown = repr(ref.resolved) if ref.resolved else "an empty name"
                declared = sorted(name for name in stage.unset_in_base if name in graph.global_args)
                if declared:
                    advice = f"give ARG {declared[0]} a default so that a build without --build-arg works"
                elif stage.unset_in_base:
                    advice = f"declare ARG {sorted(stage.unset_in_base)[0]} with a default before the first FROM"
                else:
                    advice = "fix the ARG defaults"
                message = f"FROM {ref.value} gives {shown} with the ARG defaults: {reason}; {advice}"
            else:
                message = f"FROM {ref.value}: {reason}"
            yield self.finding(ctx, ref.line, ref.column, message, width=len(ref.value))
