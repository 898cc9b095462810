"""The ``dslint`` command line: parse arguments, call a command, turn errors into exit codes."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import Callable, Iterator, Optional, Sequence, TextIO

from . import __version__
from .errors import DslintError
from .settings import PIN_LEVELS

SUBCOMMANDS = ("rule", "rules", "config", "graph")
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _pair(separator: str) -> Callable[[str], tuple[str, str]]:
    def parse(text: str) -> tuple[str, str]:
        key, found, value = text.partition(separator)
        if not found or not key.strip() or not value.strip():
            raise argparse.ArgumentTypeError(f"expected KEY{separator}VALUE, got {text!r}")
        return key.strip(), value.strip()

    return parse


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dslint",
        description="Lint multi-stage Dockerfiles: stage references resolved exactly as BuildKit does.",
        epilog=(
            "Other commands: `dslint rules` lists every rule, `dslint rule CODE` explains one, "
            "`dslint config` shows the settings in effect, `dslint graph DOCKERFILE` draws its stages. "
            "To lint a file named like a command, write ./rules. "
            "Exit status: 0 nothing to report, 1 findings at or above --fail-on, 2 usage, configuration or file errors."
        ),
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="Dockerfiles or directories to search (default: .)")
    group = parser.add_argument_group("what to report")
    group.add_argument("--select", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to report (replaces the config)")
    group.add_argument("--ignore", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to skip (replaces the config)")
    group.add_argument("--extend-select", type=_codes, metavar="CODES", help="add to the selected codes")
    group.add_argument("--extend-ignore", type=_codes, metavar="CODES", help="add to the ignored codes")
    group.add_argument(
        "--per-file-ignores", type=_pair(":"), action="append", metavar="GLOB:CODES",
        help="skip CODES (comma-separated) in files matching GLOB (repeatable)",
    )  # fmt: skip
    group.add_argument(
        "--severity", type=_pair("="), action="append", metavar="CODE=LEVEL",
        help="report CODE at LEVEL: error, warning, info or style (repeatable)",
    )  # fmt: skip
    group.add_argument("--fail-on", metavar="LEVEL", help="exit 1 only for findings at or above LEVEL (default: style, any finding)")
    group.add_argument("--exit-zero", action="store_const", const=True, help="exit 0 even when something is reported")
    group = parser.add_argument_group("rule options")
    group.add_argument(
        "--target", dest="targets", action="append", metavar="NAME",
        help="a stage built with `docker build --target NAME` (repeatable); the last stage always counts",
    )  # fmt: skip
    group.add_argument("--pin", choices=PIN_LEVELS, help="what pins an external image (default: tag)")
    group.add_argument(
        "--no-discover-targets", dest="discover_targets", action="store_const", const=False,
        help="do not read build targets from Compose, Bake and GitHub Actions files",
    )  # fmt: skip
    group.add_argument(
        "--allowed-registry", dest="allowed_registries", action="append", metavar="PATTERN",
        help="a registry host glob images may come from, e.g. ghcr.io or *.example.com (repeatable; enables DS011)",
    )  # fmt: skip
    group = parser.add_argument_group("files")
    group.add_argument("--exclude", type=_globs, metavar="GLOBS", help="comma-separated globs not to lint when searching directories")
    group.add_argument("--extend-exclude", type=_globs, metavar="GLOBS", help="add to the excluded globs")
    group.add_argument("--force-exclude", action="store_const", const=True, help="apply exclusions to paths named explicitly too")
    group.add_argument(
        "--max-file-size", type=int, metavar="BYTES",
        help="files larger than this get one DS000 finding instead of being parsed (default: 10 MiB)",
    )  # fmt: skip
    group.add_argument("--config", metavar="FILE", help="read this config file instead of searching for one")
    group.add_argument("--isolated", action="store_true", help="ignore all config files")
    group = parser.add_argument_group("output")
    group.add_argument(
        "--format", dest="output_format", default="text", metavar="FORMAT",
        help="text (default), json, sarif, github, gitlab, checkstyle or junit",
    )  # fmt: skip
    group.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    group.add_argument("--tee", action="store_true", help="with --output-file, also print text to the terminal")
    group.add_argument("--show-source", action="store_true", help="text: print the offending line and a caret")
    group.add_argument("--statistics", action="store_true", help="text: print a count per code at the end")
    group.add_argument("--count", action="store_true", help="text: print the number of findings last")
    group.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour text output: auto (default) means on a terminal and without NO_COLOR set",
    )  # fmt: skip
    group.add_argument("--show-settings", action="store_true", help="print the settings in effect and where each came from")
    group.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    group.add_argument("--version", action="store_true", help="print the version and installed plugins")
    return parser


def _globs(text: str) -> list[str]:
    return [glob.strip() for glob in text.split(",") if glob.strip()]


def _command_line_config(options: argparse.Namespace) -> dict[str, object]:
    """The options given on the command line, under their config-file keys."""
    per_file: Optional[dict[str, list[str]]] = None
    if options.per_file_ignores:
        per_file = {}
        for pattern, codes in options.per_file_ignores:
            per_file.setdefault(pattern, []).extend(_codes(codes))
    return {
        "select": options.select,
        "ignore": options.ignore,
        "extend-select": options.extend_select,
        "extend-ignore": options.extend_ignore,
        "per-file-ignores": per_file,
        "severity": dict(options.severity) if options.severity else None,
        "fail-on": options.fail_on,
        "exit-zero": options.exit_zero,
        "targets": options.targets,
        "pin": options.pin,
        "allowed-registries": options.allowed_registries,
        "exclude": options.exclude,
        "extend-exclude": options.extend_exclude,
        "force-exclude": options.force_exclude,
        "max-file-size": options.max_file_size,
        "discover-targets": options.discover_targets,
    }


def _version_text() -> str:
    from .registry import plugins

    lines = [f"dslint {__version__} (Python {sys.version.split()[0]})"]
    for plugin in plugins():
        lines.append(f"  plugin {plugin.package} {plugin.version}: {plugin.rule.code} {plugin.rule.name}")
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _error_boundary(stderr: TextIO, debug: bool) -> Iterator[list[int]]:
    status = [0]
    try:
        yield status
    except DslintError as err:
        stderr.write(f"dslint: error: {err}\n")
        status[0] = EXIT_USAGE
    except KeyboardInterrupt:
        stderr.write("dslint: interrupted\n")
        status[0] = EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`dslint | head`): stop quietly; what was cut off was findings.
        _silence_stdout()
        status[0] = 1
    except Exception as err:
        if debug:
            raise
        stderr.write(
            f"dslint: internal error: {type(err).__name__}: {err} "
            "(rerun with --debug for a traceback, and please report it)\n"
        )
        status[0] = EXIT_USAGE


def main(argv: Optional[Sequence[str]] = None, *, stdout: Optional[TextIO] = None, stderr: Optional[TextIO] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = stdout or _safe(sys.stdout)
    err = stderr or _safe(sys.stderr)
    debug = "--debug" in args
    with _error_boundary(err, debug) as status:
        status[0] = _dispatch(args, out, err)
    return status[0]


def _dispatch(args: list[str], out: TextIO, err: TextIO) -> int:
    if args and args[0] == "config":
        args = [*args[1:], "--show-settings"]
    elif args and args[0] in SUBCOMMANDS:
        return _subcommand(args[0], args[1:], out)
    options = _parse(_check_parser(), args)
    if options is None:
        return EXIT_USAGE
    if options.version:
        out.write(_version_text())
        return 0
    from . import config
    from .registry import all_rules

    configuration = config.load(
        _command_line_config(options),
        [rule.code for rule in all_rules()],
        config_file=options.config,
        isolated=options.isolated,
        warn=lambda message: _warn(err, message),
    )
    if options.show_settings:
        out.write(config.describe(configuration))
        return 0
    from .commands.check import Report, check

    report = Report(
        output_format=options.output_format,
        output_file=options.output_file,
        tee=options.tee,
        color=_use_color(options.color, out),
        show_source=options.show_source,
        statistics=options.statistics,
        show_count=options.count,
    )
    return check(options.paths or ["."], config=configuration, report=report, stdout=out, stderr=err)


def _warn(err: TextIO, message: str) -> None:
    err.write(f"dslint: warning: {message}\n")


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def _subcommand(name: str, args: list[str], out: TextIO) -> int:
    if name == "graph":
        return _graph(args, out)
    if name == "rules":
        parser = argparse.ArgumentParser(prog="dslint rules", description="List every rule, plugins included.")
        if _parse(parser, args) is None:
            return EXIT_USAGE
        from .commands.list_rules import list_rules

        return list_rules(stdout=out)
    parser = argparse.ArgumentParser(prog="dslint rule", description="Explain one rule.")
    parser.add_argument("code", metavar="CODE", help="a rule code, e.g. DS001")
    options = _parse(parser, args)
    if options is None:
        return EXIT_USAGE
    from .commands.show_rule import show_rule

    return show_rule(options.code, stdout=out)


def _graph(args: list[str], out: TextIO) -> int:
    parser = argparse.ArgumentParser(
        prog="dslint graph",
        description="Draw the stage graph of a Dockerfile as Mermaid (GitHub and GitLab render it) or Graphviz DOT.",
    )
    parser.add_argument("dockerfile", metavar="DOCKERFILE")
    parser.add_argument("--target", dest="targets", action="append", metavar="NAME", help="a stage built with --target (repeatable)")
    parser.add_argument("--format", dest="output_format", choices=("mermaid", "dot"), default="mermaid")
    parser.add_argument("--config", metavar="FILE", help="read this config file instead of searching for one")
    parser.add_argument("--isolated", action="store_true", help="ignore all config files")
    options = _parse(parser, args)
    if options is None:
        return EXIT_USAGE
    from . import config
    from .commands.graph import graph
    from .registry import all_rules

    configuration = config.load(
        {"targets": options.targets}, [rule.code for rule in all_rules()], config_file=options.config, isolated=options.isolated
    )
    return graph(options.dockerfile, config=configuration, output_format=options.output_format, stdout=out)


def _parse(parser: argparse.ArgumentParser, args: list[str]) -> Optional[argparse.Namespace]:
    """argparse exits on bad usage; keep that inside main() so callers always get a status."""
    try:
        return parser.parse_args(args)
    except SystemExit as exit_:
        if exit_.code in (0, None):
            raise
        return None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _safe(stream: TextIO) -> TextIO:
    """Never fail on a character the terminal cannot show (a path or value in another encoding)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(errors="backslashreplace")
    return stream
