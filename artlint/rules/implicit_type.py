"""Unquoted YAML scalars whose type changes their meaning.

What it does:
    Reports plain (unquoted) YAML 1.1 values that PyYAML and most site generators read as
    something other than text: `yes`/`no`/`on`/`off` become booleans, `0755` an octal number,
    `1:30` a base-60 number, and a date where the schema wants a string (unless the schema's
    format or pattern is written for dates). The message says what the value became and how
    to quote it. Where the schema wants a string and gets a boolean or a number, FM003
    (schema-violation) reports it once, with the same quoting hint.

Why is this bad:
    `title: 2024` gives the template a number, `country: no` gives it `false`, and nobody sees it
    until the page renders wrong.

Example:
    ---
    title: Road trip
    country: no
    window: 1:30
    ---

Use instead:
    ---
    title: Road trip
    country: "no"
    window: "1:30"
    ---

Options:
    `ignore-keys` (list of top-level keys, default `[]`): values under these keys are not
    reported, for sites that mean `comments: off` as a boolean on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.frontmatter.positions import pointer
from artlint.frontmatter.yaml_traps import traps
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "FM005"
NAME = "implicit-type"
SUMMARY = "Unquoted YAML value changes type"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"ignore-keys": []}


def check(ctx: Context) -> Iterator[Finding]:
    ignored = set(ctx.options.get("ignore-keys", []))
    for trap in traps(ctx):
        if trap.path and trap.path[0] in ignored:
            continue
        yield Finding(
            trap.line, trap.column, trap.message,
            end_line=trap.line, end_column=trap.end_column, pointer=pointer(trap.path),
        )
