from __future__ import annotations

from typing import TextIO

from ..config import Configuration
from ..engine import Linter
from ..errors import DslintError

BROKEN_REFERENCE_CODES = frozenset({"DS002", "DS006", "DS007"})


def graph(path: str, *, config: Configuration, output_format: str, stdout: TextIO) -> int:
    """Print the stage graph of one Dockerfile, marked with what the linter found."""
    from ..graph_render import render_dot, render_mermaid

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise DslintError(f"{path}: {err.strerror or err}") from None
    analysis = Linter(config).analyse(data, path)
    if analysis.parsed.error is not None:
        error = analysis.parsed.error
        raise DslintError(f"{path}:{error.line}: cannot draw a file BuildKit cannot parse: {error.message}")
    stage_graph = analysis.graph
    broken = {(f.line, f.column) for f in analysis.findings if f.code in BROKEN_REFERENCE_CODES}
    unused = set(range(len(stage_graph.stages))) - stage_graph.reachable
    render = render_dot if output_format == "dot" else render_mermaid
    stdout.write(render(stage_graph, broken_at=broken, unused=unused))
    return 0
