"""A heading level that skips one or more levels.

What it does:
    Follows headings in order, Markdown (`##`) and HTML (`<h2>`) alike, and reports a heading
    more than one level deeper than the one before it (an `<h4>` after an `<h2>`). The first
    heading may start at any level, since the page title usually comes from the front matter.
    Headings inside `<pre>` are left out: they are code comments an editor turned into
    headings, which HT106 reports, and the levels around them are the article's own.

Why is this bad:
    Screen-reader users navigate by heading level, and tables of contents nest by it: a skipped
    level makes a section look like it belongs to a heading that does not exist.

Example:
    ## Results
    #### Details

Use instead:
    ## Results
    ### Details
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers.headings import headings

CODE = "HT105"
NAME = "heading-increment"
SUMMARY = "Heading level skips a level"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    previous = None
    for heading in headings(ctx):
        if heading.in_pre:
            continue
        if previous is not None and heading.level > previous.level + 1:
            yield Finding(
                heading.line, heading.column,
                f"heading level skips from h{previous.level} (line {previous.line}) to h{heading.level}",
            )
        previous = heading
