"""Find HTML elements in a Markdown body with exact positions, pairing start and end tags.

CommonMark renders code blocks, code spans, autolinks and escaped characters as text, so those
regions are blanked out (same length, newlines kept) before tags are looked for: offsets stay
true and a `<b>` written inside backticks is never taken for a tag. In Markdown text (outside
HTML blocks) a `<` starts a tag only where the file's Markdown parser read raw HTML; any other
`<` is blanked too, so `$f<g$` or `<U+9DBB>` is text, as the page shows it, and never swallows
the tags after it. Inside HTML blocks the browser reads the HTML, so tags there are found by
`html.tokenize`, which follows the HTML standard, and paired into elements by `html.pairing`.
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
    blanks: list[tuple[int, int]], text: str, start: int, end: int, spans: list[tuple[int, int]],
    tags: list[str],
) -> None:
    """Blank the code spans, escapes and autolinks of the Markdown text from `start` to `end`,
    and every `<` that starts none of `tags` (the raw HTML the parser read there, in order)."""
    segment = text[start:end]
    first = len(blanks)
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
    if "<" in segment:
        local = _blanked(segment, [(s - start, e - start) for s, e in blanks[first:]])
        blanks.extend((start + at, start + at + 1) for at in _text_angles(local, tags))


def _text_angles(segment: str, tags: list[str]) -> list[int]:
    """Offsets of the `<` in `segment` that start no tag of `tags`, found in order; none where a
    tag is not there as written (one spanning lines inside a blockquote loses its `>` prefixes):
    that text is then left to the tokenizer, as HTML blocks are."""
    inside: list[tuple[int, int]] = []
    pos = 0
    for tag in tags:
        at = segment.find(tag, pos)
        if at < 0:
            return []
        inside.append((at, at + len(tag)))
        pos = at + len(tag)
    angles = []
    k = 0
    at = segment.find("<")
    while at >= 0:
        while k < len(inside) and inside[k][1] <= at:
            k += 1
        if k == len(inside) or at < inside[k][0]:
            angles.append(at)
        at = segment.find("<", at + 1)
    return angles


def masked_text(
    text: str, body_offset: int, body_line: int, tokens: list[Token], index: LineIndex,
    block_text: re.Pattern[str] | None = None,
) -> tuple[str, list[tuple[int, int]]]:
    """The file with front matter, code and autolinks blanked, and the offsets of the code.

    `block_text`: where the engine reads HTML blocks itself (kramdown), the `<` it writes as text
    there, which are blanked too."""
    blanks: list[tuple[int, int]] = [(0, body_offset)]
    code: list[tuple[int, int]] = []
    # The cells of a table row share the row's lines: their raw HTML is read together.
    inline: dict[tuple[int, int], list[str]] = {}
    for token in tokens:
        if token.map is None:
            continue
        start = index.offset(body_line + token.map[0])
        end = index.offset(body_line + token.map[1])
        if token.type in ("code_block", "fence"):
            blanks.append((start, end))
            code.append((start, end))
        elif token.type == "html_block" and block_text is not None:
            blanks.extend((at.start(), at.start() + 1) for at in block_text.finditer(text, start, end))
        elif token.type == "inline":
            tags = inline.setdefault((start, end), [])
            tags.extend(child.content for child in token.children or () if child.type == "html_inline")
    for (start, end), tags in inline.items():
        _mask_inline(blanks, text, start, end, code, tags)
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
