"""Font overridden with an inline style.

What it does:
    Reports each `style` attribute that sets `font`, `font-size`, `font-family` or
    `line-height`, such as `<span style="font-family: 'Noto Serif KR';">` wrapped around every
    paragraph by the blog editor. Styles inside code highlighting are skipped.

Why is this bad:
    Per-span fonts override the site's typography, load fonts the theme never asked for, and
    make one article look unlike the rest of the site.

Example:
    <p><span style="font-family: 'Nanum Gothic'; font-size: 12px;">Text</span></p>

Use instead:
    <p>Text</p>

Options:
    skip_inside: elements (`pre`) or classes (`.colorscripter-code`) whose contents are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import css as _css
from artlint.rules.helpers import html as _html

CODE = "ST104"
NAME = "font-override"
SUMMARY = "Font is overridden with an inline style"
SEVERITY = Severity.WARNING
FIX = "unsafe"
OPTIONS = {"skip_inside": _html.SKIP_INSIDE}


def check(ctx: Context) -> Iterator[Finding]:
    yield from _css.kind_findings(ctx, _css.FONT, "the font override")
