"""One file through the whole pipeline: parse, model, enabled rules, policy, sorted findings.

Rules report with their default severity and know nothing of configuration; selection,
per-file ignores, severity overrides and suppression comments are applied here, once.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator, NamedTuple, Optional, Sequence, Union

from .config import Configuration
from .discover import problem_with, walk
from .findings import Finding
from .model import StageGraph, build
from .parser import ParsedFile, oversized, parse
from .rules import LintContext, Rule
from .selection import is_enabled
from .suppression import collect


class Analysis(NamedTuple):
    """Everything dslint knows about one file."""

    parsed: ParsedFile
    graph: StageGraph
    findings: list[Finding]


class FileResult(NamedTuple):
    """The findings for one path, or the reason it could not be read."""

    path: str
    findings: tuple[Finding, ...]
    error: Optional[str] = None
    lines: tuple[str, ...] = ()  # the file's source, for reports that quote it


class Linter:
    """Holds the enabled rules of a run; instantiate once, lint many files."""

    def __init__(self, config: Configuration, *, rules: Optional[Sequence[type[Rule]]] = None) -> None:
        if rules is None:
            from .registry import all_rules

            rules = all_rules()
        self.config = config
        self.known_codes = tuple(rule.code for rule in rules)
        self.buildkit_twins: dict[str, list[str]] = {}
        for rule in rules:
            for name in rule.buildkit:
                self.buildkit_twins.setdefault(name, []).append(rule.code)
        self.rules = [rule() for rule in rules if is_enabled(rule.code, config.selected, config.ignored)]
        self.severity = dict(config.severity)

    def lint_source(self, data: Union[bytes, str], path: str) -> list[Finding]:
        return self.analyse(data, path).findings

    def analyse(self, data: Union[bytes, str], path: str) -> Analysis:
        limit = self.config.max_file_size
        parsed = parse(data) if len(data) <= limit else oversized(limit)
        settings = self.config.settings_for(path)
        graph = build(parsed, targets=settings.targets)
        suppressions = collect(parsed, self.known_codes, self.buildkit_twins)
        if suppressions.skip_file:
            return Analysis(parsed, graph, [])
        ctx = LintContext(path=path, parsed=parsed, graph=graph, settings=settings, suppressions=suppressions)
        ignored_here = self.config.ignored_codes_for(path)
        findings: set[Finding] = set()
        unparsable = parsed.error is not None
        for rule in self.rules:
            if unparsable and rule.needs_model:
                continue  # only the syntax error can be said about a file BuildKit cannot read
            if ignored_here and not is_enabled(rule.code, (), ignored_here):
                continue
            for finding in rule.check(ctx):
                if suppressions.suppresses(finding):
                    continue
                level = self.severity.get(finding.code)
                findings.add(finding if level is None else finding._replace(severity=level))
        return Analysis(parsed, graph, sorted(findings, key=Finding.sort_key))

    def lint_file(self, path: str) -> FileResult:
        limit = self.config.max_file_size
        try:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as err:
            return FileResult(path, (), f"{path}: {err.strerror or err}")
        analysis = self.analyse(data, path)
        return FileResult(path, tuple(analysis.findings), lines=analysis.parsed.lines)

    def paths(self, paths: Iterable[str]) -> Iterator[Union[str, FileResult]]:
        """Files to lint, or a FileResult carrying the error for a path that cannot be used."""
        for path in paths:
            if self.config.force_exclude and self.config.is_excluded_explicitly(path):
                continue
            problem = problem_with(path)
            if problem is not None:
                yield FileResult(path, (), f"{path}: {problem}")
            elif os.path.isdir(path):
                yield from walk(path, self.config.is_excluded)
            else:
                yield path

    def lint_paths(self, paths: Iterable[str]) -> Iterator[FileResult]:
        for item in self.paths(paths):
            yield item if isinstance(item, FileResult) else self.lint_file(item)
