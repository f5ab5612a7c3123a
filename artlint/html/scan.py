"""Find HTML elements in a Markdown body with exact positions, pairing start and end tags.

CommonMark renders code blocks, code spans, autolinks and escaped characters as text, so those
regions are blanked out (same length, newlines kept) before tags are looked for: offsets stay
true and a `<b>` written inside backticks is never taken for a tag. Tags are found by `htmlfast`
where it can, else by html.parser; either way `htmlbuild` pairs them into elements.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from artlint.html.fasttags import find_tags
from artlint.html.pairing import Builder
from artlint.model.document import HtmlElement, HtmlProblem, LineIndex

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["masked_text", "scan"]

_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*>|<[^\s<>@]+@[^\s<>]+>")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_BACKTICKS = re.compile(r"`+")


_KEEP_NEWLINES = re.compile(r"[^\r\n]")


def _mask_inline(
    blanks: list[tuple[int, int]], text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> None:
    segment = text[start:end]
    for found in _ESCAPE.finditer(segment):
        blanks.append((start + found.start(), start + found.end()))
    runs = list(_BACKTICKS.finditer(segment))
    i = 0
    while i < len(runs):
        opener = runs[i]
        closer = next(
            (j for j in range(i + 1, len(runs)) if len(runs[j].group()) == len(opener.group())),
            None,
        )
        if closer is None:
            i += 1
            continue
        s, e = start + opener.start(), start + runs[closer].end()
        blanks.append((s, e))
        spans.append((s, e))
        i = closer + 1
    for found in _AUTOLINK.finditer(segment):
        blanks.append((start + found.start(), start + found.end()))


def masked_text(
    text: str, body_offset: int, body_line: int, tokens: list[Token], index: LineIndex
) -> tuple[str, list[tuple[int, int]]]:
    """The file with front matter, code and autolinks blanked, and the offsets of the code."""
    blanks: list[tuple[int, int]] = [(0, body_offset)]
    code: list[tuple[int, int]] = []
    for token in tokens:
        if token.map is None:
            continue
        start = index.offset(body_line + token.map[0])
        end = index.offset(body_line + token.map[1])
        if token.type in ("code_block", "fence"):
            blanks.append((start, end))
            code.append((start, end))
        elif token.type == "inline":
            _mask_inline(blanks, text, start, end, code)
    return _blanked(text, blanks), code


def _blanked(text: str, blanks: list[tuple[int, int]]) -> str:
    """`text` with every character inside the ranges turned into a space, newlines kept."""
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(blanks):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        pieces.append(_KEEP_NEWLINES.sub(" ", text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


class _Scanner(HTMLParser):
    """html.parser feeding the builder: the reference, and the fallback of `htmlfast`."""

    def __init__(self, builder: Builder, index: LineIndex) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.index = index

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.index.offset(line, col + 1)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.builder.start(tag, self._offset(), self.get_starttag_text() or "", self_closing=False)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.builder.start(tag, self._offset(), self.get_starttag_text() or "", self_closing=True)

    def handle_endtag(self, tag: str) -> None:
        self.builder.end(tag, self._offset())


def scan(masked: str, index: LineIndex) -> tuple[list[HtmlElement], list[HtmlProblem]]:
    """Elements and tag-pairing problems of the masked file text."""
    builder = Builder(masked, index)
    if find_tags(masked, builder):
        return builder.finish()
    return scan_with_html_parser(masked, index)


def scan_with_html_parser(masked: str, index: LineIndex) -> tuple[list[HtmlElement], list[HtmlProblem]]:
    builder = Builder(masked, index)
    scanner = _Scanner(builder, index)
    scanner.feed(masked)
    scanner.close()
    return builder.finish()
