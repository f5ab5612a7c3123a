"""Every link an article has: body links from the parse, plus front-matter URL fields."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from artlint.model.document import Link

if TYPE_CHECKING:
    from artlint.config.loading import Settings
    from artlint.model.document import Document

# Schemes markdown-it refuses to make a link of (its text stays visible), while other
# renderers (kramdown, Goldmark, Python-Markdown) do link them.
_REFUSED = re.compile(
    # No "[" inside the text: a run of "[[[[" is then scanned once, not once per bracket.
    r"(!?)\[[^\[\]\n]*\]\(\s*<?((?:javascript|vbscript|data|file):(?:[^\s()<>]|\([^\s()]*\))*)",
    re.IGNORECASE,
)
# What every _REFUSED match holds; its leading "](" lets the search skip ahead, so most files
# are spared the slow scan.
_SCHEME_WORD = re.compile(r"\]\(\s*<?(?:javascript|vbscript|data|file):", re.IGNORECASE)
_REFUSED_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)
# Block tokens whose lines cannot hold a link reference definition.
_LEAF_BLOCKS = {"paragraph_open", "heading_open", "html_block", "code_block", "fence", "table_open", "hr"}


def all_links(doc: Document, settings: Settings) -> list[Link]:
    links = front_matter_links(doc, settings.links.front_matter_fields) + body_links(doc) + refused_links(doc)
    return sorted(links, key=lambda link: link.start)


def body_links(doc: Document) -> list[Link]:
    """The parsed links, less footnotes and "[x]: y" lines that CommonMark reads as text."""
    covered = _leaf_lines(doc)
    return [
        link for link in doc.links
        if link.kind != "definition"
        or (not link.text.startswith("^") and (link.line - doc.body_line) not in covered)
        or _REFUSED_SCHEME.match(link.url)
    ]


def refused_links(doc: Document) -> list[Link]:
    """`[x](javascript:...)`: markdown-it shows it as text, most other renderers as a link."""
    if _SCHEME_WORD.search(doc.text, doc.body_offset) is None:
        return []
    known = {link.start for link in doc.links}
    found = []
    for match in _REFUSED.finditer(doc.text, doc.body_offset):
        start = match.start(2)
        if start in known or any(a <= start < b for a, b in doc.code_spans):
            continue
        line, column = doc.position(start)
        kind = "image" if match.group(1) else "markdown"
        found.append(Link(match.group(2), kind, line, column, start, match.end(2)))
    return found


def _leaf_lines(doc: Document) -> set[int]:
    lines: set[int] = set()
    for token in doc.tokens:
        if token.type in _LEAF_BLOCKS and token.map:
            lines.update(range(token.map[0], token.map[1]))
    return lines


def front_matter_links(doc: Document, fields: tuple[str, ...]) -> list[Link]:
    fm = doc.front_matter
    if fm is None or not isinstance(fm.data, dict):
        return []
    links = []
    for field in fields:
        path: list[str | int] = list(field.split("."))
        value: Any = fm.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str):
            links.append(_field_link(doc, field, path, value))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    links.append(_field_link(doc, field, [*path, i], item))
    return links


def _field_link(doc: Document, field: str, path: list[str | int], url: str) -> Link:
    from artlint.frontmatter.positions import position

    line, column = position(doc, path)
    start = doc.lines.offset(line, column)
    if doc.text[start : start + 1] in ("'", '"'):
        start += 1
    end = start + len(url) if doc.text[start : start + len(url)] == url else start
    line, column = doc.position(start)
    return Link(url, "front-matter", line, column, start, end, attribute=field)
