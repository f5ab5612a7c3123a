"""kramdown attribute lists in HTML that conversion rewrites.

`<span>x</span>{: .c}` is one element with a class under kramdown. Conversion drops the span
(and classes); left behind, the attribute list would print as text. It goes with its element
and is counted, as the classes it held are.
"""

from __future__ import annotations

import re

from artlint.convert import residue

_VALUE = r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+)"""
_IAL = rf"""\{{:(?:[ \t]*(?:[.#]?[\w-]+(?:={_VALUE})?))*[ \t]*\}}"""
# After an end tag (a span IAL), or alone at the start or end of a line of a paragraph (a block IAL).
_AFTER_TAG = re.compile(rf"(</[A-Za-z][\w-]*>|<(?:img|br)\b[^<>]*>){_IAL}")
_OWN_LINE = re.compile(rf"(^|\n|<p>)[ \t]*{_IAL}[ \t]*(?=\n|</p>|$)")


def strip(html: str, dropped: dict[str, int]) -> str:
    count = 0

    def after_tag(found: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return found.group(1)

    html = _AFTER_TAG.sub(after_tag, html)
    html = _OWN_LINE.sub(after_tag, html)
    if count:
        residue.count(dropped, "attribute list", count)
    return html
