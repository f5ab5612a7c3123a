"""Raw HTML that the site's renderer drops: Hugo without `unsafe` prints none of it.

What it does:
    On a goldmark site (Hugo) whose `markup.goldmark.renderer.unsafe` is false, Hugo's default,
    reports each raw HTML block, and each paragraph with raw HTML tags in it, once. Hugo writes
    `<!-- raw HTML omitted -->` in their place. Blocks that are only comments are not reported:
    readers never saw them.

Why is this bad:
    Everything inside the HTML is gone from the published page: an article written in HTML
    (a Tistory export, a pasted table) loses its headings, emphasis, links and images, and the
    build says nothing about it.

Example:
    <h2>설치</h2>
    <p>Run <b>make</b>.</p>

Use instead:
    ## 설치

    Run **make**.

    or, to keep the HTML, in the Hugo configuration:

    [markup.goldmark.renderer]
    unsafe = true
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "HT118"
NAME = "html-dropped"
SUMMARY = "Raw HTML that the site's renderer drops"
SEVERITY = Severity.ERROR
EXAMPLE_FLAVOR = "goldmark"  # the engine this rule is about, for the documentation examples

_COMMENTS = re.compile(r"<!--.*?-->", re.S)


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    flavor = doc.flavor
    if flavor is None or flavor.raw_html or flavor.engine != "goldmark":
        return
    where = _setting(ctx)
    for token in doc.tokens:
        if token.map is None:
            continue
        if token.type == "html_block":
            if not _COMMENTS.sub("", token.content).strip():
                continue
            what = "this HTML block"
        elif token.type == "inline" and any(
            c.type == "html_inline" and not c.content.startswith("<!--") for c in token.children or ()
        ):
            what = "the HTML tags in this paragraph"
        else:
            continue
        line = doc.body_line + token.map[0]
        first = doc.source_line(line)
        column = len(first) - len(first.lstrip()) + 1
        yield Finding(line, column, f"Hugo drops {what} ({where}): readers see nothing of the HTML; "
                                    "write it as Markdown, or set unsafe = true")


def _setting(ctx: Context) -> str:
    site = ctx.document.site
    config = getattr(site, "config", None)
    if config is None:
        return "markup.goldmark.renderer.unsafe is false"
    # A configuration directory is named with its parent: "_default" alone says little.
    shown = f"{config.parent.name}/{config.name}" if config.is_dir() else config.name
    return f"markup.goldmark.renderer.unsafe is false in {shown}"
