"""Tags are found as the HTML standard tokenizes them, identically on every supported Python."""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest
from conftest import corpus_articles

from artlint.html import scan as htmlscan
from artlint.html.pairing import Builder
from artlint.model.document import HtmlElement, HtmlProblem, LineIndex
from artlint.parsing.parse import parse


class _Reference(HTMLParser):
    """html.parser feeding the same builder: an independent reader of ordinary markup."""

    def __init__(self, builder: Builder, index: LineIndex) -> None:
        super().__init__(convert_charrefs=False)
        self.builder, self.index = builder, index

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.index.offset(line, col + 1)

    def _start(self, tag: str, self_closing: bool) -> None:
        at = self._offset()
        self.builder.start(tag, at, at + len(self.get_starttag_text() or ""), self_closing)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._start(tag, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._start(tag, self_closing=True)

    def handle_endtag(self, tag: str) -> None:
        self.builder.end(tag, self._offset())


def _reference(text: str) -> tuple[list[HtmlElement], list[HtmlProblem]]:
    index = LineIndex(text)
    builder = Builder(text, index)
    reader = _Reference(builder, index)
    reader.feed(text)
    reader.close()
    return builder.finish()


def _scan(text: str) -> tuple[list[HtmlElement], list[HtmlProblem]]:
    return htmlscan.scan(text, LineIndex(text))


ORDINARY = [
    '<p data-ke-size="size16">&nbsp;</p>\n<b><span style="color: #ee2323;">Red</span></b>',
    '<table style="width: 100%;"><tbody><tr><td style="height: 17px;">a</td></tr></tbody></table>',
    "<div><p>one<p>two</div><br/><img src='a.png' alt=x>",
    '<a href="https://example.com/?a=1&amp;b=2" rel="dofollow">x</a> &copy; &#169; &#xA9;',
    "<span style=color:red>bare</span>",
    '<img src="x.png" height="NaN" onerror="this.src=\'y.png\'">',
    "a < b and c > d, 1<2, and <> too",
    "<p>unclosed <b>bold <i>both</b></p></span></div>",
    "<div\nclass='multi\nline' data-x = 'y' >text</div >",
    "<a title='x' / >z</a><br / ><hr/>",
    "<p>comment <!-- <b>not a tag</b> --> after</p>",
    "<!DOCTYPE html><p>x</p>",
    "<script>if (a < b) { x = '</p>'; }</script><p>y</p>",
    "<style>p > span { color: red }</style><span>z</span>",
    "<SPAN STYLE='COLOR: RED'>caps</SPAN><Table><TR><td>1</TD></tr></TABLE>",
    "<p>한국어 <b>굵게</b> 텍스트</p>\r\n<div>crlf</div>\r\n",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_markup_reads_as_html_parser_reads_it(text: str) -> None:
    assert _scan(text) == _reference(text)


def test_quoted_attribute_values_may_hold_angle_brackets() -> None:
    elements, _ = _scan('<a title="1 > 0" href=x>link</a><b>b</b>')
    assert [e.tag for e in elements] == ["a", "b"]
    assert elements[0].attrs[0].value == "1 > 0"


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("<textarea><b>typed</b></textarea><i>i</i>", ["textarea", "i"]),
        ("<title><span>x</span></title>", ["title"]),
        ("<!--> <b>after an empty comment</b>", ["b"]),
        ("<!-- a --!> <b>b</b>", ["b"]),
        ("</ p><b>bogus end tag</b>", ["b"]),
        ("<?xml version='1.0'?><b>b</b>", ["b"]),
        ("<![CDATA[ x ]]><b>b</b>", ["b"]),
        ("<b>the input ends inside a tag <i class=", ["b"]),
        ("<b>and inside an end tag </b", ["b"]),
        ("<p>x <!-- never closed <b>", ["p"]),
    ],
)
def test_the_standards_tokenization(text: str, tags: list[str]) -> None:
    assert [e.tag for e in _scan(text)[0]] == tags


def test_positions_are_exact_and_ordered() -> None:
    text = "글 <b>굵게</b>\n<span\n  style='x'>y</span>"
    elements, _ = _scan(text)
    b, span = elements
    assert (b.line, b.column) == (1, 3) and text[b.start : b.start_tag_end] == "<b>"
    assert (span.line, span.column) == (2, 1)
    assert span.attrs[0].line == 3 and text[span.attrs[0].value_start : span.attrs[0].value_end] == "x"


ATOMS = ["<", ">", "/", "</", "/>", "<!--", "-->", "<?", "<!", "=", '"', "'", " ", "\n", "&", "&amp;",
         "p", "b", "span", "div", "td", "script", "style", "textarea", " style=", " class=", "\x00", "한"]


def test_random_markup_gives_well_formed_elements() -> None:
    rng = random.Random(1234)
    for _ in range(3000):
        text = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 40)))
        elements, _ = _scan(text)
        starts = [e.start for e in elements]
        assert starts == sorted(starts), repr(text)
        for element in elements:
            assert text[element.start] == "<" and text[element.start_tag_end - 1] == ">", repr(text)
            assert element.start < element.start_tag_end <= element.end <= len(text), repr(text)
            assert text[element.start + 1 :].lower().startswith(element.tag), repr(text)


def test_corpus_reads_as_html_parser_reads_it() -> None:
    for path in corpus_articles():
        doc = parse(path.read_text(encoding="utf-8-sig", errors="replace").replace("\r", "\n"), str(path))
        masked, _ = htmlscan.masked_text(doc.text, doc.body_offset, doc.body_line, doc.tokens, doc.lines)
        assert (doc.elements, doc.html_problems) == _reference(masked), path
