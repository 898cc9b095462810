"""A picture of a stage graph, as Mermaid (renders in GitHub and GitLab Markdown) or Graphviz DOT.

Data flows along the arrows: from a base or a source to the stage that uses it. Targets have a
thick green border, unused stages are grey and marked DS001, and references the linter reported
(DS002, DS006, DS007) are red.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import RefKind, StageGraph, StageRef, Target

EDGE_LABELS = {
    RefKind.FROM: "FROM",
    RefKind.COPY_FROM: "COPY --from",
    RefKind.MOUNT_FROM: "mount",
    RefKind.ONBUILD_COPY_FROM: "ONBUILD COPY --from",
    RefKind.ONBUILD_MOUNT_FROM: "ONBUILD mount",
}


@dataclass(frozen=True)
class _Edge:
    source: str
    target: str
    kind: RefKind
    broken: bool


@dataclass(frozen=True)
class _Node:
    node_id: str
    label: str
    kind: str  # "stage", "image" or "invalid"
    target: bool = False
    unused: bool = False
    broken: bool = False


def _layout(graph: StageGraph, broken_at: Iterable[tuple[int, int]], unused: Iterable[int]) -> tuple[list[_Node], list[_Edge]]:
    broken_positions = set(broken_at)
    unused_stages = set(unused)
    nodes: dict[str, _Node] = {}
    edges: list[_Edge] = []
    for stage in graph.stages:
        lines = [stage.key if stage.key is not None else f"stage #{stage.index}"]
        base = next((ref for ref in graph.refs if ref.kind is RefKind.FROM and ref.holder == stage.index), None)
        if base is None or base.target is not Target.STAGE:
            lines.append(f"FROM {stage.base_resolved if stage.base_resolved is not None else stage.base_raw}")
        if stage.index in unused_stages:
            lines.append("unused (DS001)")
        nodes[f"s{stage.index}"] = _Node(
            f"s{stage.index}", "\n".join(lines), "stage",
            target=stage.index in graph.targets, unused=stage.index in unused_stages,
        )  # fmt: skip
    images: dict[str, str] = {}
    for ref in graph.refs:
        broken = (ref.line, ref.column) in broken_positions
        source = _source_node(ref, nodes, images, broken)
        if source is not None:
            edges.append(_Edge(source, f"s{ref.holder}", ref.kind, broken))
    return list(nodes.values()), edges


def _source_node(ref: StageRef, nodes: dict[str, _Node], images: dict[str, str], broken: bool) -> str | None:
    if ref.target is Target.STAGE:
        return f"s{ref.stage}"
    if ref.kind is RefKind.FROM and ref.target is Target.SCRATCH:
        return None  # FROM scratch: nothing flows in
    if ref.target is Target.IMAGE or ref.target is Target.SCRATCH:
        label = ref.image.raw if ref.image is not None else ref.resolved
        key = f"image:{label}:{broken}"
        if key not in images:
            images[key] = f"i{len(images)}"
            nodes[images[key]] = _Node(images[key], label, "image", broken=broken)
        return images[key]
    node_id = f"x{len(nodes)}"
    nodes[node_id] = _Node(node_id, f"{ref.kind.written(ref.value)}\n(invalid)", "invalid", broken=True)
    return node_id


def render_mermaid(graph: StageGraph, *, broken_at: Iterable[tuple[int, int]] = (), unused: Iterable[int] = ()) -> str:
    nodes, edges = _layout(graph, broken_at, unused)
    out = ["flowchart LR"]
    for node in nodes:
        label = _mermaid_text(node.label)
        shape = f'[("{label}")]' if node.kind == "image" else f'["{label}"]'
        out.append(f"  {node.node_id}{shape}")
    arrows = {RefKind.FROM: "-->", RefKind.COPY_FROM: "-.->", RefKind.MOUNT_FROM: "==>"}
    red = []
    for position, edge in enumerate(edges):
        arrow = arrows.get(edge.kind, "-.->")
        out.append(f'  {edge.source} {arrow}|"{_mermaid_text(EDGE_LABELS[edge.kind])}"| {edge.target}')
        if edge.broken:
            red.append(str(position))
    out += [
        "  classDef stage fill:#ffffff,stroke:#333333",
        "  classDef image fill:#e8f0fe,stroke:#4a6fa5",
        "  classDef target stroke:#1e7e34,stroke-width:4px",
        "  classDef unused fill:#eeeeee,stroke:#999999,color:#888888,stroke-dasharray:4 3",
        "  classDef broken fill:#fdecea,stroke:#cc0000,color:#cc0000",
    ]
    for style in ("stage", "image", "target", "unused", "broken"):
        members = [node.node_id for node in nodes if _has_style(node, style)]
        if members:
            out.append(f"  class {','.join(members)} {style}")
    if red:
        out.append(f"  linkStyle {','.join(red)} stroke:#cc0000,color:#cc0000")
    return "\n".join(out) + "\n"


def _has_style(node: _Node, style: str) -> bool:
    return {
        "stage": node.kind == "stage",
        "image": node.kind == "image",
        "target": node.target,
        "unused": node.unused,
        "broken": node.broken,
    }[style]


def _mermaid_text(text: str) -> str:
    escaped = text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return escaped.replace("\n", "<br/>")


def render_dot(graph: StageGraph, *, broken_at: Iterable[tuple[int, int]] = (), unused: Iterable[int] = ()) -> str:
    nodes, edges = _layout(graph, broken_at, unused)
    out = [
        "digraph dockerfile {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for node in nodes:
        attributes = [f"label={_dot_text(node.label)}"]
        if node.kind == "image":
            attributes += ["shape=cylinder", 'fillcolor="#e8f0fe"']
        if node.target:
            attributes += ["penwidth=3", 'color="#1e7e34"']
        if node.unused:
            attributes += ['fillcolor="#eeeeee"', 'fontcolor="#888888"', 'style="rounded,filled,dashed"']
        if node.broken:
            attributes += ['color="#cc0000"', 'fontcolor="#cc0000"', 'fillcolor="#fdecea"']
        out.append(f"  {node.node_id} [{', '.join(attributes)}];")
    styles = {RefKind.FROM: "solid", RefKind.COPY_FROM: "dashed", RefKind.MOUNT_FROM: "bold"}
    for edge in edges:
        attributes = [f"label={_dot_text(EDGE_LABELS[edge.kind])}", f"style={styles.get(edge.kind, 'dotted')}"]
        if edge.broken:
            attributes += ['color="#cc0000"', 'fontcolor="#cc0000"']
        out.append(f"  {edge.source} -> {edge.target} [{', '.join(attributes)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
