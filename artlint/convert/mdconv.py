"""HTML to Markdown: markdownify's converter, corrected where it loses meaning.

- Strong and emphasis are written as placeholders and resolved once the whole text is known:
  `**` where CommonMark's flanking rules let it open and close (they often do not next to Korean
  text and punctuation), `<strong>` otherwise, so emphasis always renders.
- Images are kept in headings and table cells; links only autolink when they are real URLs.
- Tables go through `tables`; iframes and complex tables are written as sanitised HTML.
- Empty inline tags keep the space they held.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from artlint.convert import emphasis, flavored, serialise, tables
from artlint.convert.flavored import BREAK
from artlint.convert.kramdown_source import TYPESET
from artlint.convert.mdwalk import FastWalk
from artlint.convert.residue import count
from artlint.html.vocabulary import CODE_LIKE, MARKDOWN_ELEMENTS, WRAPPERS

if TYPE_CHECKING:
    from bs4 import Tag

    from artlint.html.sanitize import Allowlist

# The tree's root, and the marker kramdown_source wraps typeset text in: no author's elements.
_OURS = frozenset(("[document]", TYPESET))
_SCHEME_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*$")
_NEEDS_ANGLE = re.compile(r"[\s()<>]")
# What markdownify's escapes (misc characters, dash runs, hashes, list markers, `*`, `_`) can
# act on: most text holds none of it, and five substitutions that change nothing cost more
# than converting the text.
_ESCAPABLE = re.compile(r"[]\\&<`[>~=+|#*_-]|[0-9][.)]")


def destination(url: str) -> str:
    """A link destination CommonMark reads back as `url`."""
    if not url:
        return "<>"
    if _NEEDS_ANGLE.search(url):
        return "<" + url.replace("\\", "\\\\").replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def title_part(title: str) -> str:
    return ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"' if title else ""


def _language(pre: Tag) -> str:
    """The fence's info string, from <code class="language-x"> as Markdown renderers write it."""
    code = pre.find("code")
    for value in str(code.get("class") or "").split() if code is not None else ():
        if value.startswith("language-"):
            return value[len("language-") :]
    return ""


def _chomp(text: str) -> tuple[str, str, str]:
    """Whitespace inside an inline tag moves outside it: `<b>x&nbsp;</b>y` keeps its space."""
    core = text.strip()
    if not core:
        return (" " if text else ""), "", ""
    start = text.index(core[0])
    end = start + len(core)
    return text[:start].replace("\n", " "), core, text[end:].replace("\n", " ")


def trim_breaks(text: str) -> str:
    """A line break at the very start or end of a block shows nothing; as `\\` it would show."""
    trimmed = text.strip()
    while trimmed.endswith(BREAK):
        trimmed = trimmed[:-1].rstrip(" \t\r\n")
    while trimmed.startswith(BREAK + "\n"):
        trimmed = trimmed[2:].lstrip(" \t\r\n")
    return trimmed


