"""Turn a stream of start and end tags into HtmlElements: positions, attributes, pairing, problems.

The tokenizer (`html.tokenize`) feeds tags in document order; pairing follows HTML's rules for
void elements, optional end tags and the start tags that close an open paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from html import unescape

from artlint.html.vocabulary import CLOSES_P, OPTIONAL_END, VOID
from artlint.model.document import (
    Attribute,
    HtmlElement,
    HtmlProblem,
    LineIndex,
)

_ATTR = re.compile(
    r"""([^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
# A NamedTuple made from a tuple in C, without the Python-level __new__ its class generates:
# the attributes of a corpus run number in the hundreds of thousands.
_new = tuple.__new__
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")


class Builder:
    """Receives tags in document order (offsets into `source`) and pairs them."""

    def __init__(self, source: str, index: LineIndex, base: int = 0) -> None:
        self.source = source
        self.index = index
        self.base = base
        self.elements: list[HtmlElement] = []
        self.problems: list[HtmlProblem] = []
        self.stack: list[int] = []
        self.open_tags: list[str] = []  # the tags of `stack`, for a quick membership test

    def start(
        self, tag: str, start: int, end: int, self_closing: bool,
        found: Iterable[re.Match[str]] | None = None,
    ) -> None:
        """A start tag from offset `start` to `end`; `found`: its attributes, already matched in
        `source` with html.parser's attribute pattern (the same groups as _ATTR)."""
        open_tags = self.open_tags
        if open_tags and open_tags[-1] == "p" and tag in CLOSES_P:
            self._close_top(start)
        stack, starts = self.stack, self.index.starts
        line = bisect_right(starts, start) - 1
        base = self.base
        element = HtmlElement(
            tag,
            self._attributes(self.source[start:end], start) if found is None else self._matched(found, line),
            line + 1,
            start - starts[line] + 1,
            base + start,
            base + end,
            self_closing,
            None,
            None,
            stack[-1] if stack else None,
            len(stack),
        )
        elements = self.elements
        elements.append(element)
        if self_closing or tag in VOID:
            element.end = element.start_tag_end
        else:
            stack.append(len(elements) - 1)
            open_tags.append(tag)

    def _attributes(self, raw: str, start: int) -> list[Attribute]:
        found = _TAG_NAME.match(raw)
        pos = found.end() if found else len(raw)
        result: list[Attribute] = []
        while pos < len(raw):
            match = _ATTR.match(raw, pos)
            if not match or match.end() == pos:
                break
            attribute = self._attribute(match, start)
            if attribute is not None:
                result.append(attribute)
            pos = match.end()
        return result

    def _matched(self, found: Iterable[re.Match[str]], row: int) -> list[Attribute]:
        """`_attribute` of each match, written out: a Tistory article has thousands. `row`: the
        0-based line of the tag, where its attributes usually are."""
        attributes = []
        base, starts, length = self.base, self.index.starts, self.index.length
        row_start = starts[row]
        row_end = starts[row + 1] if row + 1 < len(starts) else length + 1
        for match in found:
            name, value_text = match.group(1, 3)
            name = name.lower()
            if name in ("/", ">"):
                continue
            at = match.start(1)
            a_start = base + at
            if value_text is None:
                value, v_start = None, base + match.end(1)
                a_end = v_end = v_start
            else:
                a_end = base + match.end(2)
                if value_text[:1] in ("'", '"'):
                    inner = value_text[1:-1]
                    v_start = base + match.start(3) + 1
                else:
                    inner = value_text
                    v_start = base + match.start(3)
                v_end = v_start + len(inner)
                value = unescape(inner) if "&" in inner else inner
            if row_start <= at < row_end and at <= length:
                line, column = row + 1, at - row_start + 1
            else:
                line, column = self.index.position(at)
            attributes.append(_new(Attribute, (name, value, line, column, a_start, a_end, v_start, v_end)))
        return attributes

    def _attribute(self, match: re.Match[str], offset: int) -> Attribute | None:
        """The attribute `match` found, `offset` being where the matched string starts in `source`."""
        name, equals, value_text = match.group(1, 2, 3)
        name = name.lower()
        if name in ("/", ">"):
            return None
        base = self.base + offset
        at = offset + match.start(1)
        a_start = self.base + at
        a_end = base + (match.end(2) if equals else match.end(1))
        if value_text is None:
            value, v_start, v_end = None, a_end, a_end
        else:
            quoted = value_text[:1] in ("'", '"')
            inner = value_text[1:-1] if quoted else value_text
            v_start = base + match.start(3) + (1 if quoted else 0)
            v_end = v_start + len(inner)
            value = unescape(inner) if "&" in inner else inner
        starts = self.index.starts
        if at <= 0 or at > self.index.length:  # out of the text: as LineIndex.position clamps it
            line, column = self.index.position(at)
        else:
            row = bisect_right(starts, at) - 1
            line, column = row + 1, at - starts[row] + 1
        return Attribute(name, value, line, column, a_start, a_end, v_start, v_end)

    def _close_top(self, at: int) -> None:
        element = self.elements[self.stack.pop()]
        self.open_tags.pop()
        element.end = self.base + at

    def end(self, tag: str, at: int) -> None:
        """An end tag `</tag ...>` starting at offset `at`."""
        if tag not in self.open_tags:
            if tag == "p":
                return  # "</p>" with no open p is an empty paragraph in HTML, not worth a finding
            line, column = self.index.position(at)
            self.problems.append(HtmlProblem("stray-end", tag, line, column, self.base + at))
            return
        while self.stack:
            element = self.elements[self.stack[-1]]
            if element.tag == tag:
                self.stack.pop()
                self.open_tags.pop()
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

    def finish(self) -> tuple[list[HtmlElement], list[HtmlProblem]]:
        for index in reversed(self.stack):
            element = self.elements[index]
            element.end = self.base + len(self.source)
            if element.tag not in OPTIONAL_END:
                self.problems.append(
                    HtmlProblem("unclosed", element.tag, element.line, element.column, element.start)
                )
        self.stack.clear()
        self.open_tags.clear()
        return self.elements, self.problems
