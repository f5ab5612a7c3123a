"""A link whose scheme runs code: javascript:, vbscript:, or data: outside an image.

What it does:
    Reports `javascript:` and `vbscript:` URLs anywhere, and `data:` URLs except an image's
    source (`<img src="data:image/png;base64,...">`, `![x](data:image/...)`).

Why is this bad:
    Blog platforms and sanitisers strip these links (or the whole element), and where they
    survive they run script in the reader's browser.

Example:
    <a href="javascript:void(0)">Menu</a>

Use instead:
    <button type="button">Menu</button>
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.links.local.check import UNSAFE
from artlint.links.local.report import findings
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK005"
NAME = "link-unsafe-scheme"
SUMMARY = "Link scheme runs code"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    yield from findings(ctx, UNSAFE)
