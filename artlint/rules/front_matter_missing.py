"""A file without front matter where the schema asks for some.

What it does:
    Reports a file that has no front-matter block although its schema requires keys (or an
    object). Files whose schema is turned off (`schema = false`) are not checked, and neither
    are files of no site (no generator configuration found, no `[site] root`) under the
    built-in schema: nothing reads their front matter. Choose a schema (`schema`, `schemas`)
    to require front matter there too.

Why is this bad:
    Without front matter a site generator publishes the file as a plain page, or not at all;
    schema validators that only look at existing blocks let such files pass silently.

Example:
    # My post

    Text without a front-matter block.

Use instead:
    ---
    title: My post
    ---

    Text with its front matter.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.frontmatter.positions import schema_validator
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "FM002"
NAME = "front-matter-missing"
SUMMARY = "Front matter is missing where the schema requires it"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.document.front_matter is not None:
        return
    site = ctx.document.site
    if (site is None or site.root is None) and not ctx.settings.schema_chosen(ctx.document.path):
        return  # a file of no site (read as it is, on GitHub say) under the default schema
    validator = schema_validator(ctx)
    if validator is None or validator.is_valid({}):
        return
    required = validator.schema.get("required", []) if isinstance(validator.schema, dict) else []
    keys = ", ".join(repr(k) for k in required)
    detail = f"; the schema requires {keys}" if keys else ""
    yield Finding(1, 1, f"no front matter{detail}")
