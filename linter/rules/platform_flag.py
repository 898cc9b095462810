from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, Severity
from ..model import RefKind, Target
from ._base import LintContext, Rule

_TARGETPLATFORM = re.compile(r"^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$")


class PlatformFlag(Rule):
    """A `FROM --platform` value that is fixed, redundant, or ignored.

    ## What it does
    Reports on `FROM --platform=`:
    - a constant value such as `linux/amd64`, unless the stage name contains that OS or
      architecture (`AS build-amd64`);
    - `$TARGETPLATFORM` (or `${TARGETPLATFORM}`), which is what BuildKit uses anyway;
    - any value on a `FROM` whose base is another stage of the file: BuildKit ignores it, and the
      stage keeps its base stage's platform.

    ## Why is this bad?
    A constant platform breaks multi-platform builds (`--platform linux/amd64,linux/arm64`
    produces two images with the same content) and forces emulation on other hosts. The other
    two forms do nothing and suggest to the reader that they do something.

    ## Example
    ```dockerfile
    FROM --platform=linux/amd64 golang:1.22 AS build
    FROM --platform=$TARGETPLATFORM alpine:3.20
    COPY --from=build /app /app
    ```

    ## Use instead
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    FROM alpine:3.20
    COPY --from=build /app /app
    ```
    """

    code = "DS012"
    name = "platform-flag"
    default_severity = Severity.WARNING
    buildkit = ("FromPlatformFlagConstDisallowed", "RedundantTargetPlatform")
    hadolint = ("DL3029",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        base_is_stage = {ref.holder for ref in graph.refs_of_kind(RefKind.FROM) if ref.target is Target.STAGE}
        for stage in graph.stages:
            flag = stage.from_instruction.flag("platform")
            if flag is None or not flag.value:
                continue
            value = flag.value
            if stage.index in base_is_stage:
                message = (
                    f"--platform={value} is ignored: this stage is built FROM stage "
                    f"{stage.base_resolved!r} and inherits its platform; remove the flag"
                )
            elif _TARGETPLATFORM.match(value):
                message = f"--platform={value} is redundant: BuildKit builds for the target platform by default; remove it"
            elif "$" not in value and not _named_for(stage.key or "", value):
                message = (
                    f"--platform={value} is a constant, so multi-platform builds produce the same image for every "
                    f"platform; use $BUILDPLATFORM for build tools, or remove it"
                )
            else:
                continue
            yield self.finding(ctx, flag.value_line, flag.value_column, message, width=len(value))


def _named_for(stage_name: str, platform: str) -> bool:
    """BuildKit accepts a constant platform when the stage name mentions its OS or architecture."""
    parts = [part for part in platform.lower().split("/")[:2] if part]
    return any(part in stage_name for part in parts)
