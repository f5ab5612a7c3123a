"""HTML parsed into a BeautifulSoup tree with html.parser, without line-number bookkeeping.

Nothing in conversion reads a tag's source line, yet html.parser counts newlines for every
piece it parses; a parser that skips the count builds the very same tree, a tenth faster.
"""

from __future__ import annotations

import inspect
import re

from bs4 import BeautifulSoup
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder
from bs4.element import Tag


class _Parser(BeautifulSoupHTMLParser):
    def updatepos(self, i: int, j: int) -> int:
        return j


class _Builder(HTMLParserTreeBuilder):
    def feed(self, markup: str | bytes, _parser_class: type[BeautifulSoupHTMLParser] = _Parser) -> None:
        super().feed(markup, _parser_class=_parser_class)


# The parser class is a keyword bs4 keeps for its own tests; without it, the stock parser.
_FAST = "_parser_class" in inspect.signature(HTMLParserTreeBuilder.feed).parameters


# Text between one tag's ">" and the next "<", holding a no-break space written as an entity.
_NBSP_RUN = re.compile(r">[^<>]*&nbsp;[^<>]*<")
# Where a run between brackets may not be text: comments, declarations and processing
# instructions, raw-text elements (the parser leaves entities there as written), and quoted
# attribute values that hold a bracket themselves.
_NOT_ONLY_TEXT = re.compile(
    r"<[!?]|<(?:script|style|xmp|iframe|noembed|noframes|noscript|plaintext|textarea|title)\b"
    r"""|="[^"]*[<>]|='[^']*[<>]""",
    re.IGNORECASE,
)


def _nbsp_as_text(html: str) -> str:
    """`html` with each `&nbsp;` of text written as the character itself: the same tree.

    Editors write a no-break space wherever the author typed two spaces, tens of thousands in
    an archive; bs4 has html.parser hand it every entity apart, and each costs a call chain
    and a piece of text to join. The parser decodes `&nbsp;` in text to U+00A0 anyway.
    """
    if "&nbsp;" not in html or _NOT_ONLY_TEXT.search(html):
        return html
    return _NBSP_RUN.sub(lambda run: run.group().replace("&nbsp;", "\xa0"), html)


def nesting(soup: BeautifulSoup) -> int:
    """How many elements deep the tree goes, counted level by level without recursion."""
    depth = 0
    level: list[Tag] = [soup]
    while True:
        level = [child for node in level for child in node.contents if isinstance(child, Tag)]
        if not level:
            return depth
        depth += 1


def parse(html: str) -> BeautifulSoup:
    """The tree of `html`; attribute values stay plain strings (no class lists are split)."""
    builder_class = _Builder if _FAST else HTMLParserTreeBuilder
    builder = builder_class(multi_valued_attributes=None, store_line_numbers=False)
    return BeautifulSoup(_nbsp_as_text(html), builder=builder)


def release(soup: BeautifulSoup) -> None:
    """Break the tree's reference cycles (parent, sibling and element links) once it is used.

    A parse tree is a web of cycles that only the cyclic collector would free: thousands of
    elements per article, each allocation counting toward the next collection, which then walks
    every tree still waiting. Decomposed, reference counting frees it at once.
    """
    for child in list(soup.contents):
        child.decompose()
    soup.decompose()
