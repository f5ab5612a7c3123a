"""An external link to a private, loopback or link-local address, not checked.

What it does:
    The online check never requests addresses that are not public (127.0.0.1, 10.x,
    192.168.x, 169.254.169.254, ::1, ...), nor host names that resolve to one, unless
    `--allow-private` (or `allow_private = true` in `[links]`) is given. This rule, off by
    default, reports each such link so that a skipped link is not mistaken for a good one.

Why is this bad:
    A link to a private address works only inside one network; in a public article it is
    usually a leftover from writing (a local preview server) and leads readers nowhere.

Example:
    Preview at [my draft](http://localhost:4000/draft/).

Use instead:
    Preview at [my post](https://blog.example.com/post/).
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK204"
NAME = "external-link-private"
SUMMARY = "External link points to a private address and was not checked"
SEVERITY = Severity.INFO
ENABLED = False


def check(ctx: Context) -> Iterator[Finding]:
    # The run-wide online check reports this rule; see links.external.
    return iter(())
