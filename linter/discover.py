"""Find Dockerfiles under the paths given on the command line."""

from __future__ import annotations

import fnmatch
import os
from typing import Callable, Iterator

DOCKERFILE_PATTERNS = ("Dockerfile", "Containerfile", "Dockerfile.*", "Containerfile.*", "*.Dockerfile", "*.dockerfile")
VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", ".pijul", "CVS"})


def is_dockerfile_name(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in DOCKERFILE_PATTERNS)


def walk(directory: str, excluded: Callable[[str], bool] = lambda path: False) -> Iterator[str]:
    """Dockerfiles below ``directory`` in a stable order.

    Version-control folders and excluded paths are skipped; symlinked directories are not
    followed, so a walk never leaves the tree or loops.
    """
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            name for name in dirs if name not in VCS_DIRECTORIES and not excluded(os.path.join(root, name))
        )
        for name in sorted(files):
            path = os.path.join(root, name)
            if is_dockerfile_name(name) and not excluded(path):
                yield path
