"""Attribute-list syntax that the site's engine prints as literal text.

What it does:
    Reports `{: .class #id key="value"}` (kramdown's attribute lists) and `{#id .class}` or
    `{.class}` (goldmark's) left as text by the site's engine: a kramdown attribute list on a GFM
    site, a goldmark block attribute under kramdown or under Hugo without
    `parser.attribute.block`, a kramdown list after plain text. Code is not looked at.

Why is this bad:
    Readers see the braces, and the class or id the author meant (the red warning colour, the
    anchor a link points to) is not there.

Example:
    Careful!
    {: .warning}

    (on a GitHub or Astro site, which has no attribute lists)

Use instead:
    <p class="warning">Careful!</p>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "HT119"
NAME = "literal-attribute-list"
SUMMARY = "Attribute list printed as literal text"
SEVERITY = Severity.WARNING

_LIST = re.compile(
    r"\{:(?!:)[ \t]*(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'))[^{}\n]*\}"
    r"|\{[ \t]*[.#][\w-]+(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*')))*[ \t]*\}"
)


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    if "{" not in doc.body:
        return
    engine = doc.flavor.name if doc.flavor is not None else "gfm"
    for token in doc.tokens:
        if token.type != "inline" or not token.children or "{" not in token.content:
            continue
        span = doc.token_offsets(token)
        if span is None:
            continue
        position = span[0]
        for child in token.children:
            if child.type != "text" or "{" not in child.content:
                continue
            for match in _LIST.finditer(child.content):
                at = doc.text.find(match.group(), position, span[1])
                if at < 0:
                    continue
                position = at + len(match.group())
                line, column = doc.position(at)
                end_line, end_column = doc.position(position)
                yield Finding(
                    line, column,
                    f"{match.group()} is printed as text: the {engine} flavour of this site does not "
                    "read it as an attribute list",
                    end_line=end_line, end_column=end_column,
                )
