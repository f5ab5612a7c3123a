"""From a link's path to a file: relative to the linking file, or under the site root.

A site generator decides where a page ends up (permalinks, pretty URLs, pages made by plugins
or themes), so only some misses prove a link broken: a missing image or document is, a
missing "/docs/history/" is not. `Resolution.verifiable` says which.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from artlint.links.local.fs import Miss, is_folder, listing, lookup

PAGE_TYPES = (".md", ".markdown", ".mdx", ".html", ".htm")
INDEX_NAMES = ("index.md", "index.markdown", "index.html", "README.md", "readme.md", "_index.md")
# Files a site generator copies as they are: when such a link misses, the link is broken.
_ASSETS = "png jpg jpeg gif webp svg avif ico bmp tif tiff pdf zip gz mp4 webm mov mp3 ogg wav m4a"
_SOURCES = "md markdown ipynb csv docx xlsx pptx hwp"
ASSET_TYPES = frozenset(f".{ext}" for ext in f"{_ASSETS} {_SOURCES}".split(" "))
# With `[links] site_root` (no site model), the folders searched under it: the root itself and
# the usual static folders of Hugo (static/, assets/) and Astro (public/).
SERVED_FOLDERS = ("", "static", "public", "assets")
_POST_URL = re.compile(r"/(?:[^/]+/)*(\d{4})/(\d{2})/(\d{2})/([^/]+?)(?:/|\.html)?$")


class Resolution(NamedTuple):
    path: str | None  # the file (or folder) found
    verifiable: bool  # False: not finding it proves nothing
    miss: Miss | None = None
    looked: tuple[str, ...] = ()  # for a root-relative URL: the served folders searched


def served_folders(site_root: str) -> tuple[str, ...]:
    """The folders `[links] site_root` serves: the root and its usual static folders."""
    return tuple(os.path.join(site_root, s) if s else site_root for s in SERVED_FOLDERS)


def extension(path: str) -> str:
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return os.path.splitext(name)[1].lower() if not path.endswith("/") else ""


def resolve_relative(folder: str, path: str, by_url: bool) -> Resolution:
    """`by_url`: the page is built by a generator, which resolves page links against the
    page's URL (post.md becomes /post/), so a page link that misses beside the file proves
    nothing; GitHub resolves them against the file."""
    found, miss = _first(folder, path)
    if found is not None:
        return Resolution(found, True)
    ext = extension(path)
    verifiable = not by_url or ext not in ("", ".html", ".htm")
    return Resolution(None, verifiable, miss)


def resolve_site(site_root: str | None, roots: tuple[str, ...], path: str) -> Resolution:
    """A root-relative URL: the first of the served folders `roots` that holds it, else a
    Jekyll post or a page that sets this permalink under `site_root`."""
    relative = path.lstrip("/")
    miss: Miss | None = None
    looked = []
    for base in roots:
        if listing(base) is None:
            continue
        looked.append(base)
        found, missed = _first(base, relative)
        if found is not None:
            return Resolution(found, True)
        miss = miss or missed
    if site_root is not None:
        from artlint.links.local.permalinks import permalink_file

        page = _post(site_root, path) or permalink_file(site_root, path)
        if page is not None:
            return Resolution(page, True)
    return Resolution(None, extension(path) in ASSET_TYPES, miss, tuple(looked))


def _first(base: str, path: str) -> tuple[str | None, Miss | None]:
    """The path itself, else what a generator would build the same URL from."""
    found, miss = lookup(base, path or ".")
    if found is not None:
        return found, None
    stem, ext = os.path.splitext(path.rstrip("/"))
    tries: list[str] = []
    if ext.lower() in (".html", ".htm"):
        tries = [stem + ".md", stem + ".markdown"]
    elif not ext or path.endswith("/"):
        bare = path.rstrip("/")
        tries = [bare + ".md", bare + ".markdown", bare + ".html"]
    for candidate in tries:
        found, _ = lookup(base, candidate)
        if found is not None:
            return found, None
    return None, miss


def page_file(found: str) -> str | None:
    """The Markdown or HTML file whose anchors a link to `found` targets."""
    if is_folder(found):
        names = listing(found) or frozenset()
        index = next((n for n in INDEX_NAMES if n in names), None)
        return os.path.join(found, index) if index else None
    return found if os.path.splitext(found)[1].lower() in PAGE_TYPES else None


def _post(site_root: str, path: str) -> str | None:
    """Jekyll's default post URLs (/:categories/:year/:month/:day/:title/) back to `_posts`."""
    match = _POST_URL.search(path)
    if match is None:
        return None
    year, month, day, title = match.groups()
    folder = os.path.join(site_root, "_posts")
    for name in sorted(listing(folder) or ()):
        stem, ext = os.path.splitext(name)
        if stem == f"{year}-{month}-{day}-{title}" and ext.lower() in PAGE_TYPES:
            return os.path.join(folder, name)
    return None
