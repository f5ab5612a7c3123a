"""Editor residue removed from HTML: style and data-* attributes, and counting what goes.

Everything removed on purpose is counted in `dropped` under a plain name ("style attribute",
"spacer paragraph"), so a report can say what went.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from artlint.convert.options import Options
from artlint.html.vocabulary import KEPT_ATTRIBUTES

if TYPE_CHECKING:
    from bs4 import Tag

_SPAN_TAG = re.compile(r"</?span\b[^<>]*>", re.IGNORECASE)
# A start tag that may hold residue: "style" or "data-" in any case, or a character beyond ASCII
# (the attribute pattern folds case beyond ASCII too). Most tags hold none: they are never
# handed to Python at all.
_RESIDUE_TAG = re.compile(
    r"<[a-zA-Z](?=[^<>]*(?:[sS][tT][yY][lL][eE]|[dD][aA][tT][aA]-|[^\x00-\x7f]))[^<>]*>"
)
# Link-card data (data-og-*, data-ke-type) is read later, when the card becomes a link.
_RESIDUE_ATTR = re.compile(
    r"""\s(style|data-(?!og-|ke-type)[\w-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+)""", re.IGNORECASE
)


def strip_residue(html: str, options: Options, dropped: dict[str, int]) -> str:
    """Remove style and data-* attributes (and plain spans) from the HTML text before it is parsed.

    The tree would lose them anyway; parsing fewer tags and attributes is most of the cost of
    converting editor output. Spans are kept when a colour mode needs their style.
    """
    if options.spans == "text":
        html = _SPAN_TAG.sub(lambda span: _dropped_span(span, dropped), html)

    def drop(attribute: re.Match[str]) -> str:
        name = attribute.group(1).lower()
        count(dropped, "style attribute" if name == "style" else "editor attribute")
        return ""

    def clean_tag(found: re.Match[str]) -> str:
        tag = found.group()
        lowered = tag.lower()
        if options.spans != "text" and lowered[1:5] == "span":
            return tag
        return _RESIDUE_ATTR.sub(drop, tag)

    return _RESIDUE_TAG.sub(clean_tag, html)


def _dropped_span(span: re.Match[str], dropped: dict[str, int]) -> str:
    """A span goes, its text stays; what it carried is counted like any other attribute."""
    if "=" not in span.group():
        return ""  # an end tag, or a span without attributes
    for attribute in _RESIDUE_ATTR.finditer(span.group()):
        name = attribute.group(1).lower()
        count(dropped, "style attribute" if name == "style" else "editor attribute")
    return ""


def count(dropped: dict[str, int], what: str, n: int = 1) -> None:
    dropped[what] = dropped.get(what, 0) + n


def strip_attributes(tag: Tag, dropped: dict[str, int]) -> None:
    if not tag.attrs:
        return  # most tags, once the residue is stripped from the text
    keep = KEPT_ATTRIBUTES.get(tag.name, frozenset())
    for name in list(tag.attrs):
        if name in keep and not (name == "class" and not language_class(tag)):
            continue
        del tag.attrs[name]
        if name == "style":
            count(dropped, "style attribute")
        elif name.startswith("data-") or name in ("contenteditable", "class", "id"):
            count(dropped, "editor attribute")
        elif name.startswith("on"):
            count(dropped, "event handler")
        else:
            count(dropped, f"{name} attribute")


def language_class(tag: Tag) -> bool:
    return any(c.startswith("language-") for c in str(tag.get("class") or "").split())
