"""Any input, any file tree: no traceback, no hang, no write, no network."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import stat
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import Finding, lint_text
from linter.cli import main

from .conftest import PROJECT_ROOT, SHARED


def assert_inside(data: bytes | str, findings: list[Finding]) -> None:
    """Every finding points at a line of the file and at most one column past its end."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    lines = text.split("\n") or [""]
    for finding in findings:
        assert 1 <= finding.line <= max(len(lines), 1), finding
        assert finding.column >= 1, finding
        if lines and finding.line <= len(lines):
            assert finding.column <= len(lines[finding.line - 1]) + 1, finding


# --- property-based ------------------------------------------------------------------------------

KEYWORDS = ["FROM", "from", "RUN", "COPY", "ADD", "ARG", "ENV", "ONBUILD", "CMD", "LABEL", "USER", "WORKDIR", "FOO"]
WORDS = ["alpine", "node:20", "scratch", "$BASE", "${TAG:-1}", "${X", "build", "Build", "AS", "as", "0", "1", "-",
         "--from=build", "--from=0", "--from=", "--mount=type=cache,from=deps,target=/x", "--platform=$BUILDPLATFORM",
         '"quoted', "'q'", "[\"a\"]", "[1]", "<<EOF", "<<-EOF", "3<<'END'", "\\", "`", "#", "a=b", "\t", "é", "\x00"]  # fmt: skip
