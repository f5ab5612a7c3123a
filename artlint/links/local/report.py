"""Problems of the offline link check as findings, and how links are named in messages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from artlint.links.local.check import problems
from artlint.model.diagnostics import Finding

if TYPE_CHECKING:
    from artlint.rules.base import Context


def findings(ctx: Context, *kinds: str) -> Iterator[Finding]:
    """The document's problems of the given kinds, as findings at the link (or its fragment)."""
    for problem in problems(ctx):
        if problem.kind not in kinds:
            continue
        link = problem.link
        start = link.start if problem.offset is None else problem.offset
        line, column = ctx.document.position(start) if link.end > link.start else (link.line, link.column)
        end_line = end_column = None
        if link.end > link.start:
            end_line, end_column = ctx.document.position(link.end)
        yield Finding(line, column, problem.message, end_line=end_line, end_column=end_column)

