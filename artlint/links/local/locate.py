"""Where a link target is on disk: beside the linking file, or in the folders the site serves
at its root, and hints for a miss that resolves when written another way."""

from __future__ import annotations

import os
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from artlint.links.classify import Target
from artlint.links.local.explain import percent_hint
from artlint.links.local.fs import is_folder, lookup
from artlint.links.local.options import LinkOptions
from artlint.links.local.resolve import (
    Resolution,
    page_file,
    resolve_relative,
    resolve_site,
    served_folders,
)


class Served(NamedTuple):
    root: str | None  # the site's root
    roots: tuple[str, ...]  # the folders "/..." resolves into, in order
    static: tuple[str, ...]  # those of them that are static folders


def locate(doc_path: str, target: Target, options: LinkOptions, site: Any = None) -> Resolution | None:
    """None when nothing can be checked: no site for "/..." links, no file to be beside.
    `site` is the file's artlint.site.Site when known (its configured or detected folders)."""
    if target.kind == "site":
        found = served(doc_path, options, site)
        if found is None:
            return None
        resolution = resolve_site(found[0], found[1], target.path)
        inner = _under_base(target.path, _base_path(doc_path, options, site))
        if resolution.path is None and inner is not None:
            # A site served under a path (Jekyll `baseurl: /blog`, Hugo's baseURL) has its
            # files at /blog/...: the URL names them with the prefix, the disk without it.
            again = resolve_site(found[0], found[1], inner)
            if again.path is not None:
                return again
        return resolution
    if doc_path.startswith("<"):
        return None  # text without a file, such as <stdin>
    folder = os.path.dirname(os.path.abspath(doc_path))
    if not is_folder(folder):
        return None  # e.g. --stdin-filename naming a place that does not exist
    return resolve_relative(folder, target.path, by_url(doc_path, options, site))


def field_resolution(
    beside: Resolution | None, target: Target, options: LinkOptions, doc_path: str = "<text>",
    site: Any = None,
) -> Resolution | None:
    """Themes read "assets/x.png" in front matter from the site root, some from the post."""
    if beside is not None and beside.path is not None:
        return beside
    found = served(doc_path, options, site)
    if found is None:
        return None
    root, roots, _ = found
    return resolve_site(root, roots if root is None or root in roots else (root, *roots), target.path)


def _base_path(doc_path: str, options: LinkOptions, site: Any) -> str:
    """The path the site is served under, without a trailing slash ("" at the domain's root):
    [links] base_url's when set, else the site's own baseurl."""
    if options.base_host or options.site_root is not None:
        return options.base_path
    site = _site(doc_path, site)
    baseurl = getattr(site, "baseurl", "") or ""
    if not baseurl:
        return ""
    path = urlsplit(baseurl).path if "//" in baseurl else baseurl  # Hugo writes the whole address
    path = path.strip("/")
    return f"/{path}" if path else ""


def _under_base(path: str, base: str) -> str | None:
    """`path` without the prefix `base` when it starts with it; None otherwise."""
    if not base or not (path == base or path.startswith(base + "/")):
        return None
    return path[len(base) :] or "/"


def _site(doc_path: str, site: Any) -> Any:
    if site is not None or doc_path.startswith("<"):
        return site
    from artlint import site as sites
    from artlint.config.values import ConfigError

    try:
        return sites.detect(doc_path)
    except ConfigError:
        return None


def served(doc_path: str, options: LinkOptions, site: Any = None) -> Served | None:
    """[links] site_root with its usual static folders when set, else the static folders (and
    root) of the file's site, detected or configured with [site]; None for a file of no site."""
    if options.site_root is not None:
        root = str(options.site_root)
        return Served(root, served_folders(root), ())
    site = _site(doc_path, site)
    if site is None:
        return None
    roots = tuple(str(r) for r in site.url_roots())
    if not roots:
        return None
    return Served(None if site.root is None else str(site.root), roots, tuple(str(s) for s in site.static))


