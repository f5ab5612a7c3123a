"""Which files a generator publishes, and why not when it does not.

Jekyll skips files and folders whose names start with `_` or `.` (except `_posts`, `_drafts` and
collection folders), honours `exclude` and `include`, and treats a file under `_posts` whose name
carries no date as no post. Hugo publishes what is under contentDir, except drafts and headless
bundles; `_index.md` is a section's list page. An unpublished file is still checked.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from artlint.site.model import Site

# A Jekyll post's file name starts with its date.
_DATED = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")

PUBLISHED = (True, "")


def publication(site: Site, path: Path, front_matter: Any) -> tuple[bool, str]:
    if site.root is None:
        return PUBLISHED
    data = front_matter if isinstance(front_matter, Mapping) else {}
    if site.kind == "jekyll":
        return _jekyll(site, path, data)
    if site.kind == "hugo":
        return _hugo(site, path, data)
    if data.get("draft") is True:
        return False, "a draft (draft: true)"
    return PUBLISHED


def _relative(path: Path, root: Path) -> tuple[str, ...] | None:
    # Both sides resolved: "../site/_posts/a.md" and links to the tree name the same place.
    try:
        return Path(os.path.realpath(path)).relative_to(os.path.realpath(root)).parts
    except ValueError:
        return None


def _matches(parts: tuple[str, ...], patterns: tuple[str, ...]) -> str | None:
    rel = "/".join(parts)
    for pattern in patterns:
        bare = pattern.strip("/")
        if any(fnmatch.fnmatch(p, bare) for p in parts) or fnmatch.fnmatch(rel, bare) or \
                rel.startswith(bare + "/"):
            return pattern
    return None


def _jekyll(site: Site, path: Path, data: Mapping[str, Any]) -> tuple[bool, str]:
    assert site.root is not None
    parts = _relative(path, site.root)
    if parts is None:
        return False, "outside the site's source folder"
    if data.get("published") is False:
        return False, "published: false"
    included = _matches(parts, site.include)
    excluded = _matches(parts, site.exclude)
    if excluded and not included:
        return False, f"excluded by 'exclude: {excluded}' in {site.config}"
    folders = parts[:-1]
    if "_drafts" in folders:
        return False, "a draft (in _drafts)"
    if "_posts" in folders:
        if not _dated(parts[-1]):
            return False, "under _posts without a date in its name (YYYY-MM-DD-title): not a post"
        return PUBLISHED
    allowed = {f"_{c}" for c in site.collections}
    for part in parts:
        if part.startswith((".", "_")) and part not in allowed and not included:
            return False, f"'{part}' starts with '{part[0]}': Jekyll skips it"
    return PUBLISHED


def _dated(name: str) -> bool:
    dated = _DATED

    return dated.match(name) is not None


def _hugo(site: Site, path: Path, data: Mapping[str, Any]) -> tuple[bool, str]:
    assert site.content is not None
    parts = _relative(path, site.content)
    if parts is None:
        return False, f"outside contentDir ({site.content})"
    if data.get("draft") is True:
        return False, "a draft (draft: true)"
    build = data.get("build") or data.get("_build")
    if data.get("headless") is True or (isinstance(build, Mapping) and build.get("render") in
                                        ("never", False)):
        return False, "a headless bundle: its resources are used, the page is not rendered"
    if parts[-1].startswith("_index."):
        return True, "a section's list page (_index)"
    return PUBLISHED
