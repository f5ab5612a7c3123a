"""HTML that runs code: `<script>` elements and event-handler attributes.

What it does:
    Reports `<script>` elements and `on*=` event-handler attributes (`onerror`, `onclick`).
    `javascript:` URLs are reported by `link-unsafe-scheme` (LK005), for Markdown and HTML links
    alike, and iframes by `iframe-host` (HT113).

Why is this bad:
    Most site generators, feed readers and platforms strip them, so the article breaks there;
    where they survive they run with the site's privileges, and copied snippets are a classic
    way for tracking or malicious code to slip in.

Example:
    <img src="/a.png" alt="A" onerror="this.src='/b.png'">
    <script src="https://widgets.example.net/counter.js"></script>

Use instead:
    <img src="/a.png" alt="A">
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT112"
NAME = "unsafe-html"
SUMMARY = "Script element or event-handler attribute"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for _, element in _html.elements(ctx):
        if element.tag == "script":
            src = element.get("src")
            detail = f" loading {src}" if src else " with inline code"
            yield Finding(element.line, element.column, f"<script>{detail}")
        for attribute in element.attrs:
            value = attribute.value or ""
            if attribute.name.startswith("on") and len(attribute.name) > 2:
                shown = _html.shorten(value, 40)
                yield Finding(
                    attribute.line, attribute.column,
                    f"event handler {attribute.name} on <{element.tag}>: {shown}",
                )
