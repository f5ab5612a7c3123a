"""Text colour with too little contrast against its background (WCAG 2.x AA).

What it does:
    For each element whose inline style sets `color` or a background colour, works out the text
    and background colours it renders with (its own and its ancestors' declarations, falling
    back to the configured page colours), composites colours with alpha (`#21538527` is 15 %
    opaque) and reports a contrast ratio below the minimum, 4.5:1 by default.

Why is this bad:
    Light grey or saturated red text on white is hard to read for many people and on most
    phones outdoors; WCAG 2.x level AA asks for 4.5:1 for body text.

Example:
    <span style="color: #e5e5e5;">Barely visible</span>

Use instead:
    <span style="color: #595959;">Readable</span>

Options:
    minimum_ratio: the lowest acceptable ratio (4.5; 3.0 for large text only).
    page_background: the site's background colour (default white).
    page_text: the site's default text colour (default black).
    skip_inside: elements (`pre`) or classes (`.colorscripter-code`) whose contents are skipped.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.model.document import Document, HtmlElement
from artlint.rules.base import Context
from artlint.rules.helpers import color as _color
from artlint.rules.helpers import css as _css
from artlint.rules.helpers import html as _html

CODE = "ST105"
NAME = "low-contrast"
SUMMARY = "Text colour fails WCAG AA contrast against its background"
SEVERITY = Severity.WARNING
OPTIONS = {
    "minimum_ratio": 4.5,
    "page_background": "#ffffff",
    "page_text": "#000000",
    "skip_inside": _html.SKIP_INSIDE,
}


def _colors(style: _css.Style) -> tuple[_css.Declaration | None, _css.Declaration | None]:
    text = background = None
    for d in style.declarations:
        if d.prop == "color" and _color.parse_color(d.value):
            text = d
        elif d.prop in _css.BACKGROUND and _background(d) is not None:
            background = d
    return text, background


def _background(d: _css.Declaration) -> _color.RGBA | None:
    if d.prop == "background-color":
        return _color.parse_color(d.value)
    # The shorthand: the colour is one of its space-separated parts (outside parentheses).
    for part in d.value.replace(", ", ",").split():
        found = _color.parse_color(part)
        if found:
            return found
    return None


class _Coloured:
    """The elements that set a text colour, by start offset, to find an element's coloured children."""

    def __init__(self, elements: list[HtmlElement]) -> None:
        self.elements = sorted(elements, key=lambda e: e.start)
        self.starts = [e.start for e in self.elements]


def _own_text(doc: Document, style: _css.Style, coloured: _Coloured) -> bool:
    """Whether the element shows text that no descendant recolours.

    Only the outermost recoloured descendants are skipped over, each found by bisection, so a
    file with many elements costs n log n, not n squared.
    """
    element = style.element
    inner_end = element.end_tag_start
    if inner_end is None:
        return False
    at = element.start_tag_end
    i = bisect.bisect_left(coloured.starts, at)
    while i < len(coloured.elements):
        inner = coloured.elements[i]
        if inner.start >= inner_end:
            break
        if inner.end is None or inner.end > inner_end:
            i += 1
            continue
        if _html.visible_text(doc.text[at : inner.start]).strip():
            return True
        at = max(at, inner.end)
        i = bisect.bisect_left(coloured.starts, at, i + 1)
    return bool(_html.visible_text(doc.text[at:inner_end]).strip())


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    page_bg = _color.parse_color(str(ctx.options["page_background"])) or (255.0, 255.0, 255.0, 1.0)
    page_fg = _color.parse_color(str(ctx.options["page_text"])) or (0.0, 0.0, 0.0, 1.0)
    minimum = float(ctx.options["minimum_ratio"])
    by_index = {s.index: s for s in _css.styles(ctx, everywhere=True)}
    coloured = _Coloured([s.element for s in by_index.values() if _colors(s)[0] is not None])
    for style in _css.styles(ctx):
        own_text, own_background = _colors(style)
        if own_text is None and own_background is None:
            continue
        if not _own_text(doc, style, coloured):
            continue
        chain = []
        current: int | None = style.index
        while current is not None:
            chain.append(current)
            current = doc.elements[current].parent
        background, text = _color.over(page_bg, (255.0, 255.0, 255.0, 1.0)), page_fg
        for index in reversed(chain):
            found = by_index.get(index)
            if found is None:
                continue
            text_decl, background_decl = _colors(found)
            if background_decl is not None:
                layer = _background(background_decl)
                assert layer is not None
                background = _color.over(layer, background)
            if text_decl is not None:
                text = _color.parse_color(text_decl.value) or text
        shown = _color.over(text, background)
        ratio = _color.contrast(shown, background)
        if ratio < minimum:
            where = own_text or own_background
            assert where is not None
            line, column = doc.position(where.start)
            end_line, end_column = doc.position(where.end)
            shown_ratio = math.floor(ratio * 100) / 100  # never round up past the threshold
            yield Finding(
                line, column,
                f"<{style.element.tag}> text {_color.hex_of(shown)} on background "
                f"{_color.hex_of(background)} has contrast {shown_ratio:.2f}:1, below {minimum:g}:1",
                end_line=end_line, end_column=end_column,
            )
