"""Defaults of the [links] settings table; config.py checks user keys against these."""

from __future__ import annotations

from typing import Any

from artlint.links.external.settings import EXTERNAL

# Offline checking: local files, anchors, front-matter URL fields.
OFFLINE: dict[str, Any] = {
    # Folder that root-relative links ("/img/a.png") resolve against, relative to the config
    # root; empty: the root of the site detected for the file (none: not checked).
    "site_root": "",
    # The site's own address ("https://example.com/blog"); links to it are checked locally.
    "base_url": "",
    # Heading id style of the site generator: "github", "jekyll" (kramdown GFM) or "hugo".
    "slug": "github",
    # Front-matter keys whose value is a URL or a path.
    "front_matter_fields": ["image", "feature_image"],
}

DEFAULTS: dict[str, Any] = {**OFFLINE, **EXTERNAL}
