"""Unquoted YAML scalars whose type changes their meaning.

What it does:
    Reports plain (unquoted) YAML 1.1 values that PyYAML and most site generators read as
    something other than text: `yes`/`no`/`on`/`off` become booleans, `0755` an octal number,
    `1:30` a base-60 number; and dates or numbers where the schema wants a string. The message
    says what the value became and how to quote it.

Why is this bad:
    `title: 2024` gives the template a number, `country: no` gives it `false`, and nobody sees it
    until the page renders wrong.

Example:
    ---
    title: 2024
    draft: no
    ---

Use instead:
    ---
    title: "2024"
    draft: false
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.diagnostics import Finding, Severity
from artlint.rules._frontmatter import pointer
from artlint.rules._traps import traps
from artlint.rules.base import Context

CODE = "FM005"
NAME = "implicit-type"
SUMMARY = "Unquoted YAML value changes type"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    for trap in traps(ctx):
        yield Finding(
            trap.line, trap.column, trap.message,
            end_line=trap.line, end_column=trap.end_column, pointer=pointer(trap.path),
        )
