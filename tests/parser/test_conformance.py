"""Every case BuildKit answered in ../shared/conformance must come out the same here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from linter.model import build
from linter.parser import Instruction, parse

from ..conftest import SHARED

PARSER_CASES = sorted((SHARED / "conformance" / "parser").glob("*.Dockerfile"))
EXPANSION_CASES = sorted((SHARED / "conformance" / "from-expansion").glob("*.Dockerfile"))


def _expected(case: Path) -> Any:
    return json.loads(case.with_name(case.name.replace(".Dockerfile", ".expected.json")).read_text(encoding="utf-8"))


def _buildkit_value(instruction: Instruction) -> Any:
    """Map our arguments onto BuildKit's node layout (ENV/LABEL as key, value, "=" triples)."""
    if instruction.command == "onbuild":
        return None
    values = [word.value for word in instruction.args]
    if instruction.command in ("env", "label"):
        return [item for key, value in zip(values[::2], values[1::2]) for item in (key, value, "=")]
    return values


def _as_buildkit(instruction: Instruction, *, nested: bool = False) -> dict[str, Any]:
    node: dict[str, Any] = {
        "cmd": instruction.keyword,
        "start": 0 if nested else instruction.start_line,
        "end": 0 if nested else instruction.end_line,
        "flags": [str(flag) for flag in instruction.flags],
        "original": instruction.original,
        "value": _buildkit_value(instruction),
    }
    if instruction.is_json:
        node["attrs"] = {"json": True}
    if instruction.sub is not None:
        node["sub"] = _as_buildkit(instruction.sub, nested=True)
    if instruction.heredocs:
        node["heredocs"] = [
            {"name": h.name, "fd": h.fd, "content": h.content, "expand": h.expand, "chomp": h.chomp}
            for h in instruction.heredocs
        ]
    return node


def test_conformance_data_is_present(conformance_dir: Path) -> None:
    assert len(PARSER_CASES) >= 68
    assert len(EXPANSION_CASES) >= 29


@pytest.mark.parametrize("case", PARSER_CASES, ids=lambda path: path.stem)
def test_parser_matches_buildkit(case: Path) -> None:
    expected = _expected(case)
    parsed = parse(case.read_bytes())
    if not expected["ok"]:
        assert parsed.error is not None, "BuildKit rejects this file"
        assert parsed.error.message == expected["error"]
        assert parsed.error.line == max(expected["error_lines"][0], 1)
        assert parsed.error.end_line == max(expected["error_lines"][-1], 1)
        return
    assert parsed.error is None
    assert parsed.escape == expected["escape"]
    assert [_as_buildkit(instruction) for instruction in parsed.instructions] == expected["instructions"]
    assert [f"{w.message} @line {w.line}" for w in parsed.warnings] == expected.get("warnings", [])


@pytest.mark.parametrize("case", EXPANSION_CASES, ids=lambda path: path.stem)
def test_from_expansion_matches_buildkit(case: Path) -> None:
    build_args_file = case.with_name(case.name.replace(".Dockerfile", ".build-args.json"))
    build_args = json.loads(build_args_file.read_text()) if build_args_file.exists() else {}
    graph = build(parse(case.read_bytes()), build_args=build_args)
    got = []
    for stage in graph.stages:
        entry: dict[str, Any] = {"line": stage.line, "raw": stage.base_raw, "image": stage.base_resolved}
        if stage.platform_resolved is not None:
            entry["platform"] = stage.platform_resolved
        if stage.key is not None:
            entry["stage"] = stage.key
        got.append(entry)
    assert got == _expected(case)
