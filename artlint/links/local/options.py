"""The offline link settings of a run, checked and resolved to paths once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from artlint.config.loading import Settings

SLUG_STYLES = ("github", "jekyll", "hugo")


class LinkSettingsError(ValueError):
    """A [links] value of the wrong kind; reported once per file by the link rules."""


@dataclass(frozen=True)
class LinkOptions:
    site_root: Path | None
    base_host: str  # lower-cased host of base_url, "" when unset
    base_path: str  # path of base_url without a trailing slash
    slug: str
    fields: tuple[str, ...]


def link_options(settings: Settings) -> LinkOptions:
    section = settings.section("links")
    site_root, base_url = section.get("site_root", ""), section.get("base_url", "")
    slug = section.get("slug", "github")
    if not isinstance(site_root, str) or not isinstance(base_url, str):
        raise LinkSettingsError("[links] site_root and base_url must be strings")
    if slug not in SLUG_STYLES:
        raise LinkSettingsError(f"[links] slug must be one of {', '.join(SLUG_STYLES)}, not {slug!r}")
    fields = _fields(section.get("front_matter_fields", ["image", "feature_image"]))
    return _build(str(settings.root), site_root, base_url, str(slug), fields)


def _fields(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LinkSettingsError("[links] front_matter_fields must be a list of strings")
    return tuple(value)


@functools.cache
def _build(root: str, site_root: str, base_url: str, slug: str, fields: tuple[str, ...]) -> LinkOptions:
    site = (Path(root) / site_root).resolve() if site_root else None
    host, path = "", ""
    if base_url:
        try:
            parts = urlsplit(base_url if "//" in base_url else "//" + base_url)
        except ValueError as exc:
            raise LinkSettingsError(f"[links] base_url {base_url!r}: {exc}") from None
        host, path = (parts.hostname or "").lower(), parts.path.rstrip("/")
    return LinkOptions(site, host, path, slug, fields)
