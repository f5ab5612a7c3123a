"""A link that opens a new window without `rel="noopener"`.

What it does:
    Reports `<a target="_blank">` (and `<area>`, `<form>`) whose `rel` has neither `noopener`
    nor `noreferrer`. The safe fix adds `noopener` to `rel`, or adds `rel="noopener"`.

Why is this bad:
    Without it the opened page gets `window.opener` and can navigate this page elsewhere
    (reverse tabnabbing). Current browsers imply it, but older ones and embedded web views do not.

Example:
    <a href="https://example.com" target="_blank">example</a>

Use instead:
    <a href="https://example.com" target="_blank" rel="noopener">example</a>
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT109"
NAME = "target-blank-noopener"
SUMMARY = "target=\"_blank\" without rel=\"noopener\""
SEVERITY = Severity.WARNING
FIX = "safe"


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    for _, element in _html.elements(ctx):
        target = element.attr("target")
        if element.tag not in ("a", "area", "form") or target is None:
            continue
        if (target.value or "").strip().lower() != "_blank":
            continue
        rel = element.attr("rel")
        tokens = (rel.value or "").lower().split() if rel is not None else []
        if "noopener" in tokens or "noreferrer" in tokens:
            continue
        if rel is None:
            edit = Edit(target.end, target.end, ' rel="noopener"')
        else:
            raw = doc.text[rel.value_start : rel.value_end] if rel.value is not None else ""
            value = (raw.strip() + " noopener").strip()
            quote = "'" if '"' in value else '"'
            edit = Edit(rel.start, rel.end, f"rel={quote}{value}{quote}")
        yield Finding(
            target.line, target.column, f'<{element.tag} target="_blank"> without rel="noopener"',
            fix=Fix((edit,), "add noopener to rel"),
        )
