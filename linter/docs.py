"""Rule documentation from the rule classes: rules.md, ``dslint rule CODE`` and SARIF help.

Regenerate rules.md with ``python -m linter.docs --write``; a test fails when it is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Optional, Sequence

from .rules import Rule

SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Options", "Notes", "References")
REQUIRED_SECTIONS = SECTIONS[:4]
RULES_MD = Path(__file__).resolve().parent.parent / "rules.md"

_CODE_BLOCK = re.compile(r"```dockerfile\n(.*?)```", re.DOTALL)


def sections(rule: type[Rule]) -> dict[str, str]:
    """The docstring's ``## Heading`` sections, in order of appearance."""
    found: dict[str, str] = {}
    current: Optional[str] = None
    lines: list[str] = []
    for line in rule.documentation().splitlines():
        if line.startswith("## "):
            if current is not None:
                found[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        else:
            lines.append(line)
    if current is not None:
        found[current] = "\n".join(lines).strip()
    return found


def example(rule: type[Rule], section: str) -> str:
    """The Dockerfile in the rule's ``Example`` or ``Use instead`` section."""
    match = _CODE_BLOCK.search(sections(rule).get(section, ""))
    return match.group(1) if match else ""


def anchor(rule: type[Rule]) -> str:
    """The GitHub heading anchor of the rule's section in rules.md."""
    return f"{rule.code.lower()}-{rule.name}"


def lint_example(rule: type[Rule], section: str, *, only_this_rule: bool = False) -> list:  # type: ignore[type-arg]
    """Lint the Dockerfile of a rule's ``Example`` or ``Use instead`` with the options it needs.

    ``declared_targets`` in ``example_options`` are (target, file, line, column) of builds of
    that Dockerfile, as if read from a Compose file.
    """
    from .config import Configuration
    from .discovery import DeclaredTarget, normalise
    from .engine import Linter

    options = dict(rule.example_options)
    declared = tuple(
        DeclaredTarget(normalise("Dockerfile"), target, source, line, column)
        for target, source, line, column in options.pop("declared_targets", ())  # type: ignore[attr-defined]
    )
    values = {key: tuple(value) if isinstance(value, (list, tuple)) else value for key, value in options.items()}
    config = Configuration(select=(rule.code,) if only_this_rule else (), declared_targets=declared, **values)  # type: ignore[arg-type]
    return Linter(config).lint_source(example(rule, section), "Dockerfile")


def example_output(rule: type[Rule]) -> str:
    findings = lint_example(rule, "Example", only_this_rule=True)
    return "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings)


def _metadata_line(rule: type[Rule]) -> str:
    parts = [f"Default severity: **{rule.default_severity.value}**"]
    if rule.buildkit:
        parts.append("BuildKit check: " + ", ".join(f"`{name}`" for name in rule.buildkit))
    if rule.hadolint:
        parts.append("hadolint: " + ", ".join(f"`{code}`" for code in rule.hadolint))
    return " · ".join(parts)


def render_rule(rule: type[Rule]) -> str:
    out = [f"## {rule.code} {rule.name}", "", _metadata_line(rule), "", rule.summary(), ""]
    for title, body in sections(rule).items():
        out += [f"### {title}", "", body, ""]
        if title == "Example":
            out += ["Output:", "", "```text", example_output(rule), "```", ""]
    return "\n".join(out).rstrip() + "\n"


CONFIGURATION = """## Configuration

dslint reads the first of `.dslint.toml`, `dslint.toml` (top-level keys) and `pyproject.toml`
(`[tool.dslint]`) it finds from the current directory upwards, stopping at the repository root.
`--config FILE` names one; `--isolated` ignores them all. Options on the command line override
the file; `dslint config` prints every setting and where it came from. Unknown keys, unknown
codes, wrong types and bad levels stop the run with exit status 2 and a message naming the file
and the key.

```toml
[tool.dslint]
select = ["DS"]                    # codes or prefixes; the longest match wins (--select)
ignore = ["DS013"]                 # --ignore
extend-select = []                 # --extend-select
extend-ignore = []                 # --extend-ignore
fail-on = "warning"                # exit 1 only for findings at or above this (--fail-on)
exit-zero = false                  # --exit-zero
targets = ["test"]                 # stages built with --target (--target)
pin = "tag"                        # "tag" or "digest" (--pin)
allowed-registries = ["docker.io", "ghcr.io", "*.example.com"]  # --allowed-registry
exclude = ["vendor", "third_party/*"]  # not searched in directories (--exclude)
extend-exclude = []                # --extend-exclude
force-exclude = false              # exclude named files too (--force-exclude)

[tool.dslint.severity]             # --severity DS003=error
DS003 = "error"

[tool.dslint.per-file-ignores]     # --per-file-ignores "docker/dev/*:DS003"
"docker/dev/*" = ["DS003"]

[tool.dslint.per-file-targets]
"docker/ci.Dockerfile" = ["lint", "unit-test"]
```

Patterns with a `/` match paths relative to the config file; patterns without one match file
and folder names.

## Suppression comments

`#` starts a comment only at the start of a line, so suppressions go on their own line:

- `# noqa: DS001,DS003` on the comment line(s) directly above an instruction suppresses those
  codes on that instruction (all its lines); `# noqa` alone suppresses every code there.
- `# dslint: noqa` anywhere skips the file; `# dslint: noqa: DS003` suppresses a code in the
  whole file.
- BuildKit's `# check=skip=StageNameCasing,...` directive (or `skip=all`) also silences the
  dslint rules that have that BuildKit twin, so one comment serves both tools.
- A malformed suppression or an unknown code suppresses nothing and is reported as DS090.

Suppression comments are ordinary comments, so they end the block of parser directives: write
them after any `# syntax=`, `# escape=` and `# check=` lines at the top of the file.
"""


def severity_mapping() -> str:
    """How each severity appears in every CI format, from the formatters' own tables."""
    from .findings import Severity
    from .formatters.checkstyle import CHECKSTYLE_SEVERITY
    from .formatters.github import GITHUB_COMMAND
    from .formatters.gitlab import GITLAB_SEVERITY
    from .formatters.sarif import SARIF_LEVEL

    out = [
        "## Severity mapping",
        "",
        "`fail-on` compares severities in the order error > warning > info > style.",
        "",
        "| dslint | SARIF `level` | GitHub command | GitLab `severity` | Checkstyle `severity` |",
        "|---|---|---|---|---|",
    ]
    for level in Severity:
        out.append(
            f"| {level.value} | {SARIF_LEVEL[level]} | `::{GITHUB_COMMAND[level]}` | "
            f"{GITLAB_SEVERITY[level]} | {CHECKSTYLE_SEVERITY[level]} |"
        )
    return "\n".join(out) + "\n"


HADOLINT_CONFIG = (
    ("ignored", "ignore"),
    ("override.error / warning / info / style", "severity (one level per code)"),
    ("failure-threshold", "fail-on"),
    ("no-fail", "exit-zero"),
    ("trustedRegistries", "allowed-registries (list docker.io by name to allow Docker Hub)"),
    ("format", "--format"),
    ("no-color", "--color never"),
    ("strict-labels, label-schema, disable-ignore-pragma", "no equivalent: dslint does not check labels"),
)


def migration(rules: Sequence[type[Rule]]) -> str:
    """The "Migrating from hadolint" section, with the code table built from ``Rule.hadolint``."""
    by_code: dict[str, list[str]] = {}
    for rule in rules:
        for code in rule.hadolint:
            by_code.setdefault(code, []).append(f"{rule.code} {rule.name}")
    out = [
        "## Migrating from hadolint",
        "",
        "dslint covers hadolint's stage and `FROM` checks, resolving names the way BuildKit does;",
        "keep hadolint (or ShellCheck) for the shell inside `RUN`.",
        "",
        "| hadolint | dslint |",
        "|---|---|",
    ]
    out += [f"| {code} | {', '.join(by_code[code])} |" for code in sorted(by_code)]
    out += [
        "",
        "A `# hadolint ignore=DL3006,DL3007` line becomes `# noqa: DS003` on the same place, the line",
        "directly above the instruction; `# hadolint global ignore=DL3006` becomes `# dslint: noqa: DS003`.",
        "",
        "| `.hadolint.yaml` | dslint configuration |",
        "|---|---|",
    ]
    out += [f"| `{hadolint}` | {dslint} |" for hadolint, dslint in HADOLINT_CONFIG]
    return "\n".join(out) + "\n"


def render_rules_md(rules: Sequence[type[Rule]]) -> str:
    out = [
        "# dslint rules",
        "",
        "<!-- Generated from the rule classes by `python -m linter.docs --write`; do not edit by hand. -->",
        "",
        "Every rule has a code (used by `--select`, `--ignore` and `# noqa`), a name and a default",
        "severity. `dslint rule CODE` prints a rule's section on the terminal.",
        "",
        "| Code | Name | Severity | Summary |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        out.append(f"| [{rule.code}](#{anchor(rule)}) | {rule.name} | {rule.default_severity.value} | {rule.summary()} |")
    out.append("")
    out.append(CONFIGURATION)
    out.append(severity_mapping())
    out.append(migration(rules))
    for rule in rules:
        out += [render_rule(rule)]
    return "\n".join(out).rstrip() + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    from .rules import BUILTIN_RULES

    args = list(sys.argv[1:] if argv is None else argv)
    text = render_rules_md(BUILTIN_RULES)
    if args == ["--write"]:
        RULES_MD.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
