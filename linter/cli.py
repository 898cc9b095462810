"""The ``dslint`` command line: parse arguments, call a command, turn errors into exit codes."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Iterator, Optional, Sequence, TextIO

from . import __version__
from .errors import DslintError
from .settings import PIN_LEVELS

SUBCOMMANDS = ("rule", "rules")
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dslint",
        description="Lint multi-stage Dockerfiles: stage references resolved exactly as BuildKit does.",
        epilog=(
            "Other commands: `dslint rules` lists every rule, `dslint rule CODE` explains one. "
            "To lint a file named like a command, write ./rules. "
            "Exit status: 0 nothing found, 1 findings, 2 usage or file errors."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="Dockerfiles or directories to search (default: .)")
    parser.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="NAME",
        help="a stage built with `docker build --target NAME` (repeatable); the last stage always counts",
    )
    parser.add_argument("--pin", choices=PIN_LEVELS, default="tag", help="what pins an external image (default: tag)")
    parser.add_argument(
        "--allowed-registry",
        dest="allowed_registries",
        action="append",
        default=[],
        metavar="PATTERN",
        help="a registry host glob images may come from, e.g. ghcr.io or *.example.com (repeatable; enables DS011)",
    )
    parser.add_argument("--format", dest="output_format", default="text", metavar="FORMAT", help="text (default) or json")
    parser.add_argument("--select", type=_codes, default=[], metavar="CODES", help="comma-separated codes or prefixes to report")
    parser.add_argument("--ignore", type=_codes, default=[], metavar="CODES", help="comma-separated codes or prefixes to skip")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    parser.add_argument("--version", action="store_true", help="print the version and installed plugins")
    return parser


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
    if args and args[0] in SUBCOMMANDS:
        return _subcommand(args[0], args[1:], out)
    options = _parse(_check_parser(), args, err)
    if options is None:
        return EXIT_USAGE
    if options.version:
        out.write(_version_text())
        return 0
    from .commands.check import check
    from .settings import Settings

    return check(
        options.paths or ["."],
        settings=Settings(
            targets=tuple(options.target),
            pin=options.pin,
            allowed_registries=tuple(options.allowed_registries),
        ),
        select=options.select,
        ignore=options.ignore,
        output_format=options.output_format,
        stdout=out,
        stderr=err,
    )


def _subcommand(name: str, args: list[str], out: TextIO) -> int:
    if name == "rules":
        parser = argparse.ArgumentParser(prog="dslint rules", description="List every rule, plugins included.")
        if _parse(parser, args, sys.stderr) is None:
            return EXIT_USAGE
        from .commands.list_rules import list_rules

        return list_rules(stdout=out)
    parser = argparse.ArgumentParser(prog="dslint rule", description="Explain one rule.")
    parser.add_argument("code", metavar="CODE", help="a rule code, e.g. DS001")
    options = _parse(parser, args, sys.stderr)
    if options is None:
        return EXIT_USAGE
    from .commands.show_rule import show_rule

    return show_rule(options.code, stdout=out)


def _parse(parser: argparse.ArgumentParser, args: list[str], err: TextIO) -> Optional[argparse.Namespace]:
    """argparse exits on bad usage; keep that inside main() so callers always get a status."""
    try:
        return parser.parse_args(args)
    except SystemExit as exit_:
        if exit_.code in (0, None):
            raise
        return None


def _safe(stream: TextIO) -> TextIO:
    """Never fail on a character the terminal cannot show (a path or value in another encoding)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(errors="backslashreplace")
    return stream
