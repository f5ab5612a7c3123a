"""HTML blocks as CommonMark sees them: where they are, where one starts, deleting their lines."""

from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING

from artlint.html.vocabulary import COMMONMARK_BLOCK
from artlint.model.diagnostics import Edit
from artlint.model.document import Document
from artlint.rules.base import Context

if TYPE_CHECKING:
    from markdown_it.token import Token


def block_tokens(ctx: Context, kind: str) -> list[tuple[int, int, Token]]:
    """(start, end) offsets of the lines of every block token of a kind ("code_block"), and
    the token, in order (computed once per document)."""
    key = f"blocks:{kind}"
    cached: list[tuple[int, int, Token]] | None = ctx.cache.get(key)
    if cached is None:
        doc = ctx.document
        cached = []
        for token in doc.tokens:
            span = doc.token_offsets(token) if token.type == kind else None
            if span:
                cached.append((span[0], span[1], token))
        ctx.cache[key] = cached
    return cached


def html_blocks(ctx: Context) -> list[tuple[int, int, Token]]:
    return block_tokens(ctx, "html_block")


def token_lines(doc: Document, token: Token) -> tuple[int, int]:
    """First and last line of a block token (it has a map: it came from `html_blocks` or a parse)."""
    first, end = token.map or (0, 1)
    return doc.body_line + first, doc.body_line + end - 1


def block_at(blocks: list[tuple[int, int, Token]], offset: int) -> tuple[int, int, Token] | None:
    """The block (from `html_blocks`, sorted by start) whose lines hold `offset`."""
    # (offset, inf) sorts after every block starting at `offset` and before any starting later,
    # and never reaches the token: no key function called at each step.
    at = bisect.bisect_right(blocks, (offset, math.inf)) - 1
    if at >= 0 and blocks[at][0] <= offset < blocks[at][1]:
        return blocks[at]
    return None


def real_lines(doc: Document) -> int:
    """Number of lines, not counting the empty one after a final newline."""
    count = len(doc.lines.starts)
    return count - 1 if doc.text.endswith("\n") else count


def is_blank_line(doc: Document, line: int) -> bool:
    if line < doc.body_line or line > real_lines(doc):
        return False
    return not doc.source_line(line).strip()


def delete_lines(doc: Document, first: int, last: int) -> Edit:
    """Delete lines first..last and one blank line beside them, so no double blank remains."""
    if is_blank_line(doc, last + 1):
        last += 1
    elif is_blank_line(doc, first - 1):
        first -= 1
    return Edit(doc.lines.offset(first), doc.lines.offset(last + 1), "")


def own_lines(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The lines [start, end) occupies when nothing but whitespace shares them."""
    first, _ = doc.position(start)
    last, _ = doc.position(end)
    line_start = doc.lines.offset(first)
    _, line_end = doc.lines.line_span(last)
    if doc.text[line_start:start].strip() or doc.text[end:line_end].strip():
        return None
    return first, last


_TYPE_1_6 = re.compile(
    r" {0,3}(?:<(?:script|pre|style|textarea)[\s>]|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)", re.IGNORECASE
)
_TYPE_6 = re.compile(r" {0,3}</?([A-Za-z][A-Za-z0-9-]*)(?:[\s>]|/>|$)")
_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_TYPE_7 = re.compile(
    rf" {{0,3}}(?:<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$"
)


def starts_block(line: str) -> bool:
    """Whether CommonMark starts an HTML block at this line (after a blank line)."""
    if _TYPE_1_6.match(line):
        return True
    found = _TYPE_6.match(line)
    if found and found.group(1).lower() in COMMONMARK_BLOCK:
        return True
    return bool(_TYPE_7.match(line))
