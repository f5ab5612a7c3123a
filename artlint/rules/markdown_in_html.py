"""Markdown written inside an HTML block, where CommonMark leaves it as literal text.

What it does:
    Reports `**bold**`, `[text](url)`, `![alt](src)`, `` `code` `` and `#` heading
    lines written inside an HTML block (the lines from an opening tag to the next blank line).
    Text inside `<pre>`, `<code>`, `<script>`, `<style>`, Color Scripter widgets and comments is
    not looked at. `__x__` is not reported: underscores often stand for blanks in such text.
    On a Jekyll site whose kramdown has `parse_block_html: true`, Markdown is rendered inside
    elements kramdown parses (`<div>`, `<p>`, `<li>`, ...) and only what it leaves raw (inside a
    `<table>`, say) is reported.

Why is this bad:
    CommonMark does not parse Markdown inside HTML blocks: readers see the asterisks and
    brackets, and the link is not a link.

Example:
    <div class="note">
    Read the **manual** at [docs](https://example.com).
    </div>

Use instead:
    <div class="note">

    Read the **manual** at [docs](https://example.com).

    </div>
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from artlint.html.vocabulary import KRAMDOWN_PARSED_CONTENT
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import blocks as _blocks
from artlint.rules.helpers import html as _html

CODE = "HT115"
NAME = "markdown-in-html"
SUMMARY = "Markdown inside an HTML block is not rendered"
SEVERITY = Severity.WARNING

_PATTERNS = (
    ("bold", re.compile(r"(?<!\*)\*\*(?![\s*])[^*\n]+?(?<![\s\\])\*\*(?!\*)")),
    ("image", re.compile(r"!\[[^\]\n]*\]\([^)\s]+\)")),
    ("link", re.compile(r"(?<!!)\[[^\]\n]+\]\([^)\s]+\)")),
    ("code", re.compile(r"(?<!`)`[^`\n]+`(?!`)")),
    ("heading", re.compile(r"^ {0,3}#{1,6} \S.*$", re.MULTILINE)),
)
# Blanking tags only removes matches, except that it can move a "#" to the start of a line.
# Each pattern comes with text every match of it holds: most blocks lack it, and `in` is quick.
_HELD = {"bold": "**", "image": "](", "link": "](", "code": "`"}
_PREFILTER = (
    *((_HELD[kind], p) for kind, p in _PATTERNS if kind != "heading"),
    ("# ", re.compile(r"#{1,6} \S")),
)
_LITERAL = {"pre", "code", "script", "style", "textarea", "kbd", "samp"}
_NOT_NEWLINE = re.compile(r"[^\n]")
_MASK = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    blocks = [(s, e) for s, e, token in _blocks.html_blocks(ctx) if token.level == 0]
    if not blocks:
        return
    literal: list[tuple[int, int]] | None = None
    flavor = doc.flavor
    parsed = flavor is not None and flavor.engine == "kramdown" and flavor.parse_block_html
    for start, end in blocks:
        raw = doc.text[start:end]
        if "markdown=" in raw or not any(held in raw and p.search(raw) for held, p in _PREFILTER):
            continue  # kramdown's markdown="1" asks for the content to be parsed
        if literal is None:
            literal = _literal_spans(ctx)
        masked = _MASK.sub(_blanked, doc.text[start:end])
        for s, e in literal:
            if s < end and e > start:
                a, b = max(s, start) - start, min(e, end) - start
                masked = masked[:a] + _NOT_NEWLINE.sub(" ", masked[a:b]) + masked[b:]
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(masked):
                if parsed and _kramdown_parses(ctx, start + match.start()):
                    continue
                line, column = doc.position(start + match.start())
                shown = _html.shorten(match.group().strip(), 50)
                yield Finding(line, column, f"Markdown {kind} inside an HTML block is not rendered: {shown}")


def _kramdown_parses(ctx: Context, offset: int) -> bool:
    """Whether kramdown with parse_block_html reads the text at `offset` as Markdown: every
    element around it parses its content (a <div>, a <p>; not a <table> or a <pre>)."""
    elements = ctx.document.elements
    starts: list[int] | None = ctx.cache.get("element starts")
    if starts is None:
        starts = ctx.cache["element starts"] = [element.start for element in elements]
    # The last element to start before `offset`: every element around it is that one or one of
    # its ancestors, since elements nest.
    index: int | None = bisect_left(starts, offset) - 1
    while index is not None and index >= 0:
        element = elements[index]
        inside = element.start_tag_end <= offset < (element.end or element.start_tag_end)
        if inside and element.tag not in KRAMDOWN_PARSED_CONTENT:
            return False
        index = element.parent
    return True


def _literal_spans(ctx: Context) -> list[tuple[int, int]]:
    flags = _html.under(ctx, [*_LITERAL, ".colorscripter-code"])
    return [
        (el.start, el.end or el.start_tag_end) for i, el in _html.elements(ctx)
        if flags[i] and (el.parent is None or not flags[el.parent])  # outermost only
    ]


def _blanked(match: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", match.group())
