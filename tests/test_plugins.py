"""Third-party rules from the dslint.rules entry-point group, found through real package metadata."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import PROJECT_ROOT

PLUGIN = '''
from linter import Rule, Severity


class NoLatestComment(Rule):
    """A FROM line with a comment saying latest."""

    code = "{code}"
    name = "{name}"
    default_severity = Severity.INFO

    def check(self, ctx):
        for stage in ctx.graph.stages:
            if stage.base_raw.endswith(":latest"):
                yield self.finding(ctx, stage.line, 1, "found latest")
'''


def _install_plugin(site: Path, *, code: str = "XY1", name: str = "no-latest-comment", target: str = "NoLatestComment") -> None:
    (site / "dslint_example_plugin.py").write_text(PLUGIN.format(code=code, name=name))
    dist = site / "dslint_example_plugin-1.2.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: dslint-example-plugin\nVersion: 1.2\n")
    (dist / "entry_points.txt").write_text(f"[dslint.rules]\nexample = dslint_example_plugin:{target}\n")


def _dslint(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(PROJECT_ROOT)])}
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_plugin_rule_is_listed_run_and_shown_in_version(tmp_path: Path) -> None:
    _install_plugin(tmp_path)
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\n")
    rules = _dslint(tmp_path, "rules", cwd=tmp_path)
    assert rules.returncode == 0
    assert rules.stdout.splitlines()[-1].split()[:3] == ["XY1", "no-latest-comment", "info"]
    assert rules.stdout.rstrip().endswith("[dslint-example-plugin]")
    version = _dslint(tmp_path, "--version", cwd=tmp_path)
    assert "plugin dslint-example-plugin 1.2: XY1 no-latest-comment" in version.stdout
    linted = _dslint(tmp_path, "--isolated", "Dockerfile", cwd=tmp_path)
    assert "Dockerfile:1:1: XY1 found latest" in linted.stdout.splitlines()


def test_plugin_with_a_taken_code_stops_the_run(tmp_path: Path) -> None:
    _install_plugin(tmp_path, code="DS001")
    result = _dslint(tmp_path, "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "dslint: error: plugin dslint-example-plugin: rule code DS001 is already used by dslint\n"


def test_plugin_that_is_not_a_rule_or_badly_named(tmp_path: Path) -> None:
    _install_plugin(tmp_path, target="Rule.__init__")
    result = _dslint(tmp_path, "--isolated", ".", cwd=tmp_path)
    assert result.returncode == 2 and "is not a subclass of linter.Rule" in result.stderr
    bad_name = tmp_path / "other"
    bad_name.mkdir()
    _install_plugin(bad_name, name="NoLatest")
    result = _dslint(bad_name, "rules", cwd=bad_name)
    assert result.stderr == "dslint: error: plugin dslint-example-plugin: rule name 'NoLatest' is not kebab-case\n"


def test_plugin_that_fails_to_import(tmp_path: Path) -> None:
    _install_plugin(tmp_path)
    (tmp_path / "dslint_example_plugin.py").write_text(textwrap.dedent("raise ImportError('missing dependency')\n"))
    result = _dslint(tmp_path, "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("dslint: error: plugin dslint-example-plugin: cannot load")
    assert result.stderr.count("\n") == 1
