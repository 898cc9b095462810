"""The Rule base class and what a rule receives (LintContext)."""

from __future__ import annotations

from typing import ClassVar, Iterable, Iterator, NamedTuple

from ..findings import Finding, Severity
from ..model import StageGraph
from ..parser import ParsedFile
from ..settings import Settings
from ..suppression import Suppressions


class LintContext(NamedTuple):
    path: str
    parsed: ParsedFile
    graph: StageGraph
    settings: Settings
    suppressions: Suppressions = Suppressions.NONE


class Rule:
    """Subclass with the class attributes below, a docstring and a ``check`` method.

    The docstring's first line is the rule's summary; the rest is its documentation, with the
    sections ``## What it does``, ``## Why is this bad?``, ``## Example`` and ``## Use instead``.
    Rules report their default severity; severity overrides and selection happen later.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    default_severity: ClassVar[Severity] = Severity.WARNING
    buildkit: ClassVar[tuple[str, ...]] = ()  # BuildKit check names, also honoured in "# check=skip="
    hadolint: ClassVar[tuple[str, ...]] = ()  # hadolint codes this rule replaces
    options: ClassVar[tuple[str, ...]] = ()  # settings keys that change what it reports
    needs_model: ClassVar[bool] = True  # False: also runs on files the parser rejected
    example_options: ClassVar[dict[str, object]] = {}  # settings the documented examples need

    @classmethod
    def summary(cls) -> str:
        return _docstring(cls).partition("\n")[0].strip()

    @classmethod
    def documentation(cls) -> str:
        return _docstring(cls).partition("\n")[2].strip()

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self, ctx: LintContext, line: int, column: int, message: str, *, width: int = 1, path: str = ""
    ) -> Finding:
        """A finding of this rule at its default severity; ``path`` when it is in another file."""
        return Finding(
            path=path or ctx.path,
            line=line,
            column=column,
            end_line=line,
            end_column=column + max(width, 1),
            code=self.code,
            name=self.name,
            severity=self.default_severity,
            message=message,
        )


def _docstring(cls: type) -> str:
    """The class's own docstring with its indentation removed (inspect.cleandoc, which costs
    milliseconds of start-up to import)."""
    import textwrap

    doc = cls.__dict__.get("__doc__") or ""
    first, _, rest = doc.partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'build'?)`` when a choice is close to ``word``, ignoring case; else ``""``."""
    import difflib  # only when something is wrong: difflib is slow to import

    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" (did you mean {by_lower[close[0]]!r}?)" if close else ""
