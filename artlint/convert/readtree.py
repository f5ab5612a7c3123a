"""The Meaning of converted HTML read straight from the BeautifulSoup tree.

Serialising the cleaned tree and parsing it again would cost as much as the conversion; the
tree is walked instead, feeding the same reader artlint.meaning.model uses, so both sides of the
comparison are read alike. Plain-Markdown parts arrive as rendered HTML strings.
"""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

from bs4.element import NavigableString, Tag

from artlint.html.vocabulary import VOID
from artlint.meaning.model import Meaning
from artlint.meaning.read import Reader

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it.token import Token

# One bare tag, as emphasis and line breaks come out of conversion (`<strong>`, `</em>`, `<br />`).
_BARE_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)( ?/)?>")
# After these html.parser reads what follows as text, until their end tag.
_RAW_TEXT = re.compile(r"<(?:script|style)", re.IGNORECASE)
# HTML as a serialiser writes it (the sanitised tables and iframes conversion emits): text, end
# tags, and start tags with double-quoted attributes, all in lower case. html.parser reads these
# alike on every Python version: text unescaped, names as written, `<x />` as start and end.
_SERIALISED = re.compile(
    r'([^<]+)|<([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"<>]*")*)( ?/)?>|</([a-z][a-z0-9]*)>'
)
_ATTRIBUTE = re.compile(r' ([a-z][a-z0-9-]*)="([^"<>]*)"')
# Elements whose content some html.parser version reads as raw text: left to the parser, and
# so are the names `_RAW_TEXT` takes for a script or style (which then sends all that follows).
_PARSER_RAW = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
)
_RAW_PREFIXES = ("script", "style")


class TreeReader:
    def __init__(self) -> None:
        self.reader = Reader()
        self.raw_text = False  # a script or style was fed: the parser may be reading raw text

    def html(self, text: str) -> None:
        reader = self.reader
        bare = _BARE_TAG.fullmatch(text) if not self.raw_text else None
        if bare is not None and not _RAW_TEXT.match(text) and not (bare.group(1) and bare.group(3)):
            # The calls html.parser makes for this one tag, without its scan of the text.
            name = bare.group(2).lower()
            if not bare.group(1):
                reader.handle_starttag(name, [])
            if bare.group(1) or bare.group(3):
                reader.handle_endtag(name)
            return
        if not self.raw_text and self._serialised(text):
            return
        self.raw_text = self.raw_text or _RAW_TEXT.search(text) is not None
        reader.feed(text)
        reader.close()  # no text may wait in the parser's buffer while a tree is walked

    def _serialised(self, text: str) -> bool:
        """Read `text` as html.parser would, without it, when it is all serialiser-written HTML
        (False, reading nothing, when it is not)."""
        pieces = []
        at = 0
        for piece in _SERIALISED.finditer(text):
            tag = piece.group(2) or ""
            if piece.start() != at or tag in _PARSER_RAW or tag.startswith(_RAW_PREFIXES):
                return False
            pieces.append(piece.groups())
            at = piece.end()
        if at != len(text):
            return False
        reader = self.reader
        for data, name, attributes, closed, end in pieces:
            if data is not None:
                reader.handle_data(unescape(data))
            elif name is not None:
                reader.handle_starttag(
                    name, [(key, unescape(value)) for key, value in _ATTRIBUTE.findall(attributes)]
                )
                if closed:
                    reader.handle_endtag(name)
            else:
                reader.handle_endtag(end)
        return True

    def tree(self, node: Tag) -> None:
        reader = self.reader
        for child in node.contents:
            if isinstance(child, Tag):
                name = child.name
                attrs: list[tuple[str, str | None]] = [
                    (k, " ".join(v) if isinstance(v, list) else v) for k, v in child.attrs.items()
                ] if child.attrs else []  # most tags, once cleaned
                reader.handle_starttag(name, attrs)
                if child.contents:
                    self.tree(child)
                if name not in VOID:
                    reader.handle_endtag(name)
            elif type(child) is NavigableString:
                reader.handle_data(str(child))

    def tokens(self, tokens: Sequence[Token]) -> None:
        """Read markdown-it tokens as the HTML renderer would write them, without writing it."""
        reader = self.reader
        for token in tokens:
            kind = token.type
            if kind == "text":  # the most common token by far
                reader.handle_data(token.content)
            elif kind == "inline":
                self.tokens(token.children or ())
            elif kind in ("code_inline", "fence", "code_block"):
                if kind != "code_inline":
                    reader.handle_starttag("pre", [])
                info = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
                reader.handle_starttag("code", [("class", f"language-{info}")] if info else [])
                reader.handle_data(token.content)
                reader.handle_endtag("code")
                if kind != "code_inline":
                    reader.handle_endtag("pre")
            elif kind == "softbreak":
                reader.handle_data("\n")
            elif kind in ("html_block", "html_inline"):
                self.html(token.content)
            elif kind == "image":
                alt = _alt_text(token.children or [])
                attrs: list[tuple[str, str | None]] = [
                    (str(k), str(v)) for k, v in token.attrs.items() if k != "alt"
                ]
                reader.handle_starttag("img", [*attrs, ("alt", alt)])
            elif token.hidden or not token.tag:
                continue
            elif token.nesting == -1:
                reader.handle_endtag(token.tag)
            else:
                attributes: list[tuple[str, str | None]] = [(str(k), str(v)) for k, v in token.attrs.items()]
                reader.handle_starttag(token.tag, attributes)  # hr and br (nesting 0) are void

    def meaning(self) -> Meaning:
        reader = self.reader
        reader.close()
        blocks = reader.finished_blocks()
        return Meaning(
            text=reader.visible_text(),
            blocks=blocks,
            headings=tuple((int(kind[1]), text) for kind, text in blocks if _heading(kind)),
            links=reader.finished_links(),
            images=tuple(reader.images),
            emphasis=reader.finished_emphasis(),
        )


def _alt_text(tokens: Sequence[Token]) -> str:
    """An image's alt text as markdown-it's renderer writes it (renderInlineAsText)."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline", "html_inline", "html_block"):
            parts.append(token.content)
        elif token.type == "image":
            parts.append(_alt_text(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _heading(kind: str) -> bool:
    return len(kind) == 2 and kind[0] == "h" and kind[1] in "123456"
