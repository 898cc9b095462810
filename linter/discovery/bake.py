"""Docker Bake files (HCL or JSON): each target's target, context and dockerfile, inherits resolved."""

from __future__ import annotations

import json
import os
import re
from typing import Any, Iterator, Optional

from . import BAKE_FILES, DeclaredTarget, DiscoveryProblem, normalise, relative_source, substitute

def files(root: str) -> list[str]:
    return [os.path.join(root, name) for name in BAKE_FILES if os.path.isfile(os.path.join(root, name))]


def _unquote(value: Any) -> Any:
    # python-hcl2 8 keeps the quotes of strings and block labels.
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if isinstance(value, list):
        return [_unquote(item) for item in value]
    return value


def _blocks(document: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    """Blocks of one kind by label, from either python-hcl2's lists or Bake JSON's mappings."""
    found: dict[str, dict[str, Any]] = {}
    raw = document.get(kind) or {}
    entries = raw if isinstance(raw, list) else [raw]
    for entry in entries:
        if isinstance(entry, dict):
            for label, body in entry.items():
                if isinstance(body, dict):
                    found[_unquote(label)] = {key: _unquote(value) for key, value in body.items()}
    return found


def _load(path: str) -> tuple[dict[str, Any], str]:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as err:
        raise DiscoveryProblem(str(err)) from None
    if path.endswith(".json"):
        try:
            document = json.loads(text)
        except ValueError as err:
            raise DiscoveryProblem(f"invalid JSON: {err}") from None
    else:
        try:
            import hcl2
        except ImportError:
            raise DiscoveryProblem(
                "reading it needs python-hcl2: pip install 'dslint[discover]' (or set discover-targets = false)"
            ) from None
        try:
            document = hcl2.loads(text)
        except Exception as err:  # the HCL parser raises lark's many error types
            raise DiscoveryProblem(f"invalid HCL: {' '.join(str(err).split())[:200]}") from None
    if not isinstance(document, dict):
        raise DiscoveryProblem("the top level is not a mapping")
    return document, text


def _resolved(name: str, targets: dict[str, dict[str, Any]], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """A target's attributes with those of the targets it inherits (later parents win, then itself)."""
    body = targets.get(name, {})
    merged: dict[str, Any] = {}
    for parent in body.get("inherits") or []:
        if parent in targets and parent not in seen:
            merged.update(_resolved(parent, targets, (*seen, name)))
    merged.update({key: value for key, value in body.items() if key != "inherits"})
    return merged


def _line_of(text: str, label: str, value: str) -> tuple[int, int]:
    """Where the target "label" block sets ``target``: the parser gives no positions."""
    block = re.search(r'(?m)^\s*(?:target\s+"' + re.escape(label) + r'"|"' + re.escape(label) + r'"\s*:)', text)
    start = block.start() if block else 0
    setting = re.compile(r'"?target"?\s*[=:]\s*"' + re.escape(value) + '"')
    match = setting.search(text, start) or setting.search(text)
    if match is None:
        return (text.count("\n", 0, start) + 1 if block else 1), 1
    line_start = text.rfind("\n", 0, match.start()) + 1
    return text.count("\n", 0, match.start()) + 1, match.start() - line_start + 1


def read(path: str) -> Iterator[DeclaredTarget]:
    document, text = _load(path)
    variables = {name: body.get("default") for name, body in _blocks(document, "variable").items()}

    def lookup(name: str) -> Optional[str]:
        value = os.environ.get(name, variables.get(name))
        return None if value is None else str(value)

    targets = _blocks(document, "target")
    base = os.path.dirname(os.path.abspath(path))
    for label in targets:
        attributes = _resolved(label, targets)
        target = attributes.get("target")
        if not isinstance(target, str) or not target:
            continue
        context = substitute(str(attributes.get("context") or "."), lookup)
        dockerfile = substitute(str(attributes.get("dockerfile") or "Dockerfile"), lookup)
        if "://" in context or "*" in context + dockerfile or attributes.get("dockerfile-inline"):
            continue
        line, column = _line_of(text, label, target)
        yield DeclaredTarget(
            dockerfile=normalise(os.path.join(base, context, dockerfile)),
            target=substitute(target, lookup),
            source=relative_source(path),
            line=line,
            column=column,
        )
