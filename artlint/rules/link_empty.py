"""A link with an empty URL or a bare "#" placeholder.

What it does:
    Reports `href=""`, `src=""`, `[text]()`, `href="#"` and empty front-matter URL fields.

Why is this bad:
    An empty link reloads the page and "#" jumps to the top: both are usually a link the
    author meant to fill in later. An empty image source makes the browser fetch the page
    itself as an image.

Example:
    <a href="#">Read more</a>
    [the paper]()

Use instead:
    <a href="https://example.com/post">Read more</a>
    [the paper](https://example.com/paper.pdf)
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.links.local.check import EMPTY
from artlint.links.local.report import findings
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK003"
NAME = "link-empty"
SUMMARY = "Link is empty or a placeholder"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    yield from findings(ctx, EMPTY)
