"""An external link whose state could not be established.

What it does:
    Reports an http or https link that neither worked nor was clearly broken: the site
    answered 403 (often a wall against bots), 401, LinkedIn's 999, 429 Too Many Requests or a
    5xx error even after retries, or the request timed out or the connection was reset.
    Retries wait with jittered backoff and honour `Retry-After` up to `max_retry_after`.

Why is this bad:
    The link may be fine for a person with a browser, or may be dead; a human should look.
    It is a warning so that flaky sites do not fail a build; set `unverifiable_is_error = true`
    in `[links]` (or this rule's severity) to make it an error.

Example:
    [profile](https://www.linkedin.com/in/someone)

Use instead:
    Open the link in a browser. If it works, add a pattern for it to `exclude` in `[links]`,
    or silence the line with `<!-- artlint-disable-next-line LK202 -->`.

Options:
    Set in the `[links]` table: `unverifiable_is_error`, `retries`, `backoff`,
    `max_retry_after`, `timeout`, `accepted_status`, `headers` (for example a token for an API
    host, written as "$VARIABLE" and read from the environment).
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK202"
NAME = "external-link-unverifiable"
SUMMARY = "External link could not be verified: blocked, rate-limited, timed out or reset"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    # The run-wide online check reports this rule; see links.external.
    return iter(())
