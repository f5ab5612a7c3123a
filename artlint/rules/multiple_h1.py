"""More than one top-level heading.

What it does:
    Reports every h1 after the first, counting Markdown (`#`) and HTML (`<h1>`) headings alike.
    An h1 inside `<pre>` is named as such: blog editors turn a listing's `# comment` lines into
    headings, which the page then shows in the middle of the code.
    With `title_is_h1` on, a front-matter `title` counts as the first h1 (most themes print it as
    one), so every h1 in the body is reported.

Why is this bad:
    A page has one main heading; several h1s flatten the outline that screen readers, tables of
    contents and search engines read.

Example:
    # Part one
    # Part two

Use instead:
    ## Part one
    ## Part two

Options:
    title_is_h1: treat the front-matter title as the page's h1 (default false).
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers.headings import headings

CODE = "HT106"
NAME = "multiple-h1"
SUMMARY = "More than one h1 heading"
SEVERITY = Severity.WARNING
OPTIONS = {"title_is_h1": False}


def check(ctx: Context) -> Iterator[Finding]:
    first: str | None = None
    fm = ctx.document.front_matter
    has_title = fm is not None and isinstance(fm.data, dict) and bool(fm.data.get("title"))
    if ctx.options.get("title_is_h1") and has_title:
        first = "the front-matter title"
    for heading in headings(ctx):
        if heading.level != 1:
            continue
        if first is None:
            first = f"line {heading.line}" + (" (inside <pre> too)" if heading.in_pre else "")
            continue
        # An editor that turned a listing's "# comment" lines into headings is the usual cause
        # inside <pre>: say so, since the fix is in the code, not in the outline.
        where = " inside <pre>, likely a code comment turned into a heading" if heading.in_pre else ""
        yield Finding(heading.line, heading.column, f"another h1{where}; the first is {first}")
