"""Pages that set their own URL (`permalink: /about/me/` in front matter), found once per site.

Only used to find the file behind a site URL so its anchors can be checked; a URL that no
permalink names is still never reported, since plugins and themes make pages too.
"""

from __future__ import annotations

import os
import re

from artlint.model import reads

_PERMALINK = re.compile(r"^permalink:[ \t]*[\"']?([^\"'\s#]+)", re.MULTILINE)
_PAGES = (".md", ".markdown", ".html", ".htm")
_SKIP = {"_site", "node_modules", "vendor", "public", "resources"}
_HEAD = 4096  # front matter sits at the top; a page's body is never read here

_sites: dict[str, dict[str, str]] = {}


def permalink_file(site_root: str, url_path: str) -> str | None:
    if site_root not in _sites:
        _sites[site_root] = _scan(site_root)
    found = _sites[site_root].get(_key(url_path))
    reads.record("permalink", (site_root, url_path), found)
    return found


def _key(url_path: str) -> str:
    return "/" + url_path.strip("/").removesuffix("/index.html")


def _scan(site_root: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(site_root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP)
        for name in sorted(files):
            if not name.lower().endswith(_PAGES):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    head = handle.read(_HEAD).decode("utf-8", errors="replace")
            except OSError:
                continue
            if not head.lstrip("\ufeff").startswith("---"):
                continue
            match = _PERMALINK.search(head)
            if match and ":" not in match.group(1):  # "/:year/:title/" is a pattern, not a URL
                found.setdefault(_key(match.group(1)), path)
    return found
