"""An inline `style` attribute outside the allowed properties.

What it does:
    Reports each `style` attribute that sets properties not on the allowlist, naming the element
    and the declarations. Colour, background and font declarations are left to their own rules
    (ST102, ST103, ST104) so each kind can be counted and silenced separately. Styles inside code
    highlighting (`pre`, `code`, Color Scripter widgets) are skipped.

Why is this bad:
    Inline styles are copied from the blog editor and fight the site's stylesheet: widths,
    margins and heights made for one theme break the layout of the next, and they cannot be
    changed in one place.

Example:
    <table style="width: 100%;">

Use instead:
    <table>

Options:
    allowed_properties: properties allowed on every element (default none).
    allowed_by_element: element -> properties allowed on it (default `text-align` on td and th).
    skip_inside: elements (`pre`) or classes (`.colorscripter-code`) whose contents are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import css as _css
from artlint.rules.helpers import html as _html

CODE = "ST101"
NAME = "inline-style"
SUMMARY = "Inline style attribute sets properties outside the allowlist"
SEVERITY = Severity.WARNING
FIX = "unsafe"
OPTIONS = {
    "allowed_properties": [],
    "allowed_by_element": {"td": ["text-align"], "th": ["text-align"]},
    "skip_inside": _html.SKIP_INSIDE,
}


def check(ctx: Context) -> Iterator[Finding]:
    allowed = set(_css.option_list(ctx.options, "allowed_properties"))
    by_element = {
        str(tag).lower(): {str(p).lower() for p in props}
        for tag, props in dict(ctx.options.get("allowed_by_element") or {}).items()
    }
    for style in _css.styles(ctx):
        extra = by_element.get(style.element.tag, set())
        found = [
            d for d in style.declarations
            if d.wellformed and d.prop not in _css.CLAIMED and d.prop not in allowed | extra
        ]
        if found:
            yield _css.finding(ctx.document, style, found, "the inline style")
