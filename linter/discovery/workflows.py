"""GitHub Actions workflows: docker/build-push-action steps and `docker build` command lines."""

from __future__ import annotations

import glob
import os
import re
import shlex
from typing import Any, Iterator, Optional

from . import WORKFLOWS, DeclaredTarget, load_yaml, normalise, position, relative_source

# Options of `docker build` / `docker buildx build` that take a value, so that the context (the
# one positional argument) is found among the words.
_VALUE_OPTIONS = frozenset({
    "-t", "--tag", "-f", "--file", "--target", "--build-arg", "--platform", "--cache-from", "--cache-to",
    "--label", "--secret", "--ssh", "-o", "--output", "--progress", "--network", "--add-host", "--iidfile",
    "--metadata-file", "--build-context", "--shm-size", "--ulimit", "--builder", "--allow", "--attest",
    "--annotation", "--call", "--cgroup-parent", "--sbom", "--provenance", "-m", "--memory", "--memory-swap",
    "-c", "--cpu-shares", "--cpuset-cpus", "--cpuset-mems", "--isolation", "--policy",
})  # fmt: skip
_EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


def files(root: str) -> list[str]:
    folder = os.path.join(root, WORKFLOWS)
    return sorted(glob.glob(os.path.join(folder, "*.yml")) + glob.glob(os.path.join(folder, "*.yaml")))


def _value(text: Any) -> Optional[str]:
    """A workflow value, with ${{ expressions }} as a wildcard; None when absent."""
    if text is None or text == "":
        return None
    return _EXPRESSION.sub("*", str(text))


def read(path: str) -> Iterator[DeclaredTarget]:
    document = load_yaml(path)
    if not isinstance(document, dict):
        return
    root = _repository_root(path)
    jobs = document.get("jobs") or {}
    for job in jobs.values() if isinstance(jobs, dict) else ():
        steps = job.get("steps") if isinstance(job, dict) else None
        for step in steps or ():
            if not isinstance(step, dict):
                continue
            uses = str(step.get("uses") or "")
            if uses.startswith("docker/build-push-action"):
                yield from _action(step.get("with") or {}, root, path)
            elif isinstance(step.get("run"), str):
                yield from _commands(step["run"], root, path)


def _repository_root(workflow: str) -> str:
    # .github/workflows/x.yml: steps run in the checkout, two levels up.
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(workflow))))


def _action(inputs: Any, root: str, path: str) -> Iterator[DeclaredTarget]:
    if not isinstance(inputs, dict):
        return
    target = _value(inputs.get("target"))
    if target is None:
        return
    context = _value(inputs.get("context")) or "."
    dockerfile = _value(inputs.get("file"))
    if "*" in context or (dockerfile and "*" in dockerfile) or "://" in context:
        return
    location = os.path.join(root, dockerfile) if dockerfile else os.path.join(root, context, "Dockerfile")
    line, column = position(inputs.get("target"))
    yield DeclaredTarget(normalise(location), target, relative_source(path), line, column)


def _commands(script: str, root: str, path: str) -> Iterator[DeclaredTarget]:
    first_line, _ = position(script)
    for offset, line in enumerate(script.replace("\\\n", " ").splitlines()):
        if "docker" not in line or "--target" not in line:
            continue
        try:
            words = shlex.split(_EXPRESSION.sub("*", line), comments=True)
        except ValueError:
            continue
        for start in range(len(words)):
            rest = _build_arguments(words, start)
            if rest is not None:
                found = _parse_build(rest)
                if found is not None:
                    target, dockerfile, context = found
                    location = os.path.join(root, dockerfile) if dockerfile else os.path.join(root, context, "Dockerfile")
                    yield DeclaredTarget(normalise(location), target, relative_source(path), first_line + offset, 1)


def _build_arguments(words: list[str], start: int) -> Optional[list[str]]:
    if words[start] != "docker":
        return None
    tail = words[start + 1 :]
    for prefix in (["build"], ["buildx", "build"], ["image", "build"], ["builder", "build"]):
        if tail[: len(prefix)] == prefix:
            return tail[len(prefix) :]
    return None


def _parse_build(words: list[str]) -> Optional[tuple[str, Optional[str], str]]:
    target = dockerfile = None
    context = "."
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("&&", "||", ";", "|"):
            break
        name, has_value, value = word.partition("=")
        if word.startswith("-") and name in _VALUE_OPTIONS:
            if not has_value:
                index += 1
                value = words[index] if index < len(words) else ""
            if name == "--target":
                target = value
            elif name in ("-f", "--file"):
                dockerfile = value
        elif not word.startswith("-"):
            context = word
        index += 1
    if not target or (dockerfile and "*" in dockerfile) or "*" in context or "://" in context or context == "-":
        return None
    return target, dockerfile, context
