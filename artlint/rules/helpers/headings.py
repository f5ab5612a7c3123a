"""Headings in document order, whether written as `##` or as `<h2>`."""

from __future__ import annotations

from typing import NamedTuple

from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class Heading(NamedTuple):
    level: int
    line: int
    column: int
    offset: int
    html: bool
    # Inside a <pre>: an editor export that made a code comment ("# step 2") a heading.
    in_pre: bool = False


def headings(ctx: Context) -> list[Heading]:
    cached: list[Heading] | None = ctx.cache.get("headings")
    if cached is not None:
        return cached
    doc = ctx.document
    found: list[Heading] = []
    # An unclosed <pre> runs to the end of the page.
    pres = [(e.start, len(doc.text) if e.end is None else e.end) for e in doc.elements if e.tag == "pre"]
    for token in doc.tokens:
        if token.type == "heading_open" and token.map is not None:
            line = doc.body_line + token.map[0]
            text = doc.source_line(line)
            column = len(text) - len(text.lstrip()) + 1
            offset = doc.lines.offset(line, column)
            # A blank line ends CommonMark's HTML block, so a "#" line of a <pre> listing after
            # one is rendered as a heading although the <pre> is still open.
            inside = any(start < offset < end for start, end in pres)
            found.append(Heading(int(token.tag[1]), line, column, offset, False, inside))
    in_pre = _html.under(ctx, ["pre"]) if pres else None
    for i, element in _html.elements(ctx):
        if element.tag in TAGS:
            found.append(Heading(int(element.tag[1]), element.line, element.column, element.start, True,
                                 in_pre is not None and in_pre[i]))
    found.sort(key=lambda h: h.offset)
    ctx.cache["headings"] = found
    return found
