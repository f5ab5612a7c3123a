"""HTML indented four or more spaces, which CommonMark shows as a code block.

What it does:
    Reports an indented code block whose first line is an HTML tag and that follows an HTML
    block (or holds editor markup: `&nbsp;`, `style=`, `data-ke-`). Whole page fragments
    copied from a blog keep their indentation, and after the first blank line CommonMark reads
    the rest as code: readers see `</div>` and `<p>` as text. There is no automatic fix: the
    repair changes what the page shows, so it needs a person to look at it.

Why is this bad:
    The markup is printed instead of rendered: tags show up as text, the content loses its
    formatting, and the page layout stays unclosed.

Example:
    <div class="article">
    <p>Text</p>

        </div>

Use instead:
    <div class="article">
    <p>Text</p>

    </div>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.html.vocabulary import EDITOR_PREFIX
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "HT116"
NAME = "indented-html"
SUMMARY = "Indented HTML renders as a code block"
SEVERITY = Severity.ERROR

_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[\s/>]|<!--")
_EDITOR = re.compile(rf"&nbsp;|\bstyle=|\b{EDITOR_PREFIX}", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    previous = None
    for token in doc.tokens:
        if token.type == "code_block" and token.map is not None:
            first = token.content.lstrip("\n")
            after_html = previous is not None and previous.type == "html_block"
            if _TAG.match(first.lstrip()) and (after_html or _EDITOR.search(token.content)):
                yield _finding(ctx, token.map[0], token.map[1])
        if token.level == 0 and not token.type.endswith("_close"):
            previous = token


def _finding(ctx: Context, first: int, end: int) -> Finding:
    doc = ctx.document
    line = doc.body_line + first
    text = doc.source_line(line)
    column = len(text) - len(text.lstrip()) + 1
    count = end - first
    return Finding(
        line, column, f"HTML indented {column - 1} spaces renders as a code block ({count} lines)",
    )
