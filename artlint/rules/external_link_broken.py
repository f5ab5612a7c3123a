"""An external link that is gone: 404, 410, an unknown host or a redirect loop.

What it does:
    With `artlint check --external` (or `external = true` in `[links]`), requests every http
    and https link once per run and reports those whose server answers 404 Not Found or
    410 Gone, whose host name does not exist, or whose redirects go round in a loop (or run
    past `max_redirects`). A HEAD request comes first; a GET follows when the server refuses
    HEAD, and only the start of a body is read.

Why is this bad:
    Readers who follow the link land on an error page. Old blog posts collect dead links as
    sites move or close, and nobody notices without checking.

Example:
    See [the guide](https://example.com/old-guide) for details.

Use instead:
    See [the guide](https://example.com/guide) for details.

Options:
    Set in the `[links]` table: `timeout`, `connect_timeout`, `retries`, `accepted_status`,
    `exclude` (regular expressions of URLs not to check), `max_redirects`, `headers`.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK201"
NAME = "external-link-broken"
SUMMARY = "External link is broken: 404, 410, unknown host or redirect loop"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    # The run-wide online check reports this rule, once per URL for every file; see links.external.
    return iter(())
