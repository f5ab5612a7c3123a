"""An image without alternative text.

What it does:
    Reports `<img>` elements that have no `alt` attribute. An empty `alt=""` is accepted: it
    marks a decorative image on purpose. Markdown images always carry their alt text in `![...]`
    and are reported only when it is empty and `markdown_empty_alt` is on.

Why is this bad:
    Screen readers read the file name instead ("img underscore one dot png"), and the text is
    missing when the image fails to load, in feeds and in search results.

Example:
    <img src="/img/chart.png">

Use instead:
    <img src="/img/chart.png" alt="Monthly visitors, 2024">

Options:
    markdown_empty_alt: also report `![](image.png)` (default false).
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT110"
NAME = "image-alt"
SUMMARY = "Image without alt text"
SEVERITY = Severity.WARNING
OPTIONS = {"markdown_empty_alt": False}


def check(ctx: Context) -> Iterator[Finding]:
    for _, element in _html.elements(ctx):
        if element.tag == "img" and element.attr("alt") is None:
            src = element.get("src")
            shown = f": {src}" if src else ""
            yield Finding(element.line, element.column, f"<img> without alt{shown}")
    if ctx.options.get("markdown_empty_alt"):
        for link in ctx.document.links:
            if link.kind == "image" and not link.text.strip():
                yield Finding(link.line, link.column, f"image without alt text: {link.url}")
