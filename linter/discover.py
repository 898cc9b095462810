"""Find Dockerfiles under the paths given on the command line."""

from __future__ import annotations

import fnmatch
import os
from typing import Iterator

DOCKERFILE_PATTERNS = ("Dockerfile", "Containerfile", "Dockerfile.*", "Containerfile.*", "*.Dockerfile", "*.dockerfile")
VCS_DIRECTORIES = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", ".pijul", "CVS"})


def is_dockerfile_name(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in DOCKERFILE_PATTERNS)


def walk(directory: str) -> Iterator[str]:
    """Dockerfiles below ``directory`` in a stable order; symlinked directories are not followed."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(name for name in dirs if name not in VCS_DIRECTORIES)
        for name in sorted(files):
            if is_dockerfile_name(name):
                yield os.path.join(root, name)
