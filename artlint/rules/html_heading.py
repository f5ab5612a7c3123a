"""A raw HTML heading where a Markdown heading would do.

What it does:
    Reports an `<h1>`–`<h6>` that stands alone as an HTML block, has no attributes but editor
    residue (`data-ke-size`), and holds plain inline text. When the text has no Markdown
    punctuation the safe fix rewrites it: `<h2 data-ke-size="size26">Text</h2>` becomes
    `## Text`.

Why is this bad:
    HTML headings are invisible to Markdown tooling: tables of contents, heading anchors and
    outline views skip them, and they carry editor attributes along.

Example:
    <h2 data-ke-size="size26">Results</h2>

Use instead:
    ## Results
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fnmatch import fnmatchcase

from artlint.html.vocabulary import EDITOR_PREFIX
from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.rules.base import Context
from artlint.rules.helpers import blocks as _blocks
from artlint.rules.helpers import headings as _headings
from artlint.rules.helpers import html as _html

CODE = "HT104"
NAME = "html-heading"
SUMMARY = "HTML heading where a Markdown heading would do"
SEVERITY = Severity.WARNING
FIX = "sometimes"

_RESIDUE = (f"{EDITOR_PREFIX}*", "data-origin-*")
_INLINE_TAG = re.compile(r"</?(b|strong|i|em|span|code|a)\b[^>]*>", re.IGNORECASE)
_MARKDOWN = re.compile(r"[\\`*_\[\]<>!|~]|^\s*[#+\-=]|#\s*$|^\s*\d+[.)]")


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    blocks = _blocks.html_blocks(ctx)
    for _, element in _html.elements(ctx):
        if element.tag not in _headings.TAGS:
            continue
        if element.end_tag_start is None or element.end is None:
            continue
        block = _blocks.block_at(blocks, element.start)
        source = doc.text[element.start : element.end]
        if block is None or block[2].content.strip() != source or block[2].level != 0:
            continue
        if any(not any(fnmatchcase(a.name, p) for p in _RESIDUE) for a in element.attrs):
            continue
        inner = _html.content(doc, element)
        if "\n" in inner or "<" in _INLINE_TAG.sub("", inner):
            continue
        level = int(element.tag[1])
        fix = None
        text = inner.strip()
        if text and "<" not in inner and not _MARKDOWN.search(text):
            fix = Fix((Edit(element.start, element.end, "#" * level + " " + text),),
                      f"write it as a level-{level} Markdown heading")
        shown = _html.visible_text(inner).strip()
        yield Finding(
            element.line, element.column,
            f"HTML heading <{element.tag}>; write it as Markdown: {'#' * level} {shown}", fix=fix,
        )
