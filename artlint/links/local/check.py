"""The offline link check of one document, run once and shared by the LK rules.

Each problem names the rule it belongs to; the rules only pick theirs out, so a document's
links are classified, resolved and matched against anchors a single time.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NamedTuple

from artlint.links.classify import Target, classify
from artlint.links.local.anchors import IMPLICIT, document_anchors, file_anchors
from artlint.links.local.explain import (
    anchor_hint,
    describe,
    file_hint,
    shorten,
)
from artlint.links.local.locate import field_resolution, locate, retry_hint, searched, served, served_hint
from artlint.links.local.options import LinkOptions, link_options
from artlint.links.local.resolve import page_file

if TYPE_CHECKING:
    from artlint.model.document import Document, Link
    from artlint.rules.base import Context

FILE, ANCHOR, EMPTY = "file", "anchor", "empty"
MALFORMED, UNSAFE = "malformed", "unsafe"


class Problem(NamedTuple):
    kind: str  # one of the constants above
    link: Link
    message: str
    offset: int | None = None  # where to point, when not at the URL's start


def problems(ctx: Context) -> list[Problem]:
    cached: list[Problem] | None = ctx.cache.get("links.offline")
    if cached is None:
        cached = list(_check(ctx))
        ctx.cache["links.offline"] = cached
    return cached


def _check(ctx: Context) -> list[Problem]:
    from artlint.links.collect import all_links

    options = link_options(ctx.settings)
    doc = ctx.document
    links = all_links(doc, ctx.settings)
    defined = _definition_urls(links)
    found: list[Problem] = []
    for link in links:
        if link.kind == "reference" and link.url in defined:
            continue  # checked where the definition is written
        problem = _check_link(doc, link, classify(link, options), options, ctx)
        if problem is not None:
            found.append(problem)
    return found


def _definition_urls(links: list[Link]) -> set[str]:
    from html import unescape

    from artlint.parsing.parse import markdown

    md = markdown()
    return {md.normalizeLink(unescape(link.url)) for link in links if link.kind == "definition"}


def _check_link(
    doc: Document, link: Link, target: Target, options: LinkOptions, ctx: Context
) -> Problem | None:
    if target.kind == "empty":
        return Problem(EMPTY, link, f"{target.detail} in {describe(link)}")
    if target.kind in (MALFORMED, UNSAFE):
        return Problem(target.kind, link, f"{target.detail}: {shorten(link.url)}")
    if target.kind not in ("local", "site"):
        return None
    if not target.path:
        if target.kind == "site":
            return None
        return _anchor(link, target, _own_anchors(ctx, options), "this file")
    resolution = locate(doc.path, target, options, doc.site)
    if link.kind == "front-matter" and target.kind == "local":
        resolution = field_resolution(resolution, target, options, doc.path, doc.site)
    if resolution is None:
        return None
    if resolution.path is None:
        if not resolution.verifiable:
            return None
        found = served(doc.path, options, doc.site) if target.kind == "site" else None
        hint = (retry_hint(doc.path, target, options, doc.site) or served_hint(target, resolution, found)
                or file_hint(resolution.miss, target))
        place = searched(resolution, found) if target.kind == "site" else ""
        return Problem(FILE, link, f"local file not found{place}: {target.path}{hint}")
    if target.fragment is None:
        return None
    page = page_file(resolution.path)
    if page is None:
        return None
    if os.path.abspath(page) == os.path.abspath(doc.path):
        anchors: tuple[str, ...] | None = _own_anchors(ctx, options)
    else:
        anchors = file_anchors(page, options.slug)
    if anchors is None:
        return None
    name = os.path.basename(page)
    where = target.path if target.path.endswith(name) else f"{target.path} ({name})"
    return _anchor(link, target, anchors, where)


def _own_anchors(ctx: Context, options: LinkOptions) -> tuple[str, ...]:
    key = f"links.anchors.{options.slug}"
    if key not in ctx.cache:
        ctx.cache[key] = document_anchors(ctx.document, options.slug)
    anchors: tuple[str, ...] = ctx.cache[key]
    return anchors


def _anchor(link: Link, target: Target, anchors: tuple[str, ...], where: str) -> Problem | None:
    fragment = target.fragment or ""
    if not fragment or fragment in anchors or fragment in IMPLICIT:
        return None
    if fragment.removeprefix("user-content-") in anchors:
        return None  # GitHub's own prefix for ids in rendered Markdown
    hint = anchor_hint(target, anchors)
    offset = None
    if link.end > link.start and "#" in link.url:
        offset = link.start + link.url.index("#")
    return Problem(ANCHOR, link, f"anchor #{fragment} not found in {where}{hint}", offset)

