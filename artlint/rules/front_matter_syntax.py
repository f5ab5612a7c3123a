"""Front matter that does not parse.

What it does:
    Reports a YAML, TOML or JSON front-matter block that its parser rejects, at the line and
    column where the parser stopped. The file's other checks still run.

Why is this bad:
    A site generator that cannot read the front matter either fails the build or publishes the
    article without its title, date and categories.

Example:
    ---
    title: Install guide: step one
    ---

Use instead:
    ---
    title: "Install guide: step one"
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "FM001"
NAME = "front-matter-syntax"
SUMMARY = "Front matter does not parse"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    fm = ctx.document.front_matter
    if fm is not None and fm.error is not None:
        yield Finding(fm.error.line, fm.error.column, fm.error.message)
