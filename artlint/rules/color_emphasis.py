"""Text colour set with an inline style, usually to emphasise a sentence.

What it does:
    Reports each `style` attribute that sets `color`, such as the editor's red and blue
    `<span style="color: #ee2323;">` emphasis. Styles inside code highlighting (`pre`, `code`,
    Color Scripter widgets) are skipped.

Why is this bad:
    Colour carries no meaning for screen readers, feeds or search snippets, and a colour picked
    for one theme can vanish on another (dark mode). Emphasis belongs in `<strong>` or `**`.

Example:
    <b><span style="color: #ee2323;">Read this first.</span></b>

Use instead:
    <b>Read this first.</b>

Options:
    skip_inside: elements (`pre`) or classes (`.colorscripter-code`) whose contents are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import css as _css
from artlint.rules.helpers import html as _html

CODE = "ST102"
NAME = "color-emphasis"
SUMMARY = "Text colour is set with an inline style"
SEVERITY = Severity.WARNING
FIX = "unsafe"
OPTIONS = {"skip_inside": _html.SKIP_INSIDE}


def check(ctx: Context) -> Iterator[Finding]:
    yield from _css.kind_findings(ctx, _css.COLOR, "the text colour")
