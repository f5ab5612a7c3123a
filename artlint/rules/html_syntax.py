"""HTML tags that do not pair up: unclosed, stray or mismatched.

What it does:
    Reports start tags never closed (`<div>` with no `</div>`), end tags with no open element
    (`</span>`), and elements closed by another element's end tag (`<b><i>x</b>`). End tags
    HTML lets you leave out (`</p>`, `</li>`, `</td>`) are not required. When the missing end
    tag is written in an indented code block (HTML indented four spaces after a blank line, see
    HT116), the message says where.

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

import re
from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import blocks as _blocks
from artlint.rules.helpers import html as _html

CODE = "HT114"
NAME = "html-syntax"
SUMMARY = "HTML tags do not pair up"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    for problem in ctx.document.html_problems:
        if not _html.is_html(ctx, problem.offset):
            continue
        if problem.kind == "unclosed":
            message = f"<{problem.tag}> is never closed"
        elif problem.kind == "stray-end":
            message = f"</{problem.tag}> closes nothing"
        else:
            detail = f" {problem.detail}" if problem.detail else ""
            message = f"<{problem.tag}> is{detail}, before its own end tag"
        if problem.kind != "stray-end":
            message += _swallowed_end_tag(ctx, problem.tag, problem.offset)
        yield Finding(problem.line, problem.column, message)


def _swallowed_end_tag(ctx: Context, tag: str, after: int) -> str:
    """Where the element's end tag was written inside a code block, which shows it as text
    instead of closing the element; this is the cause to fix, so the message names it."""
    end_tag = re.compile(rf"</{re.escape(tag)}[\s>]", re.IGNORECASE)
    for start, end, token in _blocks.block_tokens(ctx, "code_block"):
        if start > after and end_tag.search(ctx.document.text, start, end):
            line, _ = _blocks.token_lines(ctx.document, token)
            return f"; its </{tag}> is in the indented code block at line {line}"
    return ""
