"""Image references as Docker parses them (distribution/reference), with docker.io normalisation."""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

DEFAULT_REGISTRY = "docker.io"

_PATH_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*"
_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_HOST = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|\[[a-fA-F0-9:]+\])"
_DOMAIN = rf"{_HOST}(?::[0-9]+)?"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"
_REFERENCE = re.compile(
    rf"^(?P<name>(?:{_DOMAIN}/)?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*)"
    rf"(?::(?P<tag>{_TAG}))?(?:@(?P<digest>{_DIGEST}))?$",
    re.ASCII,
)
_HEX64 = re.compile(r"^[a-f0-9]{64}$")
_NAME_MAX = 255


class ImageRef(NamedTuple):
    """A parsed reference; ``error`` is set (and the parts empty) when Docker would reject it."""

    raw: str
    registry: str = ""
    repository: str = ""
    tag: Optional[str] = None
    digest: Optional[str] = None
    error: Optional[str] = None

    @property
    def valid(self) -> bool:
        return self.error is None

    @property
    def effective_tag(self) -> Optional[str]:
        """The tag Docker pulls: ``latest`` when neither tag nor digest is given."""
        if self.tag is None and self.digest is None:
            return "latest"
        return self.tag

    @property
    def floating(self) -> bool:
        """No digest and no tag, or the tag ``latest``: the image can change under the build."""
        return self.digest is None and self.effective_tag == "latest"

    @property
    def pinned_by_digest(self) -> bool:
        return self.digest is not None and self.digest.startswith("sha256:")

    @property
    def full_name(self) -> str:
        """The fully qualified form Docker resolves, e.g. ``docker.io/library/node:latest``."""
        text = f"{self.registry}/{self.repository}"
        if self.effective_tag is not None:
            text += f":{self.effective_tag}"
        if self.digest is not None:
            text += f"@{self.digest}"
        return text


def parse_image(raw: str) -> ImageRef:
    if raw == "":
        return ImageRef(raw, error="invalid reference format: the reference is empty")
    if _HEX64.match(raw):
        return ImageRef(raw, error=f"invalid repository name ({raw}), cannot specify 64-byte hexadecimal strings")
    registry, remainder = _split_domain(raw)
    name_part = remainder.split("@", 1)[0]
    colon = name_part.rfind(":")
    repository_part = name_part[:colon] if colon > name_part.rfind("/") else name_part
    if repository_part != repository_part.lower():
        return ImageRef(raw, error=f"invalid reference format: repository name ({repository_part}) must be lowercase")
    match = _REFERENCE.match(raw)
    if match is None:
        return ImageRef(raw, error="invalid reference format")
    if len(match.group("name")) > _NAME_MAX:
        return ImageRef(raw, error=f"invalid reference format: repository name must not be more than {_NAME_MAX} characters")
    registry, repository = _split_domain(match.group("name"))
    if registry == DEFAULT_REGISTRY and "/" not in repository:
        repository = f"library/{repository}"
    return ImageRef(raw, registry, repository, match.group("tag"), match.group("digest"))


def _split_domain(name: str) -> tuple[str, str]:
    slash = name.find("/")
    if slash == -1:
        return DEFAULT_REGISTRY, name
    first = name[:slash]
    if not any(ch in first for ch in ".:") and first != "localhost" and first.lower() == first:
        return DEFAULT_REGISTRY, name
    if first == "index.docker.io":
        first = DEFAULT_REGISTRY
    return first, name[slash + 1 :]


def looks_like_image(value: str) -> bool:
    """Whether a ``--from`` value reads as an image reference rather than a stage name."""
    return any(ch in value for ch in "/:@")
