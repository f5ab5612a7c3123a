"""Markdown rendered as a flavour's engine renders it: the parser every judgement of a page uses.

`parser(flavor)` is built once per flavour and process; `render(body, flavor)` is the HTML a reader
of that site gets, so comparing meanings of two renders tells whether a reader sees the same page.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from artlint.flavors import GFM, Flavor

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@functools.cache
def parser(flavor: Flavor = GFM) -> MarkdownIt:
    """The markdown-it parser modelling `flavor` (HTML on; tables and strikethrough where it has them)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    wanted = (("table", flavor.tables), ("strikethrough", flavor.strikethrough))
    extensions = [name for name, on in wanted if on]
    return md.enable(extensions) if extensions else md


def render(body: str, flavor: Flavor = GFM) -> str:
    """The HTML `flavor`'s engine makes of a Markdown body."""
    html: str = parser(flavor).render(body)
    return html
