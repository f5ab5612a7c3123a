"""Markdown rendered as a flavour's engine renders it: the parser every judgement of a page uses.

`parser(flavor)` is built once per flavour and process; `render(body, flavor)` is the HTML a reader
of that site gets, so comparing meanings of two renders tells whether a reader sees the same page.

The CommonMark core is markdown-it; each engine's differences are rules added to it: the plugins of
mdit-py-plugins where one fits (footnotes, definition lists), and artlint's own pieces in
flavors/syntax.py and flavors/kramdown_rules.py where none does (kramdown's escapes, emphasis,
links, tables, lists and attribute lists, goldmark's attributes and dropped raw HTML,
typographic substitutions, heading ids).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from artlint.flavors import GFM, Flavor

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@functools.cache
def parser(flavor: Flavor = GFM) -> MarkdownIt:
    """The markdown-it parser modelling `flavor` (HTML on; the engine's extensions and rules)."""
    from markdown_it import MarkdownIt

    # kramdown's own parser has no hard_wrap; only its GFM parser reads it.
    breaks = flavor.hard_wrap and flavor.input != "kramdown"
    md = MarkdownIt("commonmark", {"typographer": flavor.smart_quotes, "breaks": breaks})
    wanted = (("table", flavor.tables), ("strikethrough", flavor.strikethrough))
    extensions = [name for name, on in wanted if on]
    if flavor.smart_quotes:
        extensions.append("smartquotes")
    if extensions:
        md.enable(extensions)
    if flavor.footnotes:
        from mdit_py_plugins.footnote import footnote_plugin

        md.use(footnote_plugin)
        # The engines number a reference "1", not markdown-it's "[1]".
        md.add_render_rule("footnote_caption", _footnote_caption)
        if flavor.engine not in ("kramdown", "goldmark"):
            from artlint.flavors.syntax import github_footnotes

            github_footnotes(md)
    if flavor.definition_lists:
        from mdit_py_plugins.deflist import deflist_plugin

        md.use(deflist_plugin)
    if flavor.autolinks:
        from artlint.flavors import autolinks

        md.core.ruler.push("autolinks", autolinks.rule(getattr(autolinks, flavor.autolinks.upper())))
    if flavor.engine in ("kramdown", "goldmark") or flavor.heading_ids != "github":
        from artlint.flavors import syntax

        syntax.install(md, flavor)
    return md


def render(body: str, flavor: Flavor = GFM) -> str:
    """The HTML `flavor`'s engine makes of a Markdown body."""
    html: str = parser(flavor).render(body)
    return html


def _footnote_caption(self: object, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    meta = tokens[idx].meta
    number = str(meta["id"] + 1)
    return number + (f":{meta['subId']}" if meta.get("subId", 0) > 0 else "")
