"""An inline element that does nothing: empty, attribute-less, or nested in its own kind.

What it does:
    Reports a `<span>` or `<font>` with no attributes, an inline element (`<b>`, `<strong>`,
    `<i>`, `<em>`, `<span>`, `<u>`, `<s>`, `<font>`, `<small>`, `<mark>`, `<sub>`, `<sup>`) with
    nothing in it or only spaces, and a `<b>` or `<strong>` inside another (`<i>`/`<em>` alike).
    The safe fix removes the empty element or unwraps the redundant one, keeping its content;
    nested bold or italic is only reported, since CSS `bolder` can make it heavier still.
    Code highlighting (`pre`, `code`, Color Scripter widgets) is skipped: generated markup.
    Cleaning colour styles often leaves such wrappers behind; the fixer's next pass catches them.

Why is this bad:
    Wrappers without effect make the source harder to read and edit, and empty bold or italic
    elements confuse editors and converters.

Example:
    <b><span>Important</span></b><b> </b>

Use instead:
    <b>Important</b>

Options:
    skip_inside: elements (`pre`) or classes (`.colorscripter-code`) whose contents are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.html.vocabulary import EDITOR_PREFIX
from artlint.model.diagnostics import Finding, Fix, Severity
from artlint.model.document import HtmlElement
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT107"
NAME = "redundant-wrapper"
SUMMARY = "Inline element without effect"
SEVERITY = Severity.INFO
FIX = "sometimes"
OPTIONS = {"skip_inside": _html.SKIP_INSIDE}

_EMPTYABLE = {"b", "strong", "i", "em", "span", "u", "s", "font", "small", "mark", "sub", "sup"}
_DECORATED = {"u", "s", "mark"}  # their lines and highlight show even on spaces
_FAMILY = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic"}


def _harmless(element: HtmlElement) -> bool:
    return all(a.name == "style" or a.name.startswith(EDITOR_PREFIX) for a in element.attrs)


def check(ctx: Context) -> Iterator[Finding]:
    problems = {p.offset for p in ctx.document.html_problems}
    skipped = _html.skipped(ctx)
    for index, element in _html.elements(ctx):
        if skipped[index] or element.tag not in _EMPTYABLE or element.start in problems:
            continue
        found = _problem(ctx, element)
        if found is not None:
            message, fix = found
            yield Finding(element.line, element.column, message, fix=fix)


def _problem(ctx: Context, element: HtmlElement) -> tuple[str, Fix | None] | None:
    doc = ctx.document
    unwrap = _html.unwrap(doc, element)
    if unwrap is None or element.end is None:
        return None  # unclosed: what it wraps is the browser's guess
    tag, inner = element.tag, _html.content(doc, element)
    if not inner and _harmless(element):
        return f"empty <{tag}>", Fix((_html.cut(doc, element.start, element.end),), "remove the element")
    if inner and not inner.strip() and "\n" not in inner and _harmless(element) and tag not in _DECORATED:
        return f"<{tag}> holds only spaces", Fix(unwrap, "remove the wrapper")
    if tag in ("span", "font") and not element.attrs:
        return f"<{tag}> without attributes", Fix(unwrap, "remove the wrapper")
    if tag in _FAMILY and not element.attrs:
        outer = _outer_same(ctx, element)
        if outer is not None:
            # Reported without a fix: `bolder` inside bold can be heavier still.
            return f"<{tag}> inside <{outer.tag}> (line {outer.line}) adds nothing", None
    return None


def _outer_same(ctx: Context, element: HtmlElement) -> HtmlElement | None:
    current = element.parent
    while current is not None:
        outer = ctx.document.elements[current]
        if _FAMILY.get(outer.tag) == _FAMILY[element.tag]:
            return outer
        if outer.tag not in _EMPTYABLE:
            return None
        current = outer.parent
    return None
