"""HTML tags that do not pair up: unclosed, stray or mismatched.

What it does:
    Reports start tags never closed (`<div>` with no `</div>`), end tags with no open element
    (`</span>`), and elements closed by another element's end tag (`<b><i>x</b>`). End tags
    HTML lets you leave out (`</p>`, `</li>`, `</td>`) are not required.

Why is this bad:
    Browsers repair broken markup by guessing, differently in different contexts: the rest of
    the article can end up bold, inside a link, or outside the layout; converters and
    sanitisers guess differently again.

Example:
    <div><b>Warning</div>

Use instead:
    <div><b>Warning</b></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.diagnostics import Finding, Severity
from artlint.rules import _html
from artlint.rules.base import Context

CODE = "HT114"
NAME = "html-syntax"
SUMMARY = "HTML tags do not pair up"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.document.text
    for problem in ctx.document.html_problems:
        end = text.find(">", problem.offset) + 1
        if not _html.is_html(ctx, problem.offset, end):
            continue
        if problem.kind == "unclosed":
            message = f"<{problem.tag}> is never closed"
        elif problem.kind == "stray-end":
            message = f"</{problem.tag}> closes nothing"
        else:
            detail = f" {problem.detail}" if problem.detail else ""
            message = f"<{problem.tag}> is{detail}, before its own end tag"
        yield Finding(problem.line, problem.column, message)
