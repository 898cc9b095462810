"""`dslint graph`: the stage graph as Mermaid and DOT, with targets, unused stages and broken references."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from linter.cli import main

DOCKERFILE = """\
FROM golang:1.22 AS build
FROM build AS test
FROM node:20 AS assets
ONBUILD COPY --from=build /app /app
FROM assets AS web
COPY --from=biuld /app /srv/app
RUN --mount=type=cache,from=cache,target=/c ls
FROM alpine:3.20 AS cache
FROM scratch
COPY --from=build /app /app
COPY --from=web "/srv" /srv
"""


def draw(tmp_path: Path, *args: str) -> str:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    out = io.StringIO()
    assert main(["graph", "--isolated", *args, str(tmp_path / "Dockerfile")], stdout=out, stderr=io.StringIO()) == 0
    return out.getvalue()


def test_mermaid_is_well_formed(tmp_path: Path) -> None:
    text = draw(tmp_path)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    defined = {}
    edges = []
    for line in lines[1:]:
        node = re.fullmatch(r"  (\w+)(\[\(\"[^\"]*\"\)\]|\[\"[^\"]*\"\])", line)
        edge = re.fullmatch(r"  (\w+) (-->|-\.->|==>)\|\"[^\"]+\"\| (\w+)", line)
        if node:
            defined[node.group(1)] = node.group(2)
        elif edge:
            edges.append((edge.group(1), edge.group(2), edge.group(3)))
        elif line.startswith("  class "):
            members, _, style = line[len("  class "):].partition(" ")
            assert set(members.split(",")) <= set(defined), line
            assert f"  classDef {style} " in text
        elif line.startswith("  linkStyle "):
            indexes = line.split()[1].split(",")
            assert all(0 <= int(index) < len(edges) for index in indexes)
        else:
            assert line.startswith("  classDef "), line
    assert all(source in defined and target in defined for source, _, target in edges)
    assert len(edges) == 10


def test_mermaid_marks_targets_unused_and_broken(tmp_path: Path) -> None:
    text = draw(tmp_path)
    assert 's1["test<br/>unused (DS001)"]' in text
    assert "  class s1 unused" in text
    assert "  class s5 target" in text
    broken_image = re.search(r'  (i\d)\[\("biuld"\)\]', text)
    assert broken_image is not None and f"  class {broken_image.group(1)} broken" in text
    edges = re.findall(r'^  \w+ (?:-->|-\.->|==>)\|"([^"]+)"\| (\w+)$', text, re.MULTILINE)
    red = re.search(r"linkStyle ([\d,]+) ", text)
    assert red is not None
    assert sorted(edges[int(i)] for i in red.group(1).split(",")) == [("COPY --from", "s3"), ("mount", "s3")]


def test_each_kind_of_edge_is_drawn_differently(tmp_path: Path) -> None:
    text = draw(tmp_path)
    assert re.search(r'  s0 -->\|"FROM"\| s1', text)
    assert re.search(r'  s0 -\.->\|"COPY --from"\| s5', text)
    assert re.search(r'  s4 ==>\|"mount"\| s3', text)
    assert re.search(r'  s0 -\.->\|"ONBUILD COPY --from"\| s3', text)


def test_target_option_highlights_and_uses_a_stage(tmp_path: Path) -> None:
    text = draw(tmp_path, "--target", "test")
    assert "  class s1,s5 target" in text
    assert "unused" not in text.split("classDef")[0]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dot_parses_and_renders(tmp_path: Path) -> None:
    import pydot

    text = draw(tmp_path, "--format", "dot")
    (graph,) = pydot.graph_from_dot_data(text)
    names = {node.get_name() for node in graph.get_nodes()} - {"node", "edge"}
    assert {"s0", "s1", "s2", "s3", "s4", "s5"} <= names
    assert len(graph.get_edges()) == 10
    red = [edge for edge in graph.get_edges() if edge.get("color") == '"#cc0000"']
    assert len(red) == 2
    if shutil.which("dot"):
        rendered = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, check=True)
        assert rendered.stdout.lstrip().startswith("<?xml")


def test_unparsable_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM a\nRUN <<EOF\n")
    err = io.StringIO()
    assert main(["graph", "--isolated", str(tmp_path / "Dockerfile")], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == f"dslint: error: {tmp_path / 'Dockerfile'}:2: cannot draw a file BuildKit cannot parse: unterminated heredoc\n"


def test_missing_file(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["graph", str(tmp_path / "nope")], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().endswith("nope: No such file or directory\n")
