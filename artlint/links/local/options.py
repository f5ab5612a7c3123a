"""The offline link settings of a run, resolved to paths once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from artlint.config.loading import Settings


class LinkOptions(NamedTuple):
    site_root: Path | None
    base_host: str  # lower-cased host of base_url, "" when unset
    base_path: str  # path of base_url without a trailing slash
    slug: str
    fields: tuple[str, ...]


def link_options(settings: Settings) -> LinkOptions:
    """The [links] values (checked when the configuration loaded) the offline checks need."""
    links = settings.links
    return _build(str(settings.root), links.site_root, links.base_url, links.slug, links.front_matter_fields)


@functools.cache
def _build(root: str, site_root: str, base_url: str, slug: str, fields: tuple[str, ...]) -> LinkOptions:
    site = (Path(root) / site_root).resolve() if site_root else None
    host, path = "", ""
    if base_url:
        parts = urlsplit(base_url if "//" in base_url else "//" + base_url)
        host, path = (parts.hostname or "").lower(), parts.path.rstrip("/")
    return LinkOptions(site, host, path, slug, fields)
