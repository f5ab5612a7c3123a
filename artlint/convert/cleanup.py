"""Remove editor residue from rendered HTML before it becomes Markdown, counting what goes.

Works on a BeautifulSoup tree in one pass. Everything removed on purpose is counted in `dropped`
under a plain name ("style attribute", "spacer paragraph"), so a report can say what went.
The cleaned tree is also what verification compares the output with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bs4.element import Comment, NavigableString, Tag

from artlint.convert import blocks, tables
from artlint.convert.options import Options
from artlint.convert.residue import count, strip_attributes
from artlint.html.vocabulary import INVISIBLE, SPACER_WRAPPERS, WRAPPERS, is_spacer

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

# The site's excerpt separator, kept through conversion: a string the meaning reader skips (it
# reads plain NavigableStrings only) and markdownify writes as text, put back by `with_separators`.
EXCERPT = "\ue007"


class ExcerptMark(NavigableString):
    pass


UNWRAP = frozenset({"font", "center", "span", "u", "html", "body", "article", "section", "main"})
REMOVE = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "button"})
_COLOUR = re.compile(r"(?:^|;)\s*(color|background(?:-color)?)\s*:", re.IGNORECASE)


def clean(soup: BeautifulSoup, options: Options, dropped: dict[str, int]) -> None:
    """Clean `soup` in place."""
    found_tables = []
    nodes = list(soup.descendants)
    for node in nodes:
        if isinstance(node, Comment):
            if options.excerpt_separator and f"<!--{node}-->" == options.excerpt_separator:
                node.replace_with(ExcerptMark(EXCERPT))
                continue
            node.extract()
            count(dropped, "comment")
    for tag in nodes:
        if not isinstance(tag, Tag) or gone(tag):
            continue
        name = tag.name
        if name in REMOVE:
            tag.decompose()
            count(dropped, f"<{name}> element")
        elif name == "figure":
            blocks.figure(soup, tag, options, dropped)
        elif name in ("pre", "code") and inside(tag, "pre") and inside(tag, "code"):
            tag.unwrap()  # code nested in code by the same exporter reads as one block
            count(dropped, "code inside code")
        elif name == "p" and inside(tag, "pre"):
            # A broken exporter's <p> inside <pre><code>: the browser shows its text as code.
            tag.unwrap()
            count(dropped, "paragraph inside code")
        elif name == "span":
            _span(soup, tag, options, dropped)
        elif name == "iframe" and options.iframes == "link":
            blocks.replace_with_link(soup, tag, tag.get("src"), tag.get("title"), dropped, "iframe")
        else:
            strip_attributes(tag, dropped)
            if name in UNWRAP:
                if name not in WRAPPERS:  # <u>, <center>: an underline or a centred line goes
                    count(dropped, f"<{name}> element (its text kept)")
                tag.unwrap()
            elif name == "table":
                found_tables.append(tag)
    # Innermost first, once spans are unwrapped: <div><span>&nbsp;</span></div> is a spacer too.
    for tag in reversed(_named(soup, ("p", "div"))):
        if not gone(tag) and _spacer(tag):
            tag.decompose()
            count(dropped, "spacer paragraph")
    for table in found_tables:
        if not gone(table):
            tables.prepare(soup, table)


def with_separators(text: str, options: Options) -> str:
    """`text` with the excerpt separator back where conversion met it."""
    return text.replace(EXCERPT, options.excerpt_separator) if EXCERPT in text else text


def _named(node: Tag, names: tuple[str, ...]) -> list[Tag]:
    """`node.find_all(names)` without bs4's generic search: tags so named, in document order."""
    found: list[Tag] = []
    stack = list(reversed(node.contents))
    while stack:
        child = stack.pop()
        if isinstance(child, Tag):
            if child.name in names:
                found.append(child)
            stack.extend(reversed(child.contents))
    return found


def gone(tag: Tag) -> bool:
    """Decomposed or detached (bs4's own `decomposed` searches the subtree when it is unset)."""
    state = tag.__dict__
    return bool(state.get("_decomposed")) or state.get("parent") is None


def inside(tag: Tag, name: str) -> bool:
    parent = tag.__dict__.get("parent")
    while parent is not None:
        if parent.name == name:
            return True
        parent = parent.__dict__.get("parent")
    return False


def _spacer(tag: Tag) -> bool:
    """An empty line made by the editor (html.vocabulary decides what one looks like)."""
    names: list[str] = []
    texts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name.lower() not in SPACER_WRAPPERS:
                return False  # not a spacer, whatever its text: the common case, decided early
            names.append(node.name)
        elif isinstance(node, NavigableString):
            if node.strip(INVISIBLE):
                return False  # a character that shows
            texts.append(node)
    return is_spacer(names, "".join(texts))


def _span(soup: BeautifulSoup, tag: Tag, options: Options, dropped: dict[str, int]) -> None:
    style = str(tag.get("style") or "")
    found = _COLOUR.search(style) if options.spans != "text" else None
    strip_attributes(tag, dropped)
    if found is None or not tag.get_text().strip():
        tag.unwrap()
    elif options.spans == "drop":
        count(dropped, "coloured text")
        tag.decompose()
    elif options.spans == "mark" or found.group(1).lower().startswith("background"):
        tag.name = "mark"
    else:
        tag.name = "em"
