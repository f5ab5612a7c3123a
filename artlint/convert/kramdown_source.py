"""A body read as kramdown reads it, where that differs from the CommonMark parse convert walks.

- `<span>x</span>{: .c}` is one element with a class under kramdown. Conversion drops the span
  (and classes); left behind, the attribute list would print as text. It goes with its element
  and is counted, as the classes it held are.
- An HTML block runs to its element's end tag and its content is raw: no Markdown, no
  typography, and a `<` that starts no tag is text.
- `$$...$$` is math, whose `_` and `*` are not emphasis: a paragraph holding math and HTML is
  kept as written rather than converted through a parse that does not know math.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from artlint.convert import residue

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_VALUE = r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+)"""
_IAL = rf"""\{{:(?:[ \t]*(?:[.#]?[\w-]+(?:={_VALUE})?))*[ \t]*\}}"""
# After an end tag (a span IAL), or alone at the start or end of a line of a paragraph (a block IAL).
_AFTER_TAG = re.compile(rf"(</[A-Za-z][\w-]*>|<(?:img|br)\b[^<>]*>){_IAL}")
_OWN_LINE = re.compile(rf"(^|\n|<p>)[ \t]*{_IAL}[ \t]*(?=\n|</p>|$)")


_NOT_A_TAG = re.compile(r"<(?![A-Za-z][A-Za-z0-9-]*[\s/>]|/[A-Za-z]|!|\?)")
# What this converter writes for typography it keeps plain (flavored.escape); a paragraph with
# it came from a raw HTML block, whose characters kramdown never substituted.
_PLAIN_TYPOGRAPHY = re.compile(r"""\\["']|\\\.\\\.""")


def raw_html(source: str) -> str:
    """An HTML block's source as the HTML kramdown passes through (stray `<` as text)."""
    return _NOT_A_TAG.sub("&lt;", source) if "<" in source else source


_MARKDOWN_ELEMENT = re.compile(
    r"""<([A-Za-z][\w-]*)(\s[^<>]*?)?\smarkdown\s*=\s*(["']?)(1|span|block)\3([^<>]*)>(.*?)</\1\s*>""",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK_CONTENT = frozenset({"div", "section", "article", "aside", "blockquote", "details", "li", "td", "th",
                            "figure", "header", "footer", "main", "nav"})


# Wraps text kramdown read as Markdown inside a raw HTML block: its typography was substituted.
TYPESET = "artlint-typeset"


def with_markdown(source: str, md: MarkdownIt) -> str:
    """An HTML block whose elements say `markdown="1"`: their content rendered as Markdown (as
    kramdown does), the rest raw."""
    out: list[str] = []
    last = 0
    for found in _MARKDOWN_ELEMENT.finditer(source):
        out.append(raw_html(source[last : found.start()]))
        tag, before, _, mode, after, inner = found.groups()
        block = mode == "block" or (mode == "1" and tag.lower() in _BLOCK_CONTENT)
        content = md.render(textwrap.dedent(inner).strip("\n")) if block else md.renderInline(
            " ".join(line.strip() for line in inner.strip().split("\n"))
        )
        out.append(f"<{tag}{before or ''}{after}><{TYPESET}>{content}</{TYPESET}></{tag}>")
        last = found.end()
    out.append(raw_html(source[last:]))
    return "".join(out)


def has_math(source: str) -> bool:
    return "$$" in source


def plain_typography(source: str) -> bool:
    return _PLAIN_TYPOGRAPHY.search(source) is not None


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
