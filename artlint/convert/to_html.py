"""Markdown body -> blog body: each top-level block rendered to sanitised HTML.

Blocks stay apart (a blank line between them) and no blank line is left inside one, so a
Markdown reader takes each back as one HTML block; blank lines inside <pre> become `&#10;`.
"""

from __future__ import annotations

import re

from artlint.convert import groups
from artlint.convert.article import Body
from artlint.convert.options import Options
from artlint.html.vocabulary import EDITOR_MARKUP

_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.DOTALL | re.IGNORECASE)
_BEFORE_BLANK = re.compile(r"\n(?=[ \t]*\n)")
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")
_EDITOR_TAGS = re.compile("|".join(re.escape(tag) for tag in EDITOR_MARKUP))


def convert(body: Body, options: Options) -> str:
    from artlint.html.sanitize import clean
    from artlint.parsing.parse import markdown

    md = markdown()
    allow = options.allow()
    if options.iframes == "html":
        allow = allow.with_tags(("iframe",))
    blocks: list[str] = []
    for group in groups.split_blocks(body.tokens):
        html = clean(md.renderer.render(group, md.options, {}), allow).strip()
        if not html:
            continue
        html = _one_block(html)
        if options.tistory_markup:
            html = _EDITOR_TAGS.sub(lambda m: EDITOR_MARKUP[m.group(0)], html)
        blocks.append(html)
    return "\n\n".join(blocks)


def _one_block(html: str) -> str:
    parts: list[str] = []
    last = 0
    for found in _PRE.finditer(html):
        parts.append(_BLANK_LINES.sub("", html[last : found.start()]))
        parts.append(found.group(1) + _BEFORE_BLANK.sub("&#10;", found.group(2)) + found.group(3))
        last = found.end()
    parts.append(_BLANK_LINES.sub("", html[last:]))
    return "".join(parts)
