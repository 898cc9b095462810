"""The parser knows nothing of rules, the model nothing of output: imports only point down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "linter"

# What each layer may import from the rest of the package.
ALLOWED = {
    "parser": {"parser"},
    "model": {"parser", "model"},
    "findings": set(),
    "settings": set(),
    "errors": set(),
    "suppression": {"parser", "findings"},
    "rules": {"parser", "model", "findings", "settings", "suppression", "rules"},
    "formatters": {"findings", "errors", "formatters"},
}


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py") if len(relative.parts) > 1 else relative.stem


def _internal_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("linter."):
                    found.add(node.module.split(".")[1])
                continue
            if node.level > depth:
                target = node.module.split(".")[0] if node.module else ""
                found.add(target)
            else:
                found.add(path.relative_to(PACKAGE).parts[0].removesuffix(".py"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("linter."):
                    found.add(alias.name.split(".")[1])
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_respect_layers(path: Path) -> None:
    layer = _layer(path)
    if layer not in ALLOWED:
        return
    forbidden = {name for name in _internal_imports(path) if name and name not in ALLOWED[layer]}
    assert not forbidden, f"{path.name} ({layer}) imports {sorted(forbidden)}"
