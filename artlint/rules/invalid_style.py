"""A style declaration that is malformed, names an unknown property or has an invalid value.

What it does:
    Reads every `style` attribute as CSS declarations and reports those a browser drops: no
    colon, no value, two declarations run together without `;`
    (`color: #e5e5e5text-decoration:none`), a property CSS does not have, or a value the property
    does not accept (colours, lengths and `text-align` are checked). Vendor (`-webkit-`), custom
    (`--x`) and Word (`mso-`) properties are accepted.

Why is this bad:
    The browser silently ignores the whole declaration, so the author's intent is lost and the
    text renders differently from what the editor showed.

Example:
    <a style="color: #e5e5e5text-decoration:none" href="/">link</a>

Use instead:
    <a style="color: #e5e5e5; text-decoration: none" href="/">link</a>
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.rules.base import Context
from artlint.rules.helpers import css as _css
from artlint.rules.helpers import cssprops as _cssprops

CODE = "ST106"
NAME = "invalid-style"
SUMMARY = "Style declaration is malformed or invalid"
SEVERITY = Severity.ERROR
FIX = "sometimes"

_RUN_ON = re.compile(r"([a-z-]+)\s*:", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    for style in _css.styles(ctx):
        where = f"style attribute on <{style.element.tag}>"
        for d in style.declarations:
            problem = _problem(d.prop, d.value, d.text)
            if problem is None:
                continue
            detail, insert = problem
            fix = None
            if insert is not None:
                offset = d.start + insert
                fix = Fix((Edit(offset, offset, "; "),), "insert the missing ';'", safe=False)
            line, column = doc.position(d.start)
            end_line, end_column = doc.position(d.end)
            message = f"{where}: {detail}"
            yield Finding(line, column, message, end_line=end_line, end_column=end_column, fix=fix)


@functools.lru_cache(maxsize=4096)  # editor exports repeat the same declarations
def _problem(prop: str, value: str, text: str) -> tuple[str, int | None] | None:
    """What is wrong with a declaration, and where in its text a missing ';' goes; None: nothing."""
    if not prop:
        return f"{text!r} is not a declaration (no ':')", None
    if not value:
        return f"{prop!r} has no value", None
    if not _cssprops.known(prop):
        return f"unknown property {prop!r}", None
    joined = _run_on(text)
    if joined is not None:
        name, offset = joined
        return f"missing ';' before {name!r} in {text!r}", offset
    why = _cssprops.value_problem(prop, value)
    if why is None:
        return None
    return f"invalid value for {prop}: {value!r} ({why})", None


def _run_on(text: str) -> tuple[str, int] | None:
    """A second `property:` inside the value: the name and its offset in `text`."""
    colon = text.find(":")
    match = _RUN_ON.search(text, colon + 1)
    if match is None or match.group(1).startswith("//"):
        return None
    word = match.group(1).lower()
    for size in range(len(word), 1, -1):
        name = word[-size:]
        if name[0] != "-" and _cssprops.known(name) and not name.startswith("mso-"):
            return name, match.end(1) - size
    return None
