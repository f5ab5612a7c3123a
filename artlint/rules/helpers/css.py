"""Inline `style` attributes: declarations with their offsets, and edits that remove them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from html import unescape
from typing import Any, NamedTuple

from artlint.model.diagnostics import Edit, Finding, Fix
from artlint.model.document import Attribute, Document, HtmlElement
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html


class Declaration(NamedTuple):
    """One declaration of a style attribute (a tuple: a Tistory article holds hundreds)."""

    prop: str  # lower-cased; "" when the declaration has no colon
    value: str  # entity-decoded, without "!important"
    text: str  # the declaration as written, trimmed, without the ";"
    start: int  # offsets of `text` in the file
    end: int
    cut_end: int  # offset past the ";" and the whitespace after it: [start, cut_end) removes it
    important: bool

    @property
    def wellformed(self) -> bool:
        return bool(self.prop) and bool(self.value)

    @property
    def shown(self) -> str:
        important = " !important" if self.important else ""
        return f"{self.prop}: {self.value}{important}" if self.wellformed else self.text


class Style:
    """A rendered style attribute and its declarations (a plain class: made for every styled
    element, and a dataclass would be slower to make and to define at each start)."""

    __slots__ = ("attribute", "declarations", "element", "index")

    def __init__(
        self, element: HtmlElement, index: int, attribute: Attribute, declarations: tuple[Declaration, ...]
    ) -> None:
        self.element = element
        self.index = index  # in Document.elements
        self.attribute = attribute
        self.declarations = declarations


_SPLIT = re.compile(r"""\(|\)|;|"[^"]*"|'[^']*'""")
_IMPORTANT = re.compile(r"\s*!\s*important\s*$", re.IGNORECASE)


def declarations(doc: Document, attribute: Attribute) -> tuple[Declaration, ...]:
    base = attribute.value_start
    new = tuple.__new__  # the tuple made in C, without the class's Python-level __new__
    return tuple([
        new(Declaration, (prop, value, text, base + start, base + end, base + cut, important))
        for prop, value, text, start, end, cut, important in _parsed(doc.text[base : attribute.value_end])
    ])


_Parsed = tuple[str, str, str, int, int, int, bool]


@functools.lru_cache(maxsize=4096)
def _parsed(raw: str) -> tuple[_Parsed, ...]:
    """Declarations with offsets relative to `raw`; editor exports repeat the same styles a lot."""
    found: list[_Parsed] = []
    depth, begin = 0, 0
    for match in [*_SPLIT.finditer(raw), None]:
        token = match.group() if match else ";"
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif token == ";" and (depth == 0 or match is None):
            stop = match.start() if match else len(raw)
            after = match.end() if match else len(raw)
            while after < len(raw) and raw[after].isspace():
                after += 1
            chunk = raw[begin:stop]
            if chunk.strip():
                found.append(_declaration(chunk, begin, after))
            begin = after
    return tuple(found)


def _declaration(chunk: str, start: int, cut_end: int) -> _Parsed:
    lead = len(chunk) - len(chunk.lstrip())
    text = chunk.strip()
    name, colon, value = text.partition(":")
    value = unescape(value)
    important = bool(_IMPORTANT.search(value))
    value = _IMPORTANT.sub("", value).strip()
    prop = name.strip().lower() if colon else ""
    return prop, value, text, start + lead, start + lead + len(text), cut_end, important


def styles(ctx: Context, everywhere: bool = False) -> list[Style]:
    """Every rendered style attribute, except (unless `everywhere`) those the rule's
    `skip_inside` option leaves out."""
    doc = ctx.document
    cache: list[Style] | None = ctx.cache.get("styles")
    if cache is None:
        cache = []
        for index, element in _html.elements(ctx):
            attribute = element.attr("style")
            if attribute is not None and attribute.value is not None:
                cache.append(Style(element, index, attribute, declarations(doc, attribute)))
        ctx.cache["styles"] = cache
    if everywhere:
        return cache
    skipped = _html.skipped(ctx)
    return [style for style in cache if not skipped[style.index]]


def removal(doc: Document, style: Style, removed: Sequence[Declaration]) -> tuple[Edit, ...]:
    """Edits that drop `removed` from the attribute, the attribute when nothing is left, and a
    bare <span>/<font> wrapper when the style was all it had."""
    if len(removed) < len(style.declarations):
        spans: list[list[int]] = []
        for d in sorted(removed, key=lambda d: d.start):
            if spans and d.start <= spans[-1][1]:
                spans[-1][1] = d.cut_end
            else:
                spans.append([d.start, d.cut_end])
        if spans[-1][1] == style.attribute.value_end:  # at the end: take the space before instead
            while spans[-1][0] > style.attribute.value_start and doc.text[spans[-1][0] - 1].isspace():
                spans[-1][0] -= 1
        return tuple(Edit(start, end, "") for start, end in spans)
    element = style.element
    if element.tag in ("span", "font") and len(element.attrs) == 1:
        unwrapped = _html.unwrap(doc, element)
        if unwrapped:
            return unwrapped
    return (_html.remove_attribute(doc, style.attribute),)


def listing(found: Sequence[Declaration]) -> str:
    return "; ".join(d.shown for d in found)


def option_list(options: Any, name: str) -> tuple[str, ...]:
    value = options.get(name) or ()
    return tuple(str(v).lower() for v in value)


# Declarations the kind-specific rules report; the generic inline-style rule reports the rest.
COLOR = frozenset({"color"})
BACKGROUND = frozenset({"background-color", "background"})
FONT = frozenset({"font", "font-size", "font-family", "line-height"})
CLAIMED = COLOR | BACKGROUND | FONT


def kind_findings(ctx: Context, props: frozenset[str], what: str) -> Iterator[Finding]:
    """One finding per style attribute that sets any of `props`; the fix drops them."""
    doc = ctx.document
    for style in styles(ctx):
        found = [d for d in style.declarations if d.prop in props]
        if found:
            yield finding(doc, style, found, what)


def finding(doc: Document, style: Style, found: Sequence[Declaration], what: str) -> Finding:
    line, column = doc.position(found[0].start)
    end_line, end_column = doc.position(found[-1].end)
    return Finding(
        line, column, f"style attribute on <{style.element.tag}>: {listing(found)}",
        end_line=end_line, end_column=end_column,
        fix=Fix(removal(doc, style, found), f"remove {what}", safe=False),
    )
