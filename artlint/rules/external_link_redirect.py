"""An external link that permanently redirects elsewhere.

What it does:
    Reports an http or https link whose server answers 301 Moved Permanently or 308
    Permanent Redirect (possibly several in a row) and whose final address works. The fix
    writes the address the permanent redirects lead to, keeping the link's #fragment.
    Temporary redirects (302, 303, 307) are followed but not reported: their target may
    change.

Why is this bad:
    Every reader pays an extra round trip, the old address may stop redirecting one day, and
    plain `http://` links that redirect to `https://` are downgrade opportunities.

Example:
    [docs](http://example.com/docs)

Use instead:
    [docs](https://example.com/docs/)
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK203"
NAME = "external-link-redirect"
SUMMARY = "External link permanently redirects to another address"
SEVERITY = Severity.WARNING
FIX = "sometimes"


def check(ctx: Context) -> Iterator[Finding]:
    # The run-wide online check reports this rule; see links.external.
    return iter(())
