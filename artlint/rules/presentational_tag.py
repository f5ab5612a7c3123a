"""A presentational tag that HTML5 made obsolete.

What it does:
    Reports `<font>`, `<center>`, `<big>`, `<strike>`, `<tt>`, `<basefont>`, `<blink>` and
    `<marquee>`. `<u>` and `<s>` are not reported: HTML5 kept them with a meaning (an annotation,
    text that is no longer accurate). `<strike>` is renamed to `<s>` (safe: it looks the same);
    a `<font>` with only `color`, `face` or `size` can be unwrapped (unsafe: its styling goes).

Why is this bad:
    Obsolete tags describe looks, not meaning; themes cannot restyle them, and validators and
    some feed readers drop them.

Example:
    <center><font color="red">Sale</font></center>

Use instead:
    <p><strong>Sale</strong></p>
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.model.document import Document, HtmlElement
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT101"
NAME = "presentational-tag"
SUMMARY = "Obsolete presentational tag"
SEVERITY = Severity.WARNING
FIX = "sometimes"

OBSOLETE = {
    "font": "use CSS or <strong>",
    "center": "use CSS text-align",
    "big": "use CSS font-size",
    "strike": "use <s> or <del>",
    "tt": "use <code> or <kbd>",
    "basefont": "use CSS",
    "blink": "remove it",
    "marquee": "remove it",
}


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    for _, element in _html.elements(ctx):
        advice = OBSOLETE.get(element.tag)
        if advice is None:
            continue
        yield Finding(
            element.line, element.column, f"obsolete <{element.tag}>: {advice}",
            fix=_fix(doc, element),
        )


def _fix(doc: Document, element: HtmlElement) -> Fix | None:
    text = doc.text
    if element.end_tag_start is None:
        return None
    if element.tag == "strike":
        name = element.start + 1
        closing = element.end_tag_start + 2
        if text[closing : closing + 6].lower() != "strike":
            return None
        return Fix((Edit(name, name + 6, "s"), Edit(closing, closing + 6, "s")), "rename <strike> to <s>")
    if element.tag == "font" and all(a.name in ("color", "face", "size") for a in element.attrs):
        edits = _html.unwrap(doc, element)
        return Fix(edits, "unwrap <font>", safe=False) if edits else None
    return None
