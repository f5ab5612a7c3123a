"""Defaults of the [convert] settings table; config.py checks user keys against these."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Colour and background spans: "text" keeps their text, "drop" removes them with their text,
    # "mark" wraps background colours in <mark>, "emphasis" turns coloured text into *emphasis*.
    "spans": "text",
    # Embedded frames: "html" keeps them as sanitised HTML, "link" turns each into a link.
    "iframes": "html",
    # markdown -> blog: add the Tistory editor's attributes (data-ke-size and friends).
    "tistory-markup": False,
    # Re-emit front matter from its parsed data instead of keeping its text.
    "normalize-front-matter": False,
    # Compare the output's meaning with the input's and refuse to write when they differ.
    "verify": True,
    # Sanitiser allowlist for HTML that conversion writes; empty means the built-in lists.
    "allowed-tags": [],
    "allowed-attributes": {},
    # The engine the Markdown output is written for: a flavour name, or "portable" (reads the same
    # under CommonMark/GFM, kramdown and goldmark); empty means the source site's.
    "flavor": "",
    # Worker processes for archives; 0 means one per core.
    "jobs": 0,
}
