"""Where a link target is on disk: beside the linking file or under the site root, and hints
for a miss that resolves when written another way."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from artlint.links.classify import Target
from artlint.links.local.explain import percent_hint
from artlint.links.local.fs import is_folder
from artlint.links.local.options import LinkOptions
from artlint.links.local.resolve import (
    Resolution,
    page_file,
    resolve_relative,
    resolve_site,
)


def locate(doc_path: str, target: Target, options: LinkOptions, site: Any = None) -> Resolution | None:
    """None when nothing can be checked: no site root for "/..." links, no file to be beside.
    `site` is the file's artlint.site.Site when known (its configured or detected root)."""
    if target.kind == "site":
        root = site_root(doc_path, options, site)
        return None if root is None else resolve_site(root, target.path)
    if doc_path.startswith("<"):
        return None  # text without a file, such as <stdin>
    folder = os.path.dirname(os.path.abspath(doc_path))
    if not is_folder(folder):
        return None  # e.g. --stdin-filename naming a place that does not exist
    return resolve_relative(folder, target.path, options.slug)


def field_resolution(
    beside: Resolution | None, target: Target, options: LinkOptions, doc_path: str = "<text>",
    site: Any = None,
) -> Resolution | None:
    """Themes read "assets/x.png" in front matter from the site root, some from the post."""
    if beside is not None and beside.path is not None:
        return beside
    root = site_root(doc_path, options, site)
    return None if root is None else resolve_site(root, target.path)


def site_root(doc_path: str, options: LinkOptions, site: Any = None) -> str | None:
    """[links] site_root when set, else the root of the site detected for the file (its
    _config.yml, hugo.toml or astro.config folder); None for a file of no site."""
    if options.site_root is not None:
        return str(options.site_root)
    if site is not None:
        return None if site.root is None else str(site.root)
    if doc_path.startswith("<"):
        return None
    from artlint import site as sites
    from artlint.config.values import ConfigError

    try:
        root = sites.detect(doc_path).root
    except ConfigError:
        return None
    return None if root is None else str(root)


def retry_hint(doc_path: str, target: Target, options: LinkOptions) -> str:
    """A hint when the missing path resolves written raw, decoded once more, or read as a
    site with pretty URLs reads it; "" otherwise."""
    for alternative, twice in ((target.raw_path, False), (unquote(target.path), True)):
        if alternative != target.path and _found(doc_path, replace(target, path=alternative), options):
            return percent_hint(target, twice)
    return _pretty_url(doc_path, target, options)


def _pretty_url(doc_path: str, target: Target, options: LinkOptions) -> str:
    # Jekyll and Hugo give post.md the URL /post/, so "../next/" from it means next.md beside
    # the file; the default GitHub resolution reads links against the file and misses it.
    if options.slug != "github" or target.kind != "local" or not target.path.startswith("../"):
        return ""
    again = locate(doc_path, replace(target, path=target.path[3:]), options)
    if again is None or again.path is None or page_file(again.path) is None:
        return ""
    name = os.path.basename(again.path)
    return (
        f"; with pretty URLs (a folder per page) it is {name} beside this file: for such a site "
        'set [links] slug = "jekyll" or "hugo"'
    )


def _found(doc_path: str, target: Target, options: LinkOptions) -> bool:
    again = locate(doc_path, target, options)
    return again is not None and again.path is not None
