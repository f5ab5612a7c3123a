"""A URL that no browser or server reads as intended.

What it does:
    Reports web URLs without a host (`https:/example.com`), with a space in the host, a bad port or a
    broken IPv6 address; local paths with a `%` not followed by two hex digits, percent escapes
    that are not UTF-8, backslashes (Windows paths), a Markdown link nested inside the URL
    (`[a]([b](https://...))`), and `file:` URLs, which point at the author's own disk.

Why is this bad:
    Such links break in some or all browsers, and a Windows path works only on the author's
    machine.

Example:
    [docs](https:/example.com/docs)
    ![chart](images\\chart.png)

Use instead:
    [docs](https://example.com/docs)
    ![chart](images/chart.png)
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.links.local.check import MALFORMED
from artlint.links.local.report import findings
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK004"
NAME = "link-malformed"
SUMMARY = "URL is malformed"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    yield from findings(ctx, MALFORMED)
