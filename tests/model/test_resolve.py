"""Stage resolution on its own, apart from the rules: BuildKit's three ways to read a name."""

from __future__ import annotations

from linter.model import RefKind, StageGraph, Target, build
from linter.parser import parse

from ..conftest import dockerfile


def graph_of(text: str, **options: object) -> StageGraph:
    return build(parse(dockerfile(text)), **options)  # type: ignore[arg-type]


def refs(graph: StageGraph, kind: RefKind) -> list[tuple[int, str, Target, object]]:
    return [(ref.holder, ref.value, ref.target, ref.stage) for ref in graph.refs if ref.kind is kind]


def test_stage_records_index_names_and_positions() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS Build
        RUN make
        FROM build
    """)
    first, second = graph.stages
    assert (first.index, first.name, first.key, first.line, first.column) == (0, "Build", "build", 1, 1)
    assert [i.command for i in first.instructions] == ["run"]
    assert second.key is None and second.label == "#1"


def test_from_sees_only_earlier_stages_and_the_nearest_one() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS base
        FROM alpine:3.20 AS base
        FROM base AS a
        FROM later AS b
        FROM alpine:3.20 AS later
    """)
    assert refs(graph, RefKind.FROM)[2:4] == [(2, "base", Target.STAGE, 1), (3, "later", Target.IMAGE, None)]


def test_from_is_case_sensitive_but_copy_from_is_not() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS builder
        FROM Builder
        COPY --from=BUILDER /a /b
    """)
    from_ref = refs(graph, RefKind.FROM)[1]
    assert from_ref[2] is Target.IMAGE
    assert refs(graph, RefKind.COPY_FROM) == [(1, "BUILDER", Target.STAGE, 0)]


def test_copy_from_takes_the_last_duplicate_and_indexes() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS dup
        FROM alpine:3.20 AS dup
        FROM alpine:3.20
        COPY --from=dup /a /b
        COPY --from=0 /a /b
        COPY --from=+1 /a /b
        COPY --from=7 /a /b
        COPY --from=scratch /a /b
        COPY --from=ghcr.io/x/y:1 /a /b
        COPY --from="dup" /a /b
    """)
    assert [(value, target, stage) for _, value, target, stage in refs(graph, RefKind.COPY_FROM)] == [
        ("dup", Target.STAGE, 1),
        ("0", Target.STAGE, 0),
        ("+1", Target.STAGE, 1),
        ("7", Target.INVALID, None),
        ("scratch", Target.SCRATCH, None),
        ("ghcr.io/x/y:1", Target.IMAGE, None),
        ("dup", Target.STAGE, 1),
    ]


def test_mount_from_has_no_numeric_index() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS deps
        FROM alpine:3.20
        RUN --mount=type=cache,target=/c --mount=type=bind,from=DEPS,target=/d --mount=from=0,target=/e ls
    """)
    mounts = refs(graph, RefKind.MOUNT_FROM)
    assert [(value, target, stage) for _, value, target, stage in mounts] == [
        ("DEPS", Target.STAGE, 0),
        ("0", Target.IMAGE, None),
    ]
    first = graph.refs_of_kind(RefKind.MOUNT_FROM)[0]
    assert (first.line, first.column) == (3, 57)


def test_onbuild_triggers_run_in_direct_children_only() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS tools
        FROM alpine:3.20 AS base
        ONBUILD COPY --from=tools /a /b
        ONBUILD RUN --mount=from=tools,target=/t ls
        FROM base AS child
        FROM child AS grandchild
    """)
    assert refs(graph, RefKind.ONBUILD_COPY_FROM) == [(2, "tools", Target.STAGE, 0)]
    assert refs(graph, RefKind.ONBUILD_MOUNT_FROM) == [(2, "tools", Target.STAGE, 0)]
    assert {ref.declared_in for ref in graph.refs if ref.kind.via_onbuild} == {1}


def test_from_expands_global_args_with_defaults_and_build_args() -> None:
    text = """
        ARG BASE=alpine
        ARG TAG
        FROM ${BASE}:${TAG:-3.20} AS one
        ARG BASE=ignored-in-stage
        FROM ${BASE}
    """
    assert [s.base_resolved for s in graph_of(text).stages] == ["alpine:3.20", "alpine"]
    with_args = graph_of(text, build_args={"TAG": "3.19", "UNDECLARED": "x"})
    assert with_args.stages[0].base_resolved == "alpine:3.19"


def test_heredoc_content_creates_no_stage() -> None:
    graph = graph_of("""
        FROM alpine:3.20 AS a
        RUN <<EOF
        FROM ubuntu AS ghost
        COPY --from=nowhere /a /b
        EOF
    """)
    assert [s.key for s in graph.stages] == ["a"]
    assert refs(graph, RefKind.COPY_FROM) == []


def test_backtick_escape_file() -> None:
    graph = graph_of("""
        # escape=`
        FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
        COPY --from=base C:\\a C:\\b
    """)
    assert refs(graph, RefKind.COPY_FROM) == [(0, "base", Target.STAGE, 0)]


def test_expansion_error_is_a_build_problem() -> None:
    graph = graph_of("FROM ${BASE:?required}\n")
    assert graph.problems == [('failed to process "${BASE:?required}": BASE: required', 1, 6)]
