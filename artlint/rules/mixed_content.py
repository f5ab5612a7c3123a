"""An embedded resource loaded over plain `http:`.

What it does:
    Reports `http:` URLs that the page loads as it renders: `<img src>` and `srcset`, `<iframe>`,
    `<script>`, `<source>`, `<video>`, `<audio>`, `<embed>`, `<link>` and Markdown images.
    Ordinary links (`<a href="http:...">`) are not reported: following them is the reader's
    choice. There is no automatic fix: only a person can check that the host serves `https:`.

Why is this bad:
    Browsers block or upgrade mixed content on HTTPS pages: images vanish, embeds stay blank
    and scripts do not run, and the address bar loses its padlock.

Example:
    <img src="http://example.com/chart.png" alt="Chart">

Use instead:
    <img src="https://example.com/chart.png" alt="Chart">
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT111"
NAME = "mixed-content"
SUMMARY = "Embedded resource loaded over http"
SEVERITY = Severity.WARNING

_EMBEDDED = {"img", "iframe", "script", "source", "video", "audio", "embed", "link", "track"}


def check(ctx: Context) -> Iterator[Finding]:
    for link in ctx.document.links:
        if link.url[:5].lower() != "http:":
            continue
        if link.kind == "html":
            if link.element not in _EMBEDDED or (link.attribute == "href" and link.element != "link"):
                continue
            if not _html.in_rendered_tag(ctx, link.start):
                continue
            what = f"<{link.element} {link.attribute}>"
        elif link.kind == "image":
            what = "image"
        else:
            continue
        yield Finding(link.line, link.column, f"{what} loads over http: {link.url}")

