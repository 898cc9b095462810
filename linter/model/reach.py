"""Which stages a build needs, and the dependency cycles between stages. Iterative on purpose:
a file with ten thousand chained stages must not hit Python's recursion limit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .stages import Stage, StageRef


def dependencies(stages: list[Stage], refs: Iterable[StageRef]) -> list[list[int]]:
    """For each stage, the stages it needs: its base (every possible one) and its sources."""
    needs: list[list[int]] = [list(stage.possible_bases) for stage in stages]
    for ref in refs:
        if ref.stage is not None and 0 <= ref.holder < len(stages):
            needs[ref.holder].append(ref.stage)
    return needs


def reachable_stages(stages: list[Stage], refs: Iterable[StageRef], targets: Iterable[int]) -> frozenset[int]:
    needs = dependencies(stages, refs)
    seen: set[int] = set()
    pending = list(targets)
    while pending:
        index = pending.pop()
        if index in seen:
            continue
        seen.add(index)
        pending.extend(needed for needed in needs[index] if needed not in seen)
    return frozenset(seen)


def strongly_connected(needs: list[list[int]]) -> list[list[int]]:
    """Tarjan's components, iteratively; each component's stages in ascending order."""
    index_of: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(len(needs)):
        if root in index_of:
            continue
        work = [(root, 0)]
        while work:
            node, child_position = work.pop()
            if child_position == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = needs[node]
            if child_position < len(children):
                work.append((node, child_position + 1))
                child = children[child_position]
                if child not in index_of:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index_of[child])
                continue
            for child in children:
                if child in on_stack:
                    low[node] = min(low[node], low[child])
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components
