"""Shared helpers for HTML rules: ancestry, element text, and edits that stay minimal."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from html import unescape
from itertools import pairwise

from artlint.model.diagnostics import Edit
from artlint.model.document import Attribute, Document, HtmlElement
from artlint.rules.base import Context
from artlint.rules.helpers import blocks as _blocks

_TAG = re.compile(r"<[^>]*>")

# Default of the `skip_inside` option: code highlighting, whose markup a tool generated.
SKIP_INSIDE = ["pre", "code", ".colorscripter-code"]


def matches(element: HtmlElement, selector: str) -> bool:
    """A selector is a tag name (`pre`) or a class (`.colorscripter-code`)."""
    if selector.startswith("."):
        return selector[1:] in (element.get("class") or "").split()
    return element.tag == selector


def under(ctx: Context, selectors: Sequence[str]) -> list[bool]:
    """For every element: whether it or an ancestor matches a selector (computed once)."""
    key = "under:" + " ".join(selectors)
    cached: list[bool] | None = ctx.cache.get(key)
    if cached is None:
        tags = {s for s in selectors if not s.startswith(".")}
        classes = {s[1:] for s in selectors if s.startswith(".")}
        cached = []
        for element in ctx.document.elements:
            parent = element.parent
            if (parent is not None and cached[parent]) or element.tag in tags:
                cached.append(True)
            elif classes:  # as `matches` reads a class selector
                names = element.get("class")
                cached.append(bool(names) and not classes.isdisjoint(names.split()))  # type: ignore[union-attr]
            else:
                cached.append(False)
        ctx.cache[key] = cached
    return cached


def skipped(ctx: Context) -> list[bool]:
    """For every element: whether the rule's `skip_inside` option puts it out of scope."""
    selectors = [
        str(s) if str(s).startswith(".") else str(s).lower()
        for s in ctx.options.get("skip_inside") or ()
    ]
    return under(ctx, selectors)


def leading_space(doc: Document, offset: int) -> int:
    while offset > 0 and doc.text[offset - 1] in " \t\r\n":
        offset -= 1
    return offset


def remove_attribute(doc: Document, attribute: Attribute) -> Edit:
    return Edit(leading_space(doc, attribute.start), attribute.end, "")


_VISIBLE = re.compile(r"\S")


def cut(doc: Document, start: int, end: int) -> Edit:
    """Delete text[start:end]; when that leaves its line blank, delete the whole line, since a
    blank line would end the HTML block and turn what follows into a paragraph or code."""
    first, _ = doc.position(start)
    last, _ = doc.position(end)
    line_start = doc.lines.offset(first)
    line_end = doc.lines.line_span(last)[1]
    # A search stops at the first visible character: on a long line, slicing would be quadratic.
    if _VISIBLE.search(doc.text, line_start, start) or _VISIBLE.search(doc.text, end, max(end, line_end)):
        return Edit(start, end, "")
    return Edit(line_start, doc.lines.offset(last + 1), "")


def unwrap(doc: Document, element: HtmlElement) -> tuple[Edit, Edit] | None:
    """Edits that remove an element's start and end tags and keep its content.

    None for an element a kramdown attribute list follows (`<span>x</span>{: .c}`): the list is
    the element's attributes there, and without its element it would print as text."""
    if element.end_tag_start is None or element.end is None:
        return None
    if doc.text.startswith("{:", element.end):
        return None
    return cut(doc, element.start, element.start_tag_end), cut(doc, element.end_tag_start, element.end)


def content(doc: Document, element: HtmlElement) -> str:
    """The source between the start and end tag ("" for void or unclosed elements)."""
    if element.end_tag_start is None:
        return ""
    return doc.text[element.start_tag_end : element.end_tag_start]


def visible_text(source: str) -> str:
    """Text of an HTML fragment with tags removed and entities decoded."""
    return unescape(_TAG.sub("", source))


