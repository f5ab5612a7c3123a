"""Defaults of the [site] settings table (config/values.py checks user keys against these)."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Walk up from each file to its generator's configuration (_config.yml, hugo.toml, ...).
    "detect": True,
    # Folder root-relative links ("/img/a.png") resolve against, relative to the config file;
    # empty: the detected site's root.
    "root": "",
    # Folders served at the site root (Hugo static/, Astro public/), relative to the config file.
    "static": [],
    # The path the site is served under ("/blog"); empty: the detected one.
    "baseurl": "",
    # What to do with files the generator does not publish (drafts, _posts without a date):
    # "check" them like the others, or "skip" them.
    "unpublished": "check",
}
UNPUBLISHED = ("check", "skip")
