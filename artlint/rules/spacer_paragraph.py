"""An empty paragraph or a run of line breaks used to add vertical space.

What it does:
    Reports paragraphs with nothing visible in them (`<p>&nbsp;</p>`,
    `<p data-ke-size="size16">&nbsp;</p>`, `<p><br></p>`), blocks made only of `<br>`, and runs
    of two or more `<br>` inside text. The fix deletes a spacer that stands on its own lines,
    with one blank line beside it so no double blank line remains; runs of `<br>` inside text
    keep their first `<br>` (unsafe). Empty cells' placeholders (`<td><p>&nbsp;</p></td>`) and
    blank lines of code listings (`<pre>`) are not reported.

Why is this bad:
    Spacing is the theme's job. Blank paragraphs double the theme's margins, read as empty
    lines to screen readers and leave gaps in feeds and previews.

Example:
    <p data-ke-size="size16">&nbsp;</p>

Use instead:
    Nothing: the blank line between Markdown blocks already separates them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from artlint.html.vocabulary import is_spacer
from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.model.document import Document, HtmlElement
from artlint.rules.base import Context
from artlint.rules.helpers import blocks as _blocks
from artlint.rules.helpers import html as _html

if TYPE_CHECKING:
    from markdown_it.token import Token

CODE = "HT102"
NAME = "spacer-paragraph"
SUMMARY = "Empty paragraph or line breaks used as a spacer"
SEVERITY = Severity.WARNING
FIX = "sometimes"

_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_BR_RUN = re.compile(r"<br\s*/?>(?:\s*<br\s*/?>)+", re.IGNORECASE)
_BR_ONLY = re.compile(r"\s*(?:<br\s*/?>\s*)+", re.IGNORECASE)
_CELLS = {"td", "th"}


def _blank(doc: Document, element: HtmlElement) -> bool:
    if element.end_tag_start is None:
        return False
    inner = _html.content(doc, element)
    if "&" not in inner and "\u00a0" not in inner and "<br" not in inner.lower():
        return False  # no no-break space and no <br> can give it a line's height: most paragraphs
    return is_spacer(_TAG_NAME.findall(inner), _html.visible_text(inner))


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    blocks = _blocks.html_blocks(ctx)
    spacers: list[tuple[int, int]] = []
    in_code = _html.under(ctx, ["pre", "code"])  # a blank line of a code listing is code
    for index, element in _html.elements(ctx):
        if element.tag != "p" or element.end is None or in_code[index] or not _blank(doc, element):
            continue
        parent = doc.elements[element.parent] if element.parent is not None else None
        if parent is not None and parent.tag in _CELLS:
            continue
        spacers.append((element.start, element.end))
        source = doc.text[element.start : element.end]
        yield Finding(
            element.line, element.column, f"spacer paragraph {_html.shorten(source)}",
            fix=_delete(doc, blocks, element.start, element.end),
        )
    for start, _, token in blocks:
        if _BR_ONLY.fullmatch(token.content):
            line, column = doc.position(start + len(token.content) - len(token.content.lstrip()))
            first, last = _blocks.token_lines(doc, token)
            fix = None
            if token.level == 0:
                fix = Fix((_blocks.delete_lines(doc, first, last),), "delete the spacer")
            yield Finding(line, column, "line breaks used as a spacer", fix=fix)
    for token in doc.tokens:
        span = doc.token_offsets(token)
        if token.type != "inline" or span is None or "<br" not in token.content.lower():
            continue
        if _BR_ONLY.fullmatch(token.content) and token.level == 1:  # a paragraph of <br> only
            line, column = doc.position(doc.text.find("<", span[0]))
            first, last = _blocks.token_lines(doc, token)
            fix = Fix((_blocks.delete_lines(doc, first, last),), "delete the spacer")
            yield Finding(line, column, "line breaks used as a spacer", fix=fix)
            continue
        for start, end in _runs(ctx, span, spacers):
            line, column = doc.position(start)
            count = doc.text[start:end].lower().count("<br")
            edit = Edit(doc.text.find(">", start) + 1, end, "")
            yield Finding(line, column, f"{count} <br> in a row used as a spacer",
                          fix=Fix((edit,), "keep one <br>", safe=False))


def _runs(ctx: Context, span: tuple[int, int], spacers: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for run in _BR_RUN.finditer(ctx.document.text, span[0], span[1]):
        inside = any(s <= run.start() < e for s, e in spacers)
        if not inside and _html.is_html(ctx, run.start()):
            yield run.start(), run.end()


_NAMED = re.compile(r"""<p\b[^>]*\s(?:class|id)\s*=""", re.IGNORECASE)


def _delete(doc: Document, blocks: list[tuple[int, int, Token]], start: int, end: int) -> Fix | None:
    if _NAMED.match(doc.text, start):
        # A class or id makes the empty paragraph part of a component (a link card's empty
        # description): the site's styles or scripts may rely on it being there.
        return None
    block = _blocks.block_at(blocks, start)
    if block is None or block[2].level != 0:
        return None
    lines = _blocks.own_lines(doc, start, end)
    first_line, last_line = _blocks.token_lines(doc, block[2])
    if lines is None:
        rest = doc.text[end : doc.lines.line_span(doc.position(end)[0])[1]]
        at_block_start = not doc.text[block[0] : start].strip()
        if at_block_start and not _blocks.starts_block(rest):
            return None
        return Fix((Edit(start, end, ""),), "delete the spacer")
    if lines == (first_line, last_line):
        return Fix((_blocks.delete_lines(doc, *lines),), "delete the spacer")
    if lines[0] == first_line and not _blocks.starts_block(doc.source_line(lines[1] + 1)):
        return None
    return Fix((Edit(doc.lines.offset(lines[0]), doc.lines.offset(lines[1] + 1), ""),), "delete the spacer")
