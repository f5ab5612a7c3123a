"""The parsed article: built once by `parse.parse`, read by every rule, fixer and converter.

Positions are 1-based line and column counted in characters of the decoded file, so wide
(Korean, CJK) text never shifts a caret. Offsets are 0-based character offsets into `Document.text`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from markdown_it.token import Token

    from artlint.flavors import Flavor


class LineIndex:
    """Converts between character offsets and (line, column) in one text."""

    def __init__(self, text: str) -> None:
        starts = [0]
        i = text.find("\n")
        while i >= 0:  # str.find runs in C: far faster than a loop over every character
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        self.starts = starts
        self.length = len(text)

    # Both are called for every tag, attribute and finding: comparisons, not min() and max().
    def position(self, offset: int) -> tuple[int, int]:
        if offset > self.length:
            offset = self.length
        if offset < 0:
            offset = 0
        starts = self.starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        starts = self.starts
        if line > len(starts):
            return self.length
        found = starts[line - 1 if line > 1 else 0] + column - 1
        return found if found < self.length else self.length

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of the start of `line` and of its end (before the newline)."""
        start = self.offset(line)
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return start, end


class SyntaxProblem(NamedTuple):
    message: str
    line: int
    column: int


class FrontMatter:
    __slots__ = ("content_line", "data", "end_line", "error", "kind", "node", "raw", "start_line")

    def __init__(
        self, kind: str, raw: str, start_line: int, end_line: int, content_line: int,
        data: Any = None, error: SyntaxProblem | None = None, node: Any = None,
    ) -> None:
        self.kind = kind  # "yaml", "toml" or "json"
        self.raw = raw  # the text between the delimiters (for JSON: the whole object)
        self.start_line = start_line  # line of the opening delimiter
        self.end_line = end_line  # line of the closing delimiter
        self.content_line = content_line  # line of the first character of `raw`
        self.data = data  # parsed value, None when it does not parse
        self.error = error
        self.node = node  # yaml.Node tree for YAML, for positions and duplicate keys


class Attribute(NamedTuple):
    """One attribute of a start tag; a tuple, since a file's tags make many and they never change."""

    name: str  # lower-cased
    value: str | None  # entity-decoded; None for a bare attribute
    line: int
    column: int
    start: int  # offsets of the whole `name="value"` text
    end: int
    value_start: int  # offsets of the raw value inside the quotes (== end when bare)
    value_end: int


class HtmlElement:
    """A start tag found in an html_block or html_inline region, with its matching end tag.
    Slots: a Tistory article makes tens of thousands, and every rule reads their fields."""

    __slots__ = (
        "attrs", "column", "depth", "end", "end_tag_start", "line", "parent", "self_closing", "start",
        "start_tag_end", "tag",
    )

    def __init__(
        self, tag: str, attrs: list[Attribute], line: int, column: int, start: int, start_tag_end: int,
        self_closing: bool, end_tag_start: int | None = None, end: int | None = None,
        parent: int | None = None, depth: int = 0,
    ) -> None:
        self.tag = tag  # lower-cased
        self.attrs = attrs
        self.line = line
        self.column = column
        self.start = start  # offset of "<"
        self.start_tag_end = start_tag_end  # offset just past ">" of the start tag
        self.self_closing = self_closing
        self.end_tag_start = end_tag_start  # offset of "</tag>", when one closes it
        self.end = end  # offset past the end tag (or past the start tag for void elements)
        self.parent = parent  # index in Document.elements
        self.depth = depth

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _ELEMENT_FIELDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HtmlElement) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable: its end is set when the end tag comes

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _ELEMENT_FIELDS)
        return f"HtmlElement({shown})"

    def attr(self, name: str) -> Attribute | None:
        for attribute in self.attrs:
            if attribute.name == name:
                return attribute
        return None

    def get(self, name: str, default: str | None = None) -> str | None:
        found = self.attr(name)
        return default if found is None or found.value is None else found.value


# The fields in the order __init__ takes them, for equality and repr.
_ELEMENT_FIELDS = (
    "tag", "attrs", "line", "column", "start", "start_tag_end", "self_closing", "end_tag_start", "end",
    "parent", "depth",
)


class HtmlProblem(NamedTuple):
    """A tag problem seen while pairing tags (unclosed, stray end tag, mismatched)."""

    kind: str  # "unclosed", "stray-end", "mismatched"
    tag: str
    line: int
    column: int
    offset: int
    detail: str = ""


class Link(NamedTuple):
    url: str  # as written in the source (entity-decoded for HTML attributes)
    kind: str  # "markdown", "image", "reference", "definition", "autolink", "html", "front-matter"
    line: int
    column: int
    start: int  # offsets of the URL text in the file (start == end when not located exactly)
    end: int
    element: str | None = None  # "a", "img", "iframe", "source" ... for HTML links
    attribute: str | None = None  # "href", "src", "srcset" ... or the front-matter key
    text: str = ""  # link text or alt text, when known


class Directive(NamedTuple):
    action: str  # "disable", "enable", "disable-next-line", "disable-file"
    rules: tuple[str, ...]  # empty: every rule
    line: int


class Document:
    """Built in stages by `parse.parse`: the text and front matter first, then each part read from them."""

    __slots__ = (
        "body", "body_line", "body_offset", "bom", "code_spans", "directives", "elements", "encoding",
        "flavor", "front_matter", "html_problems", "limit_problems", "lines", "links", "newline",
        "opaque", "path", "site", "text", "tokens",
    )

    def __init__(
        self, path: str, text: str, lines: LineIndex, newline: str, bom: bool, encoding: str,
        front_matter: FrontMatter | None, body: str, body_offset: int, body_line: int,
    ) -> None:
        self.path = path
        self.text = text  # decoded, BOM removed, newlines as in the file
        self.lines = lines
        self.newline = newline  # "\n", "\r\n" or "\r": the file's dominant newline
        self.bom = bom
        self.encoding = encoding
        self.front_matter = front_matter
        self.body = body
        self.body_offset = body_offset  # offset of the body in `text`
        self.body_line = body_line  # line of the body's first line in the file
        self.tokens: list[Token] = []
        self.elements: list[HtmlElement] = []
        self.html_problems: list[HtmlProblem] = []
        self.links: list[Link] = []
        self.directives: list[Directive] = []
        # Offsets of the body text that CommonMark renders as code (fences, indented blocks, spans).
        self.code_spans: list[tuple[int, int]] = []
        # The engine model of the file's site (None: the CommonMark parser), and what the site is.
        self.flavor: Flavor | None = None
        self.site: Any = None  # artlint.site.Site, when one was detected or configured
        # Offsets of template syntax the engine never sees as text (Liquid, shortcodes, MDX, ...).
        self.opaque: list[tuple[int, int]] = []
        # Where the file goes over a setting of artlint.model.limits (too many attributes, too deep).
        self.limit_problems: list[SyntaxProblem] = []

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def source_line(self, line: int) -> str:
        start, end = self.lines.line_span(line)
        return self.text[start:end].rstrip("\r")

    def token_offsets(self, token: Token) -> tuple[int, int] | None:
        """Offsets in `text` of the lines a block token covers."""
        if token.map is None:
            return None
        first = self.body_line + token.map[0]
        last = self.body_line + token.map[1]
        return self.lines.offset(first), self.lines.offset(last)
