"""An HTML tag that kramdown prints as text.

What it does:
    On a site rendered by kramdown (Jekyll), reports a start tag that a browser would read but
    kramdown does not: an attribute value without quotes that holds anything but letters,
    digits and `_` (`src=/img/a.png`, `width=100%`). kramdown writes such a tag as text, and
    the page shows it as written. Code is not looked at.

Why is this bad:
    The image, link or box is missing from the page, and readers see raw markup instead; the
    same file previewed on GitHub, or in an editor, looks right.

Example:
    <img src=/img/chart.png alt="Sales">

Use instead:
    <img src="/img/chart.png" alt="Sales">
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.html.tokenize import start_tag
from artlint.html.vocabulary import RAW_TEXT
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "HT121"
NAME = "kramdown-text-tag"
SUMMARY = "HTML tag that kramdown prints as text"
SEVERITY = Severity.WARNING
EXAMPLE_FLAVOR = "kramdown"

_HTML_NAME = re.compile(r"[a-z][a-z0-9-]*")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_WORD = re.compile(r"\w+")


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    if doc.flavor is None or doc.flavor.engine != "kramdown" or "=" not in doc.body:
        return
    from artlint.flavors.syntax import KRAMDOWN_NOT_A_TAG

    hidden: list[tuple[int, int]] | None = None
    for found in KRAMDOWN_NOT_A_TAG.finditer(doc.text, doc.body_offset):
        at = found.start()
        if hidden is None:
            hidden = [*doc.code_spans, *doc.opaque, *_comments_and_raw_text(ctx)]
        if any(a <= at < b for a, b in hidden):
            continue
        tag = start_tag(doc.text, at)
        if tag is None or not _HTML_NAME.fullmatch(tag[0]):
            continue  # `<U+AC00>` and the like were never meant as tags
        name, attributes = tag
        bare = next(((key, value) for key, value in attributes
                     if value and value[0] not in "\"'" and not _WORD.fullmatch(value)), None)
        if bare is None:
            continue
        line, column = doc.lines.position(at)
        yield Finding(
            line, column,
            f"kramdown prints <{name} …> as text: quote the value of {bare[0]} ({bare[0]}=\"{bare[1]}\")",
        )


def _comments_and_raw_text(ctx: Context) -> list[tuple[int, int]]:
    """HTML comments and the text of script-like elements: what no reader sees as markup."""
    doc = ctx.document
    spans = [(m.start(), m.end()) for m in _COMMENT.finditer(doc.text, doc.body_offset)]
    spans += [(e.start_tag_end, e.end_tag_start) for e in doc.elements
              if e.tag in RAW_TEXT and e.end_tag_start is not None]
    return spans
