"""Find HTML elements in a Markdown body with exact positions, pairing start and end tags.

CommonMark renders code blocks, code spans, autolinks and escaped characters as text, so those
regions are blanked out (same length, newlines kept) before the body goes through html.parser:
offsets stay true and a `<b>` written inside backticks is never taken for a tag.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from artlint.document import Attribute, HtmlElement, HtmlProblem, LineIndex

if TYPE_CHECKING:
    from markdown_it.token import Token

VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# End tags HTML lets an author leave out; a missing one is not a problem.
OPTIONAL_END = frozenset("p li dt dd tr td th thead tbody tfoot option colgroup rt rp".split())
# Start tags that close an open <p> (HTML's "close a p element" rule).
CLOSES_P = frozenset(
    "address article aside blockquote details div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul".split()
)

_ATTR = re.compile(
    r"""([^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*>|<[^\s<>@]+@[^\s<>]+>")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_BACKTICKS = re.compile(r"`+")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _mask_inline(chars: list[str], text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    segment = text[start:end]
    for found in _ESCAPE.finditer(segment):
        _blank(chars, start + found.start(), start + found.end())
    runs = list(_BACKTICKS.finditer(segment))
    i = 0
    while i < len(runs):
        opener = runs[i]
        closer = next(
            (j for j in range(i + 1, len(runs)) if len(runs[j].group()) == len(opener.group())),
            None,
        )
        if closer is None:
            i += 1
            continue
        s, e = start + opener.start(), start + runs[closer].end()
        _blank(chars, s, e)
        spans.append((s, e))
        i = closer + 1
    for found in _AUTOLINK.finditer(segment):
        _blank(chars, start + found.start(), start + found.end())


def masked_text(
    text: str, body_offset: int, body_line: int, tokens: list[Token], index: LineIndex
) -> tuple[str, list[tuple[int, int]]]:
    """The file with front matter, code and autolinks blanked, and the offsets of the code."""
    chars = list(text)
    _blank(chars, 0, body_offset)
    code: list[tuple[int, int]] = []
    for token in tokens:
        if token.map is None:
            continue
        start = index.offset(body_line + token.map[0])
        end = index.offset(body_line + token.map[1])
        if token.type in ("code_block", "fence"):
            _blank(chars, start, end)
            code.append((start, end))
        elif token.type == "inline":
            _mask_inline(chars, text, start, end, code)
    return "".join(chars), code


class _Scanner(HTMLParser):
    def __init__(self, source: str, index: LineIndex, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.index = index
        self.base = base
        self.elements: list[HtmlElement] = []
        self.problems: list[HtmlProblem] = []
        self.stack: list[int] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.index.offset(line, col + 1)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._start(tag, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._start(tag, self_closing=True)

    def _start(self, tag: str, self_closing: bool) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if tag in CLOSES_P and self.stack and self.elements[self.stack[-1]].tag == "p":
            self._close_top(start)
        element = HtmlElement(
            tag=tag,
            attrs=self._attributes(raw, start),
            line=0,
            column=0,
            start=self.base + start,
            start_tag_end=self.base + start + len(raw),
            self_closing=self_closing,
            parent=self.stack[-1] if self.stack else None,
            depth=len(self.stack),
        )
        element.line, element.column = self.index.position(start)
        self.elements.append(element)
        if self_closing or tag in VOID:
            element.end = element.start_tag_end
        else:
            self.stack.append(len(self.elements) - 1)

    def _attributes(self, raw: str, start: int) -> list[Attribute]:
        found = _TAG_NAME.match(raw)
        pos = found.end() if found else len(raw)
        result: list[Attribute] = []
        while pos < len(raw):
            match = _ATTR.match(raw, pos)
            if not match or match.end() == pos:
                break
            name = match.group(1).lower()
            value_text = match.group(3)
            a_start = self.base + start + match.start(1)
            a_end = self.base + start + (match.end(2) if match.group(2) else match.end(1))
            if value_text is None:
                value, v_start, v_end = None, a_end, a_end
            else:
                quoted = value_text[:1] in ("'", '"')
                inner = value_text[1:-1] if quoted else value_text
                v_start = self.base + start + match.start(3) + (1 if quoted else 0)
                v_end = v_start + len(inner)
                value = unescape(inner)
            line, column = self.index.position(a_start - self.base)
            if name not in ("/", ">"):
                result.append(Attribute(name, value, line, column, a_start, a_end, v_start, v_end))
            pos = match.end()
        return result

    def _close_top(self, at: int) -> None:
        element = self.elements[self.stack.pop()]
        element.end = self.base + at

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        open_tags = [self.elements[i].tag for i in self.stack]
        if tag not in open_tags:
            if tag == "p":
                return  # "</p>" with no open p is an empty paragraph in HTML, not worth a finding
            line, column = self.index.position(at)
            self.problems.append(HtmlProblem("stray-end", tag, line, column, self.base + at))
            return
        while self.stack:
            element = self.elements[self.stack[-1]]
            if element.tag == tag:
                self.stack.pop()
                element.end_tag_start = self.base + at
                element.end = self.base + at + len(f"</{tag}>")
                closing = self.source.find(">", at)
                if closing >= 0:
                    element.end = self.base + closing + 1
                return
            if element.tag not in OPTIONAL_END:
                self.problems.append(
                    HtmlProblem(
                        "mismatched", element.tag, element.line, element.column,
                        element.start, f"closed by </{tag}>",
                    )
                )
            self._close_top(at)

    def finish(self) -> None:
        self.close()
        for index in reversed(self.stack):
            element = self.elements[index]
            element.end = self.base + len(self.source)
            if element.tag not in OPTIONAL_END:
                self.problems.append(
                    HtmlProblem("unclosed", element.tag, element.line, element.column, element.start)
                )
        self.stack.clear()


def scan(masked: str, index: LineIndex) -> tuple[list[HtmlElement], list[HtmlProblem]]:
    """Elements and tag-pairing problems of the masked file text."""
    scanner = _Scanner(masked, index, 0)
    scanner.feed(masked)
    scanner.finish()
    return scanner.elements, scanner.problems
