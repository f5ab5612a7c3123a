"""A link's #fragment matches no heading, `id` or `<a name>` of its target page.

What it does:
    Collects the anchors of the linking file and of each linked Markdown or HTML file (read
    once per run): ids of Markdown headings and `<h1>`-`<h6>` elements made the way the site
    generator makes them (`[links] slug`), `id` attributes and `<a name>`. Repeated headings
    get -1, -2 suffixes as the generator numbers them. A miss comes with the likely intended
    anchor: the same text percent-encoded twice, composed versus decomposed Hangul, a
    case-only difference (ids are case-sensitive), or the closest existing anchor.

Why is this bad:
    The page opens at the top instead of the section, silently; renaming a heading breaks
    every link to it.

Example:
    ## 설치 방법 (Install)

    See [the install steps](#install).

Use instead:
    ## 설치 방법 (Install)

    See [the install steps](#설치-방법-install).

Options:
    Set in the [links] table: `slug` = "github" (default; github-slugger), "jekyll"
    (kramdown with GFM input) or "hugo" (Goldmark's github style).
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.links.local.check import ANCHOR
from artlint.links.local.report import findings
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK002"
NAME = "link-anchor-missing"
SUMMARY = "Link fragment matches no heading or id"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    yield from findings(ctx, ANCHOR)
