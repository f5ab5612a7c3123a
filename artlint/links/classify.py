"""What a URL is, before any file is looked at: skipped, empty, unsafe, malformed, or a target."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from artlint.links.local.options import LinkOptions
from artlint.model.document import Link

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Liquid, Hugo and Jinja placeholders: the real URL exists only after the site is built.
_TEMPLATE = re.compile(r"\{\{|\{%|\$\{")
_CODE_SCHEMES = ("javascript", "vbscript")
_IMAGE_ELEMENTS = ("img", "source", "video", "picture", "input")


class Target(NamedTuple):
    kind: str  # "skip", "empty", "unsafe", "malformed", "external", "local", "site"
    detail: str = ""  # why, for empty/unsafe/malformed
    path: str = ""  # local and site: the percent-decoded path ("" for a same-page fragment)
    raw_path: str = ""  # the path as written
    fragment: str | None = None  # decoded; None when the URL has no "#"
    raw_fragment: str | None = None


def is_image(link: Link) -> bool:
    return link.kind in ("image", "front-matter") or link.element in _IMAGE_ELEMENTS


def classify(link: Link, options: LinkOptions) -> Target:
    # Browsers drop tabs and newlines anywhere in a URL: "java\tscript:" still runs.
    url = re.sub(r"[\t\n\r]", "", link.url).strip()
    if _TEMPLATE.search(url) or _TEMPLATE.search(unquote(url)):
        return Target("skip")
    if not url:
        return Target("empty", "empty URL")
    if url in ("#", "#!"):
        return Target("empty", f"placeholder URL '{url}'")
    scheme = _SCHEME.match(url)
    if scheme and len(scheme.group(1)) > 1:
        return _with_scheme(link, url, scheme.group(1).lower(), options)
    if link.kind == "autolink":
        return Target("skip")  # <me@example.com>: an e-mail address written without "mailto:"
    if url.startswith("//"):
        return _web(url, "https:" + url, options)
    return _local(url, "local")


def _with_scheme(link: Link, url: str, scheme: str, options: LinkOptions) -> Target:
    if scheme in _CODE_SCHEMES:
        return Target("unsafe", f"{scheme}: URL runs code when clicked")
    if scheme == "data":
        if is_image(link) and url[5:].lstrip().lower().startswith("image/"):
            return Target("skip")
        return Target("unsafe", "data: URL outside an image can carry a page or script")
    if scheme == "file":
        return Target("malformed", "file: URL points at the author's own disk")
    if scheme in ("http", "https"):
        return _web(url, url, options)
    return Target("skip")  # mailto:, tel:, irc: ... nothing to check offline


def _web(url: str, absolute: str, options: LinkOptions) -> Target:
    try:
        parts = urlsplit(absolute)
        _ = parts.port  # raises on a port that is not a number in range
    except ValueError as exc:
        return Target("malformed", str(exc))
    # A space in the path is encoded by the browser; one in the host name never works.
    if re.search(r"\s", parts.netloc):
        return Target("malformed", "white space in the host name")
    if not parts.hostname:
        return Target("malformed", "no host after the scheme (one slash too few?)")
    host = parts.hostname.lower()
    if options.site_root is None or not options.base_host:
        return Target("external")
    if host.removeprefix("www.") != options.base_host.removeprefix("www."):
        return Target("external")
    path = parts.path or "/"
    if options.base_path and not (path == options.base_path or path.startswith(options.base_path + "/")):
        return Target("external")
    rest = path[len(options.base_path) :] or "/"
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return _local(rest + query + fragment, "site")


def _local(url: str, kind: str) -> Target:
    if "](" in url:
        return Target("malformed", "Markdown link syntax inside the URL (a link nested in a link)")
    bad = _BAD_ESCAPE.search(url)
    if bad:
        escape = url[bad.start() : bad.start() + 3]
        return Target("malformed", f"'%' not followed by two hex digits: {escape!r}")
    if "\\" in url:
        return Target("malformed", "backslash in the path; URLs use '/'")
    path, hash_, fragment = url.partition("#")
    path = path.split("?", 1)[0]
    decoded = unquote(path, errors="strict") if _utf8(path) else None
    if decoded is None:
        return Target("malformed", "percent escapes that are not UTF-8")
    if kind == "local" and path.startswith("/"):
        kind = "site"
    return Target(
        kind, path=decoded, raw_path=path,
        fragment=unquote(fragment) if hash_ else None, raw_fragment=fragment if hash_ else None,
    )


def _utf8(path: str) -> bool:
    try:
        unquote(path, errors="strict")
    except UnicodeDecodeError:
        return False
    return True
