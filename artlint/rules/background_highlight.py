"""Background highlight set with an inline style.

What it does:
    Reports each `style` attribute that sets `background-color` or `background`, such as the
    editor's highlighter pen `<span style="background-color: #21538527;">`. Styles inside code
    highlighting (`pre`, `code`, Color Scripter widgets) are skipped.

Why is this bad:
    A highlight made for a light theme is unreadable on a dark one, and it says nothing to
    readers who cannot see it. Use `<mark>` or `<strong>` where the emphasis matters.

Example:
    <span style="background-color: #fff3a0;">Key sentence.</span>

Use instead:
    <mark>Key sentence.</mark>

Options:
    skip_inside: elements (`pre`) or classes (`.colorscripter-code`) whose contents are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import css as _css
from artlint.rules.helpers import html as _html

CODE = "ST103"
NAME = "background-highlight"
SUMMARY = "Background highlight is set with an inline style"
SEVERITY = Severity.WARNING
FIX = "unsafe"
OPTIONS = {"skip_inside": _html.SKIP_INSIDE}


def check(ctx: Context) -> Iterator[Finding]:
    yield from _css.kind_findings(ctx, _css.BACKGROUND, "the background")
