"""rules.md is generated from the rule classes; each rule's examples behave as documented."""

from __future__ import annotations

import os

import pytest

from linter.docs import RULES_MD, anchor, lint_example, render_rules_md
from linter.rules import BUILTIN_RULES, Rule


def test_rules_md_is_up_to_date() -> None:
    expected = render_rules_md(BUILTIN_RULES)
    if os.environ.get("DSLINT_UPDATE_DOCS") == "1":
        RULES_MD.write_text(expected, encoding="utf-8")
    assert RULES_MD.read_text(encoding="utf-8") == expected, (
        "rules.md is stale: run `python -m linter.docs --write` (or DSLINT_UPDATE_DOCS=1 pytest)"
    )


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_example_triggers_the_rule_and_fix_does_not(rule: type[Rule]) -> None:
    failing = lint_example(rule, "Example")
    fixed = lint_example(rule, "Use instead")
    assert rule.code in {finding.code for finding in failing}
    assert rule.code not in {finding.code for finding in fixed}


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_section_with_its_anchor(rule: type[Rule]) -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    assert f"## {rule.code} {rule.name}\n" in text
    assert f"](#{anchor(rule)})" in text


def test_migration_table_names_real_settings() -> None:
    from linter.cli import _check_parser
    from linter.config import CONFIG_KEYS
    from linter.docs import HADOLINT_CONFIG

    options = _check_parser().format_help()
    for _, dslint in HADOLINT_CONFIG:
        first = dslint.split()[0]
        if first == "no":
            continue
        assert first in CONFIG_KEYS or (first.startswith("--") and first in options), dslint
