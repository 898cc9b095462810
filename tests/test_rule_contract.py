"""Every rule module holds exactly one registered, well-formed, documented Rule."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import linter.rules
from linter.docs import REQUIRED_SECTIONS, SECTIONS, sections
from linter.registry import CODE_PATTERN, NAME_PATTERN
from linter.rules import BUILTIN_RULES, Rule
from linter.config import CONFIG_KEYS


def _kebab(class_name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", class_name.rstrip("_")).lower()


def test_each_rule_module_defines_exactly_one_registered_rule() -> None:
    for module_info in pkgutil.iter_modules(linter.rules.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"linter.rules.{module_info.name}")
        defined = [
            obj for obj in vars(module).values()
            if inspect.isclass(obj) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__
        ]  # fmt: skip
        assert len(defined) == 1, module.__name__
        assert defined[0] in BUILTIN_RULES, f"{defined[0].__name__} is missing from BUILTIN_RULES"


def test_codes_are_unique() -> None:
    codes = [rule.code for rule in BUILTIN_RULES]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_rule_metadata(rule: type[Rule]) -> None:
    assert CODE_PATTERN.match(rule.code) and rule.code.startswith("DS")
    assert NAME_PATTERN.match(rule.name)
    assert rule.name == _kebab(rule.__name__)
    assert rule.__module__ == f"linter.rules.{rule.name.replace('-', '_')}"
    assert rule.summary().endswith(".")
    assert set(rule.options) <= set(CONFIG_KEYS)


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_docstring_sections_are_the_fixed_ones_in_order(rule: type[Rule]) -> None:
    titles = list(sections(rule))
    assert set(REQUIRED_SECTIONS) <= set(titles)
    assert titles == [title for title in SECTIONS if title in titles]
    if rule.options:
        options_text = sections(rule)["Options"]
        assert all(f"`{key}`" in options_text for key in rule.options)
