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


def headings(ctx: Context) -> list[Heading]:
    cached: list[Heading] | None = ctx.cache.get("headings")
    if cached is not None:
        return cached
    doc = ctx.document
    found: list[Heading] = []
    for token in doc.tokens:
        if token.type == "heading_open" and token.map is not None:
            line = doc.body_line + token.map[0]
            text = doc.source_line(line)
            column = len(text) - len(text.lstrip()) + 1
            found.append(Heading(int(token.tag[1]), line, column, doc.lines.offset(line, column), False))
    for _, element in _html.elements(ctx):
        if element.tag in TAGS:
            found.append(Heading(int(element.tag[1]), element.line, element.column, element.start, True))
    found.sort(key=lambda h: h.offset)
    ctx.cache["headings"] = found
    return found
