from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Iterator

from ..findings import Finding, Severity
from ._base import LintContext, Rule, did_you_mean


class UnknownBuildTarget(Rule):
    """A Compose, Bake or workflow build names a target stage the Dockerfile does not have.

    ## What it does
    Reports, at the declaring file and line, a build target read from a Compose file
    (`build.target`), a Docker Bake file (`target`), or a GitHub Actions workflow
    (`docker/build-push-action`'s `target`, or `docker build --target`) that names no stage of
    the Dockerfile that build uses. A target with an unknown variable counts as a pattern and is
    reported only when it can match no stage.

    ## Why is this bad?
    `docker build --target missing` fails with `target stage "missing" could not be found`;
    usually a stage was renamed and the build definition was not, so that build is broken until
    someone runs it.

    ## Example
    A `compose.yaml` with `build: {context: ., target: tset}` next to:
    ```dockerfile
    FROM golang:1.22 AS test
    FROM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS tset
    FROM alpine:3.20
    ```

    ## Options
    - `discover-targets`: read build targets from Compose, Bake and workflow files (default
      true; `--no-discover-targets` turns it off).
    """

    code = "DS014"
    name = "unknown-build-target"
    default_severity = Severity.ERROR
    options = ("discover-targets",)
    # (target, declaring file, line, column) of a build of the example Dockerfile
    example_options = {"declared_targets": (("tset", "compose.yaml", 4, 15),)}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        keys = [stage.key for stage in ctx.graph.stages if stage.key is not None]
        for origin in ctx.settings.target_origins:
            if not origin.source or not ctx.graph.stages:
                continue  # only declarations read from another file are judged here
            wanted = origin.name.lower()
            if any(fnmatchcase(key, wanted) for key in keys):
                continue
            yield self.finding(
                ctx,
                origin.line,
                origin.column,
                f"target {origin.name!r} names no stage in {ctx.path}, so this build fails with "
                f"'target stage could not be found'{did_you_mean(origin.name, keys)}",
                width=len(origin.name),
                path=origin.source,
            )
