"""Shared helpers for HTML rules: ancestry, element text, and edits that stay minimal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape

from artlint.diagnostics import Edit
from artlint.document import Attribute, Document, HtmlElement
from artlint.rules.base import Context

_TAG = re.compile(r"<[^>]*>")


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
        cached = []
        for element in ctx.document.elements:
            parent = element.parent
            flag = (parent is not None and cached[parent]) or any(matches(element, s) for s in selectors)
            cached.append(flag)
        ctx.cache[key] = cached
    return cached


def leading_space(doc: Document, offset: int) -> int:
    while offset > 0 and doc.text[offset - 1] in " \t\r\n":
        offset -= 1
    return offset


def remove_attribute(doc: Document, attribute: Attribute) -> Edit:
    return Edit(leading_space(doc, attribute.start), attribute.end, "")


def cut(doc: Document, start: int, end: int) -> Edit:
    """Delete text[start:end]; when that leaves its line blank, delete the whole line, since a
    blank line would end the HTML block and turn what follows into a paragraph or code."""
    first, _ = doc.position(start)
    last, _ = doc.position(end)
    line_start = doc.lines.offset(first)
    line_end = doc.lines.line_span(last)[1]
    if doc.text[line_start:start].strip() or doc.text[end:line_end].strip():
        return Edit(start, end, "")
    return Edit(line_start, doc.lines.offset(last + 1), "")


def unwrap(doc: Document, element: HtmlElement) -> tuple[Edit, Edit] | None:
    """Edits that remove an element's start and end tags and keep its content."""
    if element.end_tag_start is None or element.end is None:
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


def _html_regions(ctx: Context) -> tuple[list[tuple[int, int]], list[tuple[int, int, set[str]]]]:
    cached: tuple[list[tuple[int, int]], list[tuple[int, int, set[str]]]] | None = ctx.cache.get(
        "html-regions"
    )
    if cached is not None:
        return cached
    doc = ctx.document
    blocks: list[tuple[int, int]] = []
    inlines: list[tuple[int, int, set[str]]] = []
    for token in doc.tokens:
        span = doc.token_offsets(token)
        if span is None:
            continue
        if token.type == "html_block":
            blocks.append(span)
        elif token.type == "inline" and token.children:
            tags = {c.content for c in token.children if c.type == "html_inline"}
            if tags:
                inlines.append((span[0], span[1], tags))
    ctx.cache["html-regions"] = (blocks, inlines)
    return blocks, inlines


def is_html(ctx: Context, start: int, end: int) -> bool:
    """Whether CommonMark reads the tag at text[start:end] as HTML (not as literal text)."""
    blocks, inlines = _html_regions(ctx)
    if any(s <= start < e for s, e in blocks):
        return True
    tag = ctx.document.text[start:end]
    return any(s <= start < e and tag in tags for s, e, tags in inlines)


def elements(ctx: Context) -> list[tuple[int, HtmlElement]]:
    """(index, element) of every element CommonMark renders as HTML."""
    cached: list[tuple[int, HtmlElement]] | None = ctx.cache.get("html-elements")
    if cached is None:
        cached = [
            (i, e) for i, e in enumerate(ctx.document.elements)
            if is_html(ctx, e.start, e.start_tag_end)
        ]
        ctx.cache["html-elements"] = cached
    return cached
