"""Find HTML elements in a Markdown body with exact positions, pairing start and end tags.

CommonMark renders code blocks, code spans, autolinks and escaped characters as text, so those
regions are blanked out (same length, newlines kept) before tags are looked for: offsets stay
true and a `<b>` written inside backticks is never taken for a tag. Tags are found by
`html.tokenize` and paired into elements by `html.pairing`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from artlint.html.pairing import Builder
from artlint.html.tokenize import find_tags
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


def scan(masked: str, index: LineIndex) -> tuple[list[HtmlElement], list[HtmlProblem]]:
    """Elements and tag-pairing problems of the masked file text."""
    builder = Builder(masked, index)
    find_tags(masked, builder)
    return builder.finish()