def shorten(source: str, limit: int = 60) -> str:
    """Source quoted in a message, cut to `limit` characters so a finding stays one line."""
    return source if len(source) <= limit else source[: limit - 3] + "..."


def _inline_tags(ctx: Context) -> list[tuple[int, int, set[str]]]:
    """Spans of the inline tokens that hold HTML, with the tags markdown-it read as HTML there."""
    cached: list[tuple[int, int, set[str]]] | None = ctx.cache.get("html-inline-tags")
    if cached is None:
        doc = ctx.document
        cached = []
        for token in doc.tokens:
            if token.type != "inline":
                continue
            tags = {c.content for c in token.children or () if c.type == "html_inline"}
            span = doc.token_offsets(token)
            if tags and span is not None:
                cached.append((span[0], span[1], tags))
        ctx.cache["html-inline-tags"] = cached
    return cached


def is_html(ctx: Context, start: int, end: int | None = None) -> bool:
    """Whether CommonMark reads the tag at text[start:end] as HTML (not as literal text); `end`
    defaults to just past the first `>`."""
    if _blocks.block_at(_blocks.html_blocks(ctx), start) is not None:
        return True
    return _inline_html(ctx, start, end)


def _inline_html(ctx: Context, start: int, end: int | None) -> bool:
    """`is_html` for a tag outside every HTML block: whether an inline token read it as HTML."""
    text = ctx.document.text
    tag = text[start : text.find(">", start) + 1 if end is None else end]
    starts, spans, disjoint = _inline_index(ctx)
    if disjoint:
        i = bisect_right(starts, start) - 1
        return i >= 0 and start < spans[i][1] and tag in spans[i][2]
    return any(s <= start < e and tag in tags for s, e, tags in spans)


_InlineIndex = tuple[list[int], list[tuple[int, int, set[str]]], bool]


def _inline_index(ctx: Context) -> _InlineIndex:
    """The spans of `_inline_tags`, those of the same lines (a table row's cells) made one, and
    whether no two overlap, so that the span holding an offset is found by bisection."""
    cached: _InlineIndex | None = ctx.cache.get("html-inline-index")
    if cached is None:
        merged: dict[tuple[int, int], set[str]] = {}
        for s, e, tags in _inline_tags(ctx):
            merged.setdefault((s, e), set()).update(tags)
        spans = [(s, e, tags) for (s, e), tags in sorted(merged.items())]
        disjoint = all(a[1] <= b[0] for a, b in pairwise(spans))
        cached = ([s for s, _, _ in spans], spans, disjoint)
        ctx.cache["html-inline-index"] = cached
    return cached


def elements(ctx: Context) -> list[tuple[int, HtmlElement]]:
    """(index, element) of every element CommonMark renders as HTML."""
    cached: list[tuple[int, HtmlElement]] | None = ctx.cache.get("html-elements")
    if cached is None:
        # Elements and HTML blocks both run in document order: one walk over the two, instead of
        # a search of the blocks for each element (`is_html`), which a Tistory article makes
        # thousands of.
        blocks = _blocks.html_blocks(ctx)
        b, count = 0, len(blocks)
        cached = []
        for i, e in enumerate(ctx.document.elements):
            start = e.start
            while b < count and blocks[b][1] <= start:
                b += 1
            if (b < count and blocks[b][0] <= start) or _inline_html(ctx, start, e.start_tag_end):
                cached.append((i, e))
        ctx.cache["html-elements"] = cached
    return cached


def in_rendered_tag(ctx: Context, offset: int) -> bool:
    """Whether `offset` lies inside the start tag of an element CommonMark renders as HTML."""
    spans: list[tuple[int, int]] | None = ctx.cache.get("html-tag-spans")
    if spans is None:
        spans = sorted((e.start, e.start_tag_end) for _, e in elements(ctx))
        ctx.cache["html-tag-spans"] = spans
    i = bisect_right(spans, (offset, len(ctx.document.text) + 1)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