def site_root(doc_path: str, options: LinkOptions, site: Any = None) -> str | None:
    """The root of the file's site ([links] site_root, else detected or [site] root)."""
    found = served(doc_path, options, site)
    return None if found is None else found[0]


def by_url(doc_path: str, options: LinkOptions, site: Any = None) -> bool:
    """Whether a generator builds the page, resolving its page links against its URL."""
    if options.slug != "github":
        return True
    site = _site(doc_path, site)
    return site is not None and site.kind != "none"


def retry_hint(doc_path: str, target: Target, options: LinkOptions, site: Any = None) -> str:
    """A hint when the missing path resolves written raw, decoded once more, or read as a
    site with pretty URLs reads it; "" otherwise."""
    for alternative, twice in ((target.raw_path, False), (unquote(target.path), True)):
        if alternative != target.path and _found(doc_path, target._replace(path=alternative), options, site):
            return percent_hint(target, twice)
    return _pretty_url(doc_path, target, options, site)


def served_hint(target: Target, resolution: Resolution, found: Served | None) -> str:
    """For a root-relative URL that misses: the static folder named in the URL (Hugo serves
    static/img/a.png as /img/a.png), or a first folder that no served folder has."""
    if target.kind != "site" or found is None:
        return ""
    root, roots, _ = found
    relative = target.path.lstrip("/")
    for base in roots:
        if root is None or base == root:
            continue
        prefix = os.path.relpath(base, root).replace(os.sep, "/") + "/"
        if relative.startswith(prefix) and lookup(base, relative[len(prefix):])[0] is not None:
            return (f"; {prefix} is served at the site root: the URL is "
                    f"/{relative[len(prefix):]}")
    miss = resolution.miss
    first = relative.split("/", 1)[0]
    if miss is not None and miss.segment == first and miss.suggestion is None and "/" in relative:
        if len(resolution.looked) > 1 and root not in resolution.looked:
            return f"; none of them has a folder '{first}'"
        return f"; the site has no folder '{first}'"
    return ""


def searched(resolution: Resolution, found: Served | None) -> str:
    """Where a root-relative URL was looked for, for the message."""
    if found is None:
        return ""
    root, _, static = found
    looked = resolution.looked
    if root in looked:
        return " under the site root"  # Jekyll, or [links] site_root: the root is served
    text = f" in {_either([_short(r, root) for r in looked])}" if looked else ""
    if static and not set(static) & set(looked):
        absent = [_short(r, root) for r in static]
        verb = "does" if len(absent) == 1 else "do"
        text += f" ({_either(absent, 'and')} {verb} not exist)"
    return text


def _either(names: list[str], word: str = "or") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"


def _short(folder: str, root: str | None) -> str:
    if root is not None:
        relative = os.path.relpath(folder, root)
        if not relative.startswith(".."):
            return "the site root" if relative == "." else relative.replace(os.sep, "/") + "/"
    return folder.rstrip("/") + "/"


def _pretty_url(doc_path: str, target: Target, options: LinkOptions, site: Any) -> str:
    # Jekyll and Hugo give post.md the URL /post/, so "../next/" from it means next.md beside
    # the file; the default GitHub resolution reads links against the file and misses it.
    if target.kind != "local" or not target.path.startswith("../") or by_url(doc_path, options, site):
        return ""
    again = locate(doc_path, target._replace(path=target.path[3:]), options, site)
    if again is None or again.path is None or page_file(again.path) is None:
        return ""
    name = os.path.basename(again.path)
    return (
        f"; with pretty URLs (a folder per page) it is {name} beside this file: for such a site "
        'set [links] slug = "jekyll" or "hugo"'
    )


def _found(doc_path: str, target: Target, options: LinkOptions, site: Any) -> bool:
    again = locate(doc_path, target, options, site)
    return again is not None and again.path is not None
