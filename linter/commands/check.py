from __future__ import annotations

from typing import NamedTuple, Optional, Sequence, TextIO

from .. import __version__
from ..config import Configuration
from ..engine import Linter
from ..errors import DslintError
from ..formatters import ReportOptions, RuleInfo
from ..formatters import get as get_formatter

HOMEPAGE = "https://github.com/dslint/dslint"


class Report(NamedTuple):
    """How to report: the format, where to, and the text format's extras."""

    output_format: str = "text"
    output_file: Optional[str] = None
    tee: bool = False
    color: bool = False
    show_source: bool = False
    statistics: bool = False
    show_count: bool = False


def _rule_infos(linter: Linter) -> tuple[RuleInfo, ...]:
    from ..docs import anchor, sections

    return tuple(
        RuleInfo(
            code=rule.code,
            name=rule.name,
            summary=rule.summary(),
            description=" ".join(sections(type(rule)).get("What it does", rule.summary()).split()),
            help_markdown=type(rule).documentation(),
            help_uri=f"{HOMEPAGE}/blob/main/rules.md#{anchor(type(rule))}",
            severity=linter.severity.get(rule.code, rule.default_severity),
        )
        for rule in linter.rules
    )


def check(paths: Sequence[str], *, config: Configuration, report: Report, stdout: TextIO, stderr: TextIO) -> int:
    """Lint ``paths``: 2 when a path could not be read, 1 when a finding reaches ``fail-on``, else 0."""
    linter = Linter(config)
    options = ReportOptions(
        rules=_rule_infos(linter) if report.output_format == "sarif" else (),
        version=__version__,
        information_uri=HOMEPAGE,
        color=report.color and report.output_file is None,
        show_source=report.show_source,
        statistics=report.statistics,
        show_count=report.show_count,
    )
    formatter_class = get_formatter(report.output_format)
    output = _open(report.output_file) if report.output_file else stdout
    try:
        formatters = [formatter_class(output, options)]
        if report.output_file and report.tee:
            formatters.append(get_formatter("text")(stdout, options))
        failing = unreadable = False
        for formatter in formatters:
            formatter.start()
        for result in linter.lint_paths(paths):
            if result.error is not None:
                unreadable = True
                stderr.write(f"dslint: error: {result.error}\n")
                continue
            failing = failing or any(f.severity.rank >= config.fail_on.rank for f in result.findings)
            for formatter in formatters:
                formatter.handle_file(result.path, result.findings, result.lines)
        for formatter in formatters:
            formatter.finish()
    finally:
        if output is not stdout:
            output.close()
    if unreadable:
        return 2
    return 1 if failing and not config.exit_zero else 0


def _open(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as err:
        raise DslintError(f"{path}: cannot write the report: {err.strerror or err}") from None
