from __future__ import annotations

from typing import Iterator, Optional

from ..findings import Finding, Severity
from ..model import ImageRef, RefKind, StageGraph, StageRef, Target, looks_like_image
from ._base import LintContext, Rule


class UnpinnedImage(Rule):
    """An external image with no tag, or the tag `latest`, and no digest.

    ## What it does
    Reports an external image whose version is not fixed: a `FROM` base after expanding the
    global ARG defaults, or a `COPY --from`/`RUN --mount=from=` value that is an image
    reference (it holds `/`, `:` or `@`). An image with neither tag nor digest means `:latest`.
    A registry port is not a tag (`localhost:5000/app` has none). `scratch` and stage
    references never count. A base whose variable has no default is left to the build
    arguments and not reported.

    ## Why is this bad?
    `latest` moves: the same Dockerfile builds a different image tomorrow, a rebuild of an old
    commit does not reproduce, and a breaking major release arrives unannounced.

    ## Example
    ```dockerfile
    FROM node
    COPY --from=ghcr.io/example/tools /bin/tool /bin/tool
    ```

    ## Use instead
    ```dockerfile
    FROM node:20.11-alpine
    COPY --from=ghcr.io/example/tools:1.4 /bin/tool /bin/tool
    ```

    ## Options
    - `pin`: `tag` (default) accepts any tag but `latest`; `digest` also asks for
      `@sha256:` on every external image (`--pin digest`).
    """

    code = "DS003"
    name = "unpinned-image"
    default_severity = Severity.WARNING
    hadolint = ("DL3006", "DL3007")
    options = ("pin",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        want_digest = ctx.settings.pin == "digest"
        for ref in ctx.graph.refs:
            image = _external_image(ref, ctx.graph)
            if image is None:
                continue
            if want_digest and not image.pinned_by_digest:
                problem = "is not pinned by digest"
                advice = f"add @sha256:<digest> ({image.raw}@sha256:...)"
            elif image.floating:
                problem = "has no tag, so it pulls :latest" if image.tag is None else "uses the moving tag latest"
                advice = f"pin a version tag or a digest ({_repository(image)}:<version>)"
            else:
                continue
            yield self.finding(
                ctx,
                ref.line,
                ref.column,
                f"{_subject(ref, image)} {problem}; {advice}",
                width=len(ref.value),
            )


def _external_image(ref: StageRef, graph: StageGraph) -> Optional[ImageRef]:
    if ref.target is not Target.IMAGE or ref.image is None or not ref.image.valid:
        return None
    if ref.kind is RefKind.FROM:
        stage = graph.stages[ref.holder]
        if stage.unset_in_base:
            return None
        if graph.first_later(ref.resolved, ref.holder) is not None:
            return None  # a forward stage reference, reported by DS006
        return ref.image
    return ref.image if looks_like_image(ref.value) else None


def _subject(ref: StageRef, image: ImageRef) -> str:
    if ref.kind is RefKind.FROM:
        if ref.value != ref.resolved:
            return f"FROM {ref.value} (with the ARG defaults: {image.raw})"
        return f"image {image.raw}"
    return f"{'mount from' if ref.kind.is_mount else '--from'}={ref.value}"


def _repository(image: ImageRef) -> str:
    raw = image.raw.split("@", 1)[0]
    slash = raw.rfind("/")
    colon = raw.rfind(":")
    return raw[:colon] if colon > slash else raw
