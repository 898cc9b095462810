"""A reproducible corpus of realistic multi-stage Dockerfiles, some with seeded defects.

    python benchmarks/corpus.py OUTPUT_DIR [--count 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

BASES = [
    "golang:1.22-bookworm", "node:20-alpine", "python:3.12-slim", "rust:1.79", "debian:bookworm-slim",
    "alpine:3.20", "eclipse-temurin:21-jdk", "ghcr.io/example/builder:2.4", "registry.example.com:5000/ci/base:1",
]  # fmt: skip
FLOATING = ["node", "ubuntu:latest", "python", "localhost:5000/tools"]
NAMES = ["deps", "build", "test", "lint", "assets", "tools", "compile", "bundle", "docs", "migrations"]
PACKAGES = ["curl", "git", "make", "ca-certificates", "openssl", "jq", "tzdata", "build-essential"]


def _run_block(rng: random.Random) -> str:
    kind = rng.randrange(4)
    packages = rng.sample(PACKAGES, 3)
    if kind == 0:
        return (
            "RUN apt-get update \\\n"
            "    # keep the layer small\n"
            f"    && apt-get install -y --no-install-recommends {packages[0]} \\\n"
            f"       {packages[1]} {packages[2]} \\\n"
            "    && rm -rf /var/lib/apt/lists/*\n"
        )
    if kind == 1:
        return (
            "RUN <<EOF\n"
            "set -eu\n"
            f"echo building {packages[0]}\n"
            "FROM inside a heredoc is not an instruction\n"
            "EOF\n"
            # hadolint 2.15 cannot parse an instruction right after a heredoc terminator; the blank
            # line keeps every file lintable by both tools, so that both do the full work.
            "\n"
        )
    if kind == 2:
        return "RUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=bind,source=.,target=/src \\\n    make -C /src all\n"
    return f"RUN echo {packages[0]} > /etc/{packages[1]}.conf\n"


def dockerfile(rng: random.Random) -> str:
    lines = ["# syntax=docker/dockerfile:1\n"]
    lines.append("ARG BASE_TAG=3.20\nARG VARIANT=slim\n")
    count = rng.randint(2, 7)
    names = rng.sample(NAMES, count - 1)
    for index in range(count):
        is_last = index == count - 1
        base = rng.choice(BASES)
        if index and rng.random() < 0.3:
            base = names[rng.randrange(index)]
        if rng.random() < 0.05:
            base = rng.choice(FLOATING)  # seeded defect: DS003
        if rng.random() < 0.1:
            base = "alpine:${BASE_TAG}"
        header = f"\nFROM {base}" + ("" if is_last else f" AS {names[index]}") + "\n"
        lines.append(header)
        lines.append("WORKDIR /src\n")
        for _ in range(rng.randint(1, 4)):
            lines.append(_run_block(rng))
        if index:
            source = rng.randrange(index)
            how = rng.random()
            if how < 0.5 and source < len(names):
                ref = names[source]
            elif how < 0.8:
                ref = str(source)
            else:
                ref = "ghcr.io/example/tools:1.2"
            if rng.random() < 0.04 and source < len(names):
                ref = names[source][:-1] + "x"  # seeded defect: a misspelled stage (DS002)
            lines.append(f"COPY --from={ref} /out /opt/{index}\n")
            if rng.random() < 0.3:
                lines.append(f"RUN --mount=type=bind,from={names[rng.randrange(index)]},target=/mnt ls /mnt\n")
        if is_last:
            lines.append('CMD ["/opt/app"]\n')
    return "".join(lines)


def write_corpus(directory: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        sub = directory / f"svc{number // 100:03d}"
        sub.mkdir(exist_ok=True)
        path = sub / f"app{number:05d}.Dockerfile"
        path.write_text(dockerfile(rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.output, args.count, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
