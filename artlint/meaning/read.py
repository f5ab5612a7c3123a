"""Read rendered HTML the way a reader sees it: text in blocks, links, images, emphasis.

Browsers forgive unclosed tags; so does this reader, closing <p>, <li> and cells implicitly as
HTML does, so that the same article written two ways reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote

from artlint.html.vocabulary import BLOCK, CLOSES_P, HIDDEN, RESIDUE_CLASS_PREFIXES, VOID

_KINDS = {"p": "paragraph", "li": "item", "dt": "item", "dd": "item", "td": "cell", "th": "cell",
          "blockquote": "blockquote", "pre": "code"} | {f"h{n}": f"h{n}" for n in range(1, 7)}
# A paragraph inside these takes their kind: a loose list item is still an item.
_CONTAINERS = {"li", "dt", "dd", "td", "th", "blockquote"}
_BREAKS = BLOCK
_AUTO_CLOSE = {
    "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
    "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"},
}
_STARTS_BLOCK = frozenset(_BREAKS | _KINDS.keys())
# What each start tag closes implicitly (HTML's optional end tags).
_CLOSES: dict[str, frozenset[str]] = {
    tag: frozenset(_AUTO_CLOSE.get(tag, set()) | ({"p"} if tag in CLOSES_P else set()))
    for tag in _STARTS_BLOCK
}
# Classes that carry no styling a reader sees: code highlighters' (the highlighter redoes them)
# and word processors' residue.
_UNSTYLED_CLASSES = ("language-", "highlight", "highlighter-", *RESIDUE_CLASS_PREFIXES)
_EMPHASIS = {"strong": "strong", "b": "strong", "em": "em", "i": "em"}


def normalise(text: str) -> str:
    # &nbsp; and zero-width spaces show as (at most) a space. str.split() splits at every
    # character the regex class \s matches, &nbsp; included; zero-width ones it keeps.
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(text.split())


@dataclass(slots=True)
class Block:
    kind: str
    parts: list[str] = field(default_factory=list)
    image: bool = False


@dataclass(slots=True)
class Capture:
    kind: str  # "strong", "em" or a link href
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Frame:
    tag: str
    block: Block | None = None
    capture: Capture | None = None
    # Where text went before this element opened, restored when it closes (with any inside it):
    # the innermost block open then, and how many captures were open.
    outer: Block | None = None
    captures: int = 0


class Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Frame] = []
        self.blocks: list[Block] = []
        # Text outside any block (directly in a <div>) reads as a paragraph.
        self.anonymous: Block | None = None
        self.text: list[str] = []
        self.links: list[Capture] = []
        self.emphasis: list[Capture] = []
        self.images: list[tuple[str, str]] = []
        self.classes: list[str] = []  # every class of every element, in order
        self.hidden = 0
        # The innermost open block and the open captures (links, emphasis), outermost first:
        # the stack read once per element rather than once per piece of text.
        self.block: Block | None = None
        self.captures: list[Capture] = []

    def updatepos(self, i: int, j: int) -> int:
        # Line and column tracking (getpos) is not needed here and costs a count per piece parsed.
        return j

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STARTS_BLOCK:
            self._break()
            self._auto_close(tag)
        for name, value in attrs:
            if name == "class" and value and not self._in_code(tag):
                self.classes.extend(c for c in value.split() if not c.startswith(_UNSTYLED_CLASSES))
        if tag == "br":
            self.handle_data(" ")
        elif tag == "img":
            values = dict(attrs)
            self.images.append((_url(values.get("src")), normalise(values.get("alt") or "")))
            self._current().image = True
        if tag in VOID:
            return
        frame = Frame(tag, None, None, self.block, len(self.captures))
        if tag in _KINDS:
            frame.block = self.block = Block(self._kind(tag))
            self.blocks.append(frame.block)
        elif tag in _EMPHASIS:
            frame.capture = Capture(_EMPHASIS[tag])
            self.emphasis.append(frame.capture)
        elif tag == "a" and dict(attrs).get("href") is not None:
            frame.capture = Capture(_url(dict(attrs).get("href")))
            self.links.append(frame.capture)
        if frame.capture is not None:
            self.captures.append(frame.capture)
        self.hidden += tag in HIDDEN
        self.stack.append(frame)

    def _in_code(self, tag: str) -> bool:
        # Syntax highlighting (Rouge, Prism, highlight.js) is the engine's, not the author's styling.
        return tag in ("pre", "code") or any(frame.tag in ("pre", "code") for frame in self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in _STARTS_BLOCK:
            self._break()
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].tag == tag:
                self._pop(i)
                return

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.text.append(data)
        (self.block or self._current()).parts.append(data)
        for capture in self.captures:
            capture.parts.append(data)

    def _break(self) -> None:
        # Blocks never run together: "</p><p>" reads as a space in the visible text.
        self.anonymous = None
        self.text.append(" ")

    def _current(self) -> Block:
        if self.block is not None:
            return self.block
        if self.anonymous is None:
            self.anonymous = Block("paragraph")
            self.blocks.append(self.anonymous)
        return self.anonymous

    def _kind(self, tag: str) -> str:
        if tag == "p":
            for frame in reversed(self.stack):
                if frame.tag in _CONTAINERS:
                    return _KINDS[frame.tag]
        return _KINDS[tag]

    def _auto_close(self, tag: str) -> None:
        closes = _CLOSES[tag]
        if not closes:
            return
        while True:
            for i in range(len(self.stack) - 1, -1, -1):
                name = self.stack[i].tag
                if name in closes:
                    self._pop(i)
                    break
                if name in _BREAKS or name in ("ul", "ol", "table"):
                    return
            else:
                return

    def _pop(self, index: int) -> None:
        stack = self.stack
        if self.hidden:  # else no open element hides its text, and none closing does
            for frame in stack[index:]:
                self.hidden -= frame.tag in HIDDEN
        closed = stack[index]
        self.block = closed.outer
        del self.captures[closed.captures :]
        del stack[index:]

    def visible_text(self) -> str:
        return normalise("".join(self.text))

    def finished_blocks(self) -> tuple[tuple[str, str], ...]:
        out = []
        for block in self.blocks:
            text = normalise("".join(block.parts))
            if text or block.image:
                out.append((block.kind, text))
        return tuple(out)

    def finished_links(self) -> tuple[tuple[str, str], ...]:
        return tuple((c.kind, normalise("".join(c.parts))) for c in self.links)

    def finished_emphasis(self) -> tuple[tuple[str, str], ...]:
        # Emphasis around nothing visible (`<b>&nbsp;</b>`) shows nothing; dropping it is fine.
        found = ((c.kind, normalise("".join(c.parts))) for c in self.emphasis)
        return tuple(item for item in found if item[1])


def _url(value: str | None) -> str:
    # Markdown links come out percent-encoded, raw HTML ones as written: compare them decoded.
    return unquote((value or "").strip())
