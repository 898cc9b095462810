"""Find Dockerfiles under the paths given on the command line."""

from __future__ import annotations

import fnmatch
import os
import stat
from typing import Callable, Iterator

DOCKERFILE_PATTERNS = ("Dockerfile", "Containerfile", "Dockerfile.*", "Containerfile.*", "*.Dockerfile", "*.dockerfile")
VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", ".pijul", "CVS"})


def is_dockerfile_name(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in DOCKERFILE_PATTERNS)


def walk(directory: str, excluded: Callable[[str], bool] = lambda path: False) -> Iterator[str]:
    """Dockerfiles below ``directory`` in a stable order.

    Version-control folders and excluded paths are skipped. Symlinked folders are not followed,
    so a walk cannot loop, and a symlinked file counts only if it points inside the tree. FIFOs,
    devices and unreadable entries are passed over silently, as users expect of a search.
    """
    top = os.path.realpath(directory)
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            name for name in dirs if name not in VCS_DIRECTORIES and not excluded(os.path.join(root, name))
        )
        for name in sorted(files):
            path = os.path.join(root, name)
            if is_dockerfile_name(name) and not excluded(path) and _regular_file_inside(path, top):
                yield path


def _regular_file_inside(path: str, top: str) -> bool:
    try:
        if os.path.islink(path):
            real = os.path.realpath(path)
            if os.path.commonpath([real, top]) != top:
                return False
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def problem_with(path: str) -> str | None:
    """Why a path named on the command line cannot be linted, or None when it can."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    except OSError as err:
        return err.strerror or str(err)
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "not a regular file (a FIFO, socket or device is never read)"