LINES = st.one_of(
    st.builds(lambda k, ws: " ".join([k, *ws]), st.sampled_from(KEYWORDS), st.lists(st.sampled_from(WORDS), max_size=5)),
    st.sampled_from(["EOF", "END", "# noqa", "# noqa: DS001", "# dslint: noqa: DS9", "# escape=`", "# syntax=x",
                     "# check=skip=all", "", "   ", "\\", "FROM base-${VARIANT}"]),  # fmt: skip
    st.text(max_size=20),
)
DOCKERFILES = st.builds(
    lambda lines, ending: ending.join(lines),
    st.lists(LINES, max_size=25),
    st.sampled_from(["\n", "\r\n", "\\\n", "\r"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    findings = lint_text(data)
    assert_inside(data, findings)
    assert lint_text(data) == findings


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCKERFILES)
def test_dockerfile_like_text_never_raises(text: str) -> None:
    findings = lint_text(text, targets=["build"], pin="digest", allowed_registries=["ghcr.io"])
    assert_inside(text, findings)
    assert lint_text(text, targets=["build"], pin="digest", allowed_registries=["ghcr.io"]) == findings


# --- nasty files ---------------------------------------------------------------------------------

def _chain(count: int) -> str:
    return "FROM alpine:3.20 AS s0\n" + "".join(f"FROM s{i - 1} AS s{i}\n" for i in range(1, count))


NASTY: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "only comments": lambda: b"# one\n# two\n",
    "only directives": lambda: b"# syntax=docker/dockerfile:1\n# escape=`\n",
    "binary": lambda: bytes(range(256)) * 8,
    "NUL bytes": lambda: b"FROM alpine\x00:3.20\nRUN \x00\n",
    "invalid UTF-8": lambda: b"FROM alpine:3.20 AS \xff\xfe\nCOPY --from=\xc3 /a /b\n",
    "UTF-16 with BOM": lambda: "FROM alpine:3.20\nRUN echo\n".encode("utf-16"),
    "CRLF": lambda: b"FROM alpine:3.20 AS a\r\nCOPY --from=a /a /b\r\n",
    "lone CR": lambda: b"FROM alpine:3.20\rRUN echo\rCOPY --from=x /a /b\r",
    "5 MB continuation": lambda: b"FROM alpine:3.20\nRUN a \\\n" + b"  b \\\n" * 900_000 + b"  c\n",
    "line over 65,535 bytes": lambda: b"FROM alpine:3.20\nRUN " + b"x" * 70_000 + b"\n",
    "10,000 stages in a chain": lambda: _chain(10_000).encode(),
    "10,000 COPY --from lines": lambda: ("FROM alpine:3.20 AS a\nFROM alpine:3.20\n" + "COPY --from=a /a /b\n" * 10_000).encode(),
    "unterminated heredoc": lambda: b"FROM alpine:3.20\nRUN <<EOF\necho\n",
    "unterminated quotes": lambda: b"FROM alpine:3.20\nCOPY --from=\"a /a /b\nENV A=\"x\nFROM ${A\n",
    "directive repeated": lambda: b"# escape=`\n# escape=`\nFROM alpine\n",
    "FROM with no argument": lambda: b"FROM\n",
    "AS with no name": lambda: b"FROM alpine:3.20 AS\n",
    "--from= empty": lambda: b"FROM alpine:3.20\nCOPY --from= /a /b\n",
    "--mount with no from": lambda: b"FROM alpine:3.20\nRUN --mount=type=cache,target=/x --mount ls\n",
    "ONBUILD of ONBUILD": lambda: b"FROM alpine:3.20 AS a\nONBUILD ONBUILD COPY --from=a /a /b\nFROM a\n",
    "deep ${} nesting": lambda: ("ARG A=1\nFROM " + "${A:-" * 500 + "x" + "}" * 500 + "\n").encode(),
    "many heredocs": lambda: ("FROM alpine:3.20\nRUN " + " ".join(f"<<E{i}" for i in range(200)) + "\n" + "".join(f"E{i}\n" for i in range(200))).encode(),
}  # fmt: skip


@pytest.mark.parametrize("name", NASTY)
def test_nasty_file_gives_findings_not_tracebacks(name: str) -> None:
    data = NASTY[name]()
    findings = lint_text(data)
    assert_inside(data, findings)
    assert all(f.code.startswith("DS") for f in findings)


def test_expected_outcomes_for_some_nasty_files() -> None:
    assert [f.message for f in lint_text(NASTY["empty"]())] == ["file with no instructions"]
    assert [f.message for f in lint_text(NASTY["line over 65,535 bytes"]())] == [
        "dockerfile line greater than max allowed size of 65535"
    ]
    assert {f.code for f in lint_text(NASTY["10,000 stages in a chain"]())} == set()
    assert [f.message for f in lint_text(NASTY["ONBUILD of ONBUILD"]())] == [
        "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
    ]


def test_size_cap_turns_a_huge_file_into_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(b"FROM alpine:3.20\n" + b"#" * 2000 + b"\n")
    out = io.StringIO()
    status = main(["--isolated", "--max-file-size", "1000", str(path)], stdout=out, stderr=io.StringIO())
    assert status == 1
    assert out.getvalue() == (
        f"{path}:1:1: DS000 file is larger than the size limit of 1,000 bytes (max-file-size); it was not parsed\n"
    )


# --- file system ---------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(["--isolated", *args], stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "Dockerfile").write_text("FROM node\n")
    (tmp_path / "empty-dir").mkdir()
    return tmp_path


def test_missing_path_and_empty_directory(tree: Path) -> None:
    assert run(str(tree / "empty-dir")) == (0, "", "")
    status, out, err = run(str(tree / "missing"), str(tree / "ok"))
    assert status == 2 and "DS003" in out and err == f"dslint: error: {tree / 'missing'}: no such file or directory\n"


def test_unreadable_file_is_reported_and_others_linted(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked.Dockerfile"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    (tree / "locked.Dockerfile").write_text("FROM node\n")
    monkeypatch.setattr("builtins.open", guarded_open)
    status, out, err = run(str(tree / "locked.Dockerfile"), str(tree / "ok"))
    assert status == 2 and "ok/Dockerfile:1:6: DS003" in out
    assert err == f"dslint: error: {tree / 'locked.Dockerfile'}: Permission denied\n"


def test_broken_symlink_explicit_and_in_a_walk(tree: Path) -> None:
    (tree / "ok" / "gone.Dockerfile").symlink_to(tree / "nowhere")
    assert run(str(tree / "ok"))[0] == 1  # skipped silently during the walk
    status, _, err = run(str(tree / "ok" / "gone.Dockerfile"))
    assert (status, err) == (2, f"dslint: error: {tree / 'ok' / 'gone.Dockerfile'}: broken symbolic link\n")


def test_symlink_loop_and_links_out_of_the_tree_are_not_followed(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    (tree / "ok" / "loop").symlink_to(tree / "ok")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "Dockerfile").write_text("FROM python\n")
    (tree / "ok" / "elsewhere").symlink_to(outside)
    (tree / "ok" / "linked.Dockerfile").symlink_to(outside / "Dockerfile")
    (tree / "ok" / "inside.Dockerfile").symlink_to(tree / "ok" / "Dockerfile")
    status, out, err = run(str(tree))
    assert status == 1 and err == ""
    assert sorted(line.split(":")[0] for line in out.splitlines()) == [
        f"{tree}/ok/Dockerfile", f"{tree}/ok/inside.Dockerfile",
    ]  # fmt: skip


def test_fifo_named_explicitly_is_an_error_not_a_hang(tree: Path) -> None:
    fifo = tree / "Dockerfile.fifo"
    os.mkfifo(fifo)
    status, _, err = run(str(fifo), str(tree / "ok"))
    assert status == 2 and err == f"dslint: error: {fifo}: not a regular file (a FIFO, socket or device is never read)\n"
    assert run(str(tree))[0] == 1  # a FIFO found by a walk is passed over


def test_device_named_explicitly() -> None:
    status, _, err = run("/dev/null")
    assert status == 2 and "not a regular file" in err


def test_non_utf8_file_name(tree: Path) -> None:
    name = os.fsencode(str(tree / "ok")) + b"/Dockerfile.\xff"
    with open(name, "wb") as handle:
        handle.write(b"FROM node\n")
    status, out, _ = run(str(tree / "ok"))
    assert status == 1 and out.count("DS003") == 2


# --- guarantees ----------------------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, tuple[object, ...]]:
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
        state[str(path)] = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino, digest)
    return state


def test_a_run_changes_nothing_on_disk(tmp_path: Path) -> None:
    for name in ("a", "b/c"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "Dockerfile").write_text("FROM node AS x\nFROM x\nCOPY --from=y /a /b\n")
    (tmp_path / "dslint.toml").write_text('select = ["DS"]\n')
    (tmp_path / "bad.Dockerfile").write_bytes(b"\xff\xfe\x00RUN <<EOF\n")
    before = _snapshot(tmp_path)
    for output_format in ("text", "json", "sarif", "github", "gitlab", "checkstyle", "junit"):
        main(["--config", str(tmp_path / "dslint.toml"), "--format", output_format, str(tmp_path)],
             stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    main(["graph", str(tmp_path / "a" / "Dockerfile")], stdout=io.StringIO(), stderr=io.StringIO())
    assert _snapshot(tmp_path) == before


def test_no_network_connection_on_any_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("dslint tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    samples = [str(PROJECT_ROOT / "examples"), str(SHARED / "conformance")]
    samples += [str(path) for path in (SHARED / "conformance").rglob("*.Dockerfile")]
    for output_format in ("text", "sarif"):
        out = io.StringIO()
        assert main(["--isolated", "--format", output_format, *samples], stdout=out, stderr=io.StringIO()) == 1
        assert out.getvalue()


def test_internal_error_has_one_line_and_a_hint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM node\n")
    monkeypatch.setattr("linter.engine.build", lambda *a, **k: (_ for _ in ()).throw(ValueError("bad")))
    status, out, err = run(str(tmp_path))
    assert status == 2 and out == ""
    assert err == "dslint: internal error: ValueError: bad (rerun with --debug for a traceback, and please report it)\n"
