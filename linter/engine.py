"""One file through the whole pipeline: parse, model, enabled rules, sorted findings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Sequence, Union

from .discover import walk
from .findings import Finding
from .model import build
from .parser import parse
from .rules import LintContext, Rule
from .selection import is_enabled
from .settings import Settings


@dataclass(frozen=True)
class FileResult:
    """The findings for one path, or the reason it could not be read."""

    path: str
    findings: tuple[Finding, ...]
    error: Optional[str] = None


class Linter:
    """Holds the enabled rules of a run; instantiate once, lint many files."""

    def __init__(
        self,
        settings: Settings,
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        rules: Optional[Sequence[type[Rule]]] = None,
    ) -> None:
        if rules is None:
            from .registry import all_rules

            rules = all_rules()
        select, ignore = tuple(select), tuple(ignore)
        self.settings = settings
        self.rules = [rule() for rule in rules if is_enabled(rule.code, select, ignore)]

    def lint_source(self, data: Union[bytes, str], path: str) -> list[Finding]:
        parsed = parse(data)
        graph = build(parsed, targets=self.settings.targets)
        ctx = LintContext(path=path, parsed=parsed, graph=graph, settings=self.settings)
        findings: list[Finding] = []
        for rule in self.rules:
            if parsed.error is not None and rule.needs_model:
                continue  # only the syntax error can be said about a file BuildKit cannot read
            findings.extend(rule.check(ctx))
        return sorted(set(findings), key=Finding.sort_key)

    def lint_file(self, path: str) -> FileResult:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as err:
            return FileResult(path, (), f"{path}: {err.strerror or err}")
        return FileResult(path, tuple(self.lint_source(data, path)))

    def lint_paths(self, paths: Iterable[str]) -> Iterator[FileResult]:
        for path in paths:
            if os.path.isdir(path):
                for found in walk(path):
                    yield self.lint_file(found)
            elif not os.path.lexists(path):
                yield FileResult(path, (), f"{path}: no such file or directory")
            else:
                yield self.lint_file(path)