class Converter(FastWalk):
    OPAQUE = frozenset({"table", "iframe"})

    def __init__(self, allow: Allowlist, flavor: str = "gfm", **options: Any) -> None:
        super().__init__(
            heading_style="atx",
            bullets="-",
            escape_misc=True,
            escape_asterisks=True,
            escape_underscores=True,
            code_language_callback=_language,
            **options,
        )
        self.allow = allow
        self.flavor = flavor
        self.raw = False  # the HTML being converted was a raw HTML block in the input
        self.emitted: list[str] = []  # HTML blocks written as they are (complex tables, iframes)
        self.dropped: dict[str, int] = {}  # the conversion's count of what went, set for each one

    def process_tag(self, node: Tag, parent_tags: set[str] | None = None) -> str:
        name = node.name
        if name not in MARKDOWN_ELEMENTS and name not in WRAPPERS and name not in _OURS:
            # Markdown has no <kbd> or <small>: the tag goes, and the report says so.
            count(self.dropped, f"<{name}> element (written as code)" if name in CODE_LIKE
                  else f"<{name}> element (its text kept)")
        return super().process_tag(node, parent_tags)

    def escape(self, text: str, parent_tags: set[str]) -> str:
        escaped = str(super().escape(text, parent_tags)) if _ESCAPABLE.search(text) else text
        if self.flavor in ("gfm", "commonmark", "mdx") or not escaped:
            return escaped
        return flavored.escape(escaped, self.flavor, self.raw and TYPESET not in parent_tags)

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: set[str]) -> str:
        heading = str(super().convert_hN(n, el, text, parent_tags))
        if heading.strip().strip("#") or not flavored.kramdown_reads(self.flavor) or "_inline" in parent_tags:
            return heading
        # kramdown reads a bare "##" as a paragraph; a no-break space keeps it an empty heading.
        return heading.rstrip() + " &nbsp;\n\n"

    def _inline(self, kind: str, text: str, parent_tags: set[str]) -> str:
        if "_noformat" in parent_tags:
            return text
        lead, core, trail = _chomp(text)
        trimmed = trim_breaks(core)
        if trimmed != core:
            # A line break at an edge of the run goes outside it, where it still breaks the line.
            if core.startswith(BREAK + "\n"):
                lead += BREAK + "\n"
            if core.rstrip().endswith(BREAK):
                trail = BREAK + "\n" + trail.lstrip()
            core = trimmed
        if not core:
            return lead + trail if BREAK in lead + trail else lead or trail
        return lead + emphasis.wrap(kind, core) + trail

    def convert_b(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._inline("strong", text, parent_tags)

    convert_strong = convert_b

    def convert_em(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._inline("em", text, parent_tags)

    convert_i = convert_em

    def convert_mark(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._inline("mark", text, parent_tags)

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "_noformat" in parent_tags:
            return text
        href = str(el.get("href") or "")
        title = str(el.get("title") or "")
        prefix, text, suffix = _chomp(text)
        if not text:
            return prefix
        if not href:
            return prefix + text + suffix
        if text.replace("\\", "") == href and not title and _SCHEME_URL.match(href):
            return f"{prefix}<{href}>{suffix}"
        return f"{prefix}[{text}]({destination(href)}{title_part(title)}){suffix}"

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = self.escape(str(el.get("alt") or ""), parent_tags).replace("\n", " ")
        src = str(el.get("src") or "")
        return f"![{alt}]({destination(src)}{title_part(str(el.get('title') or ''))})"

    def convert_p(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return str(super().convert_p(el, trim_breaks(text), parent_tags))

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return str(super().convert_li(el, trim_breaks(text), parent_tags))

    def convert_div(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return str(super().convert_div(el, trim_breaks(text), parent_tags))

    def convert_blockquote(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return str(super().convert_blockquote(el, trim_breaks(text), parent_tags))

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "pre" in parent_tags or "_noformat" in parent_tags:
            return "\n"
        if "_inline" in parent_tags:
            return "<br>"
        return BREAK + "\n"

    def convert_table(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if tables.is_simple(el):
            return tables.to_gfm(el, self._cell_text)
        return self._emit(tables.to_html(self._sanitised(el)))

    def _cell_text(self, cell: Tag) -> str:
        inner = {"_inline", "td", "table"}
        return "".join(self.process_element(child, parent_tags=inner) for child in cell.children)

    def convert_iframe(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        html = self._sanitised(el, extra=("iframe",)).strip()
        return self._emit("\n\n" + html + "\n\n") if html else ""

    def _emit(self, block: str) -> str:
        self.emitted.append(block.strip("\n"))
        return block

    def _sanitised(self, el: Tag, extra: tuple[str, ...] = ()) -> str:
        from artlint.html.sanitize import clean

        return clean(serialise.html(el), self.allow.with_tags(extra))
