"""Which stages a build needs: targets, FROM, --from, mounts, ONBUILD, variable bases."""

from __future__ import annotations

from linter.model import build
from linter.model.reach import strongly_connected
from linter.parser import parse

from ..conftest import dockerfile


def reachable(text: str, targets: tuple[str, ...] = ()) -> list[int]:
    return sorted(build(parse(dockerfile(text)), targets=targets).reachable)


def test_last_stage_and_everything_it_needs() -> None:
    assert reachable("""
        FROM alpine:3.20 AS deps
        FROM deps AS build
        FROM alpine:3.20 AS unused
        FROM alpine:3.20 AS assets
        FROM alpine:3.20 AS cache
        FROM build
        COPY --from=assets /a /b
        RUN --mount=from=cache,target=/c ls
    """) == [0, 1, 3, 4, 5]


def test_targets_add_roots_case_insensitively_and_unknown_ones_are_ignored() -> None:
    text = """
        FROM alpine:3.20 AS test
        FROM alpine:3.20 AS Lint
        FROM alpine:3.20
    """
    assert reachable(text) == [2]
    assert reachable(text, ("TEST", "lint", "missing")) == [0, 1, 2]


def test_onbuild_trigger_makes_its_source_reachable_through_the_child() -> None:
    assert reachable("""
        FROM alpine:3.20 AS tools
        FROM alpine:3.20 AS base
        ONBUILD COPY --from=tools /a /b
        FROM base
    """) == [0, 1, 2]


def test_variable_base_counts_every_stage_it_could_name() -> None:
    assert reachable("""
        ARG VARIANT=prod
        FROM alpine:3.20 AS base-prod
        FROM alpine:3.20 AS base-dev
        FROM alpine:3.20 AS other
        FROM base-${VARIANT}
    """) == [0, 1, 3]


def test_platform_args_are_variable_too() -> None:
    assert reachable("""
        FROM alpine:3.20 AS build-amd64
        FROM alpine:3.20 AS build-arm64
        FROM build-${TARGETARCH}
    """) == [0, 1, 2]


def test_ten_thousand_chained_stages_do_not_recurse() -> None:
    text = "FROM alpine:3.20 AS s0\n" + "".join(f"FROM s{i - 1} AS s{i}\n" for i in range(1, 10_000))
    assert len(build(parse(text)).reachable) == 10_000


def test_strongly_connected_components() -> None:
    assert sorted(strongly_connected([[1], [2], [0], [3], []])) == [[0, 1, 2], [3], [4]]
