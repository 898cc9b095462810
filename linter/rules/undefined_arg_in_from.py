from __future__ import annotations

import re
from typing import Iterator, Optional

from ..findings import Finding, Severity
from ..model import BUILTIN_ARGS, Stage, StageGraph
from ..parser import Word
from ._base import LintContext, Rule, did_you_mean


class UndefinedArgInFrom(Rule):
    """A `FROM` uses a variable that is not a global ARG.

    ## What it does
    Reports a variable in a `FROM` image or `--platform` value that is neither declared by an
    `ARG` before the first `FROM` (with or without a value) nor one of BuildKit's built-in
    platform ARGs (`BUILDPLATFORM`, `TARGETARCH`, ...). This includes an `ARG` declared only
    inside a stage, which a later `FROM` does not see, and `${NAME:-default}` forms. A close
    global ARG name is suggested.

    ## Why is this bad?
    An undeclared variable expands to nothing (or to its inline default), and
    `--build-arg NAME=...` cannot change it, because BuildKit ignores build arguments that are
    not declared. The `FROM` quietly uses another image than the one intended.

    ## Example
    ```dockerfile
    ARG VERSION=3.20
    FROM alpine:${VERSON}
    ```

    ## Use instead
    ```dockerfile
    ARG VERSION=3.20
    FROM alpine:${VERSION}
    ```
    """

    code = "DS009"
    name = "undefined-arg-in-from"
    default_severity = Severity.WARNING
    buildkit = ("UndefinedArgInFrom",)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        graph = ctx.graph
        declared = set(graph.global_args) | BUILTIN_ARGS
        stage_args = _stage_args(graph)
        for stage in graph.stages:
            platform = stage.from_instruction.flag("platform")
            places: list[tuple[frozenset[str], Optional[Word]]] = [(stage.base_variables, stage.base_word)]
            if platform is not None and platform.value is not None:
                places.append((stage.platform_variables, Word(platform.value, platform.value_line, platform.value_column)))
            for variables, word in places:
                if word is None:
                    continue
                for name in sorted(variables - declared):
                    yield self.finding(
                        ctx,
                        word.line,
                        _column_of(ctx, word, name),
                        _message(name, stage, stage_args, sorted(graph.global_args)),
                        width=len(name) + 1,
                    )


def _stage_args(graph: StageGraph) -> dict[str, Stage]:
    found: dict[str, Stage] = {}
    for stage in graph.stages:
        for instruction in stage.instructions:
            if instruction.command == "arg":
                for word in instruction.args:
                    found.setdefault(word.value.split("=", 1)[0], stage)
    return found


def _column_of(ctx: LintContext, word: Word, name: str) -> int:
    """The column of ``$name`` in the word, or of the word itself when the variable is not on the
    word's first line (the word is continued onto the next line)."""
    match = re.search(r"\$\{?" + re.escape(name) + r"(?![A-Za-z0-9_])", word.value)
    if match is None:
        return word.column
    lines = ctx.parsed.lines
    text = lines[word.line - 1] if 0 < word.line <= len(lines) else ""
    column = word.column + match.start()
    return column if text[column - 1 : column - 1 + len(match.group())] == match.group() else word.column


def _message(name: str, stage: Stage, stage_args: dict[str, Stage], global_names: list[str]) -> str:
    declared_in = stage_args.get(name)
    if declared_in is not None:
        return (
            f"ARG {name} is declared inside stage {declared_in.label} (line {declared_in.line}), which no FROM "
            f"can see; declare ARG {name} before the first FROM"
        )
    return (
        f"FROM uses {name}, which is not a global ARG, so it expands to its inline default or nothing and "
        f"--build-arg cannot set it; declare ARG {name} before the first FROM{did_you_mean(name, global_names)}"
    )
