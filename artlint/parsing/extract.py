"""Links and inline directives of a parsed document, with their positions."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

from artlint.model.document import Directive, Document, Link

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# HTML attributes that hold a URL, by element.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "script": ("src",),
    "link": ("href",),
    "track": ("src",),
}

_DIRECTIVE = re.compile(
    r"<!--\s*artlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->"
)
# "](" followed by a destination: <...> or a run without spaces, parentheses balanced one deep.
_INLINE_DEST = re.compile(r"\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)


def directives(text: str, doc: Document) -> list[Directive]:
    found = []
    for match in _DIRECTIVE.finditer(text):
        rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
        line, _ = doc.position(match.start())
        found.append(Directive(match.group(1), rules, line))
    return found


def html_links(doc: Document) -> list[Link]:
    links = []
    for element in doc.elements:
        for name in URL_ATTRIBUTES.get(element.tag, ()):
            attribute = element.attr(name)
            if attribute is None or attribute.value is None:
                continue
            values = [attribute.value]
            if name == "srcset":
                values = [c.strip().split()[0] for c in attribute.value.split(",") if c.strip()]
            for value in values:
                offset = attribute.value_start
                if name == "srcset":
                    raw = doc.text[attribute.value_start : attribute.value_end]
                    offset += max(raw.find(value), 0)
                line, column = doc.position(offset)
                links.append(
                    Link(
                        value, "html", line, column, offset,
                        attribute.value_end if name != "srcset" else offset + len(value),
                        element=element.tag, attribute=name,
                    )
                )
    return links


def markdown_links(doc: Document, md: MarkdownIt) -> list[Link]:
    links: list[Link] = []
    for token in doc.tokens:
        if token.type == "inline" and token.children and token.map:
            links.extend(_inline_links(doc, md, token))
    for match in _DEFINITION.finditer(doc.text, doc.body_offset):
        if _in_code(doc, match.start()):
            continue
        dest = match.group(2)
        start = match.start(2) + (1 if dest.startswith("<") else 0)
        url = dest.strip("<>")
        line, column = doc.position(start)
        links.append(Link(url, "definition", line, column, start, start + len(url), text=match.group(1)))
    return links


def _in_code(doc: Document, offset: int) -> bool:
    return any(start <= offset < end for start, end in doc.code_spans)


def _inline_links(doc: Document, md: MarkdownIt, token: Token) -> list[Link]:
    assert token.map is not None and token.children is not None
    start = doc.lines.offset(doc.body_line + token.map[0])
    end = doc.lines.offset(doc.body_line + token.map[1])
    candidates: list[tuple[int, str, str]] = []  # (offset of the URL, raw URL, normalized)
    for match in _INLINE_DEST.finditer(doc.text, start, end):
        raw = match.group(1)
        offset = match.start(1)
        if raw.startswith("<"):
            raw, offset = raw[1:-1], offset + 1
        candidates.append((offset, raw, md.normalizeLink(unescape(_unbackslash(raw)))))
    used: set[int] = set()
    bare_from = start  # bare URLs (GFM, goldmark) are found in order, the same one twice too
    links: list[Link] = []
    children = token.children
    for i, child in enumerate(children):
        if child.type not in ("link_open", "image"):
            continue
        attr = "href" if child.type == "link_open" else "src"
        href = str(child.attrGet(attr) or "")
        kind = "image" if child.type == "image" else "markdown"
        if child.markup in ("autolink", "linkify"):  # <https://x.org>, or GFM's bare https://x.org
            kind = "autolink"
        text = child.content if child.type == "image" else _link_text(children, i)
        place = next(
            (n for n, c in enumerate(candidates) if n not in used and c[2] == href), None
        )
        if child.markup == "linkify" and (found := doc.text.find(text, bare_from, end)) >= 0:
            # www.x.org links to http://www.x.org; the place is the address as written.
            bare_from = found + len(text)
            line, column = doc.position(found)
            links.append(Link(href, kind, line, column, found, bare_from, text=text))
            continue
        if place is None:
            offset, url = _fallback(doc, token, child, start, end, href)
            if kind == "markdown":
                kind = "reference"
        else:
            used.add(place)
            offset, url, _ = candidates[place]
        length = len(url) if place is not None or kind == "autolink" else 0
        line, column = doc.position(offset)
        links.append(Link(url, kind, line, column, offset, offset + length, text=text))
    return links


def _fallback(
    doc: Document, token: Token, child: Token, start: int, end: int, href: str
) -> tuple[int, str]:
    if child.markup == "autolink":
        raw = str(child.attrGet("href") or "")
        target = raw.removeprefix("mailto:")
        found = doc.text.find("<" + target, start, end)
        if found >= 0:
            return found + 1, target
    return start, href


def _link_text(children: list[Token], index: int) -> str:
    parts = []
    for child in children[index + 1 :]:
        if child.type == "link_close":
            break
        parts.append(child.content)
    return "".join(parts)


def _unbackslash(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
