"""The converter's fast paths give exactly what the slow, generic code they replace gives.

Each is checked on hand-written HTML with the awkward cases, and on every article of the shared
corpus when it is here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup, Tag

from artlint.convert import (
    cleanup,
    residue,
    serialise,
    soup,
    tables,
    to_markdown,
)
from artlint.convert.mdwalk import MarkdownConverter
from artlint.convert.options import Options
from artlint.convert.readtree import TreeReader
from artlint.meaning.model import of_reader
from artlint.meaning.read import Reader, normalise
from tests.conftest import CORPUS, corpus_articles

AWKWARD = """
<table border="1" data-x='say "hi"' title="it's &amp; <b>"><tr><td nowrap>a &lt; b &amp; c</td>
<td colspan="2"><p>one</p><p>two</p></td></tr>
<tr><td><table><tr><td>inner</td></tr></table></td><td><br><img src="x.png" alt='a "q" b&#39;s'></td></tr>
<tbody><tr><th>head</th><td><ul><li>item</li></ul></td></tr></tbody></table>
<div><script>if (a < b && c) {}</script><style>p > a {}</style><!-- note --><p>x&nbsp;y</p></div>
<iframe src="https://example.com/v?a=1&b=2" title="v"></iframe><span></span><hr>
"""


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser", multi_valued_attributes=None)  # as conversion did


def _corpus_texts() -> Iterator[str]:
    for path in corpus_articles():
        yield path.read_text(encoding="utf-8-sig")


def _corpus_soups() -> Iterator[BeautifulSoup]:
    for text in _corpus_texts():
        yield _soup(text)


def _slow_rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _slow_inline(cell: Tag) -> bool:
    return cell.find(tables.BLOCKS) is None and len(cell.find_all(["p", "div"])) <= 1


def _assert_tables_read_alike(soup: BeautifulSoup) -> int:
    found = soup.find_all("table")
    for table in found:
        assert tables.rows(table) == _slow_rows(table)
        for row in tables.rows(table):
            assert tables.cells(row) == row.find_all(["td", "th"], recursive=False)
            for cell in tables.cells(row):
                assert tables._inline_cell(cell) == _slow_inline(cell)
        assert serialise.html(table) == str(table)
    return len(found)


def test_tables_read_alike_on_awkward_html() -> None:
    tree = _soup(AWKWARD)
    assert _assert_tables_read_alike(tree) == 2
    outer = tree.find("table")
    assert outer is not None and len(tables.rows(outer)) == 3  # the inner table's row is not its own
    assert not tables.is_simple(outer)


def test_serialised_html_is_bs4s_on_awkward_html() -> None:
    tree = _soup(AWKWARD)
    for tag in [tree, *tree.find_all(True)]:
        assert serialise.html(tag) == str(tag)


def test_tables_and_serialised_html_match_bs4_on_corpus() -> None:
    checked = 0
    for tree in _corpus_soups():
        checked += _assert_tables_read_alike(tree)
        for tag in tree.find_all(("iframe", "figure", "div", "pre", "p")):
            assert serialise.html(tag) == str(tag)
    assert checked > 0


@pytest.mark.parametrize(
    "text",
    ["", " ", "a  b", "\u00a0x\u00a0", "a\u200bb", "\ufeff x \u3000 y\n\t", "\x1c\x85a\u2028b",
     "한글 \u200b\u200b 끝"],
)
def test_normalise_is_the_regex_it_replaced(text: str) -> None:
    assert normalise(text) == re.sub(r"[\s\u00a0\u200b\ufeff]+", " ", text).strip()


def _same_tree(html: str) -> None:
    fast, slow = soup.parse(html), _soup(html)
    assert str(fast) == str(slow)
    assert [t.attrs for t in fast.find_all(True)] == [t.attrs for t in slow.find_all(True)]


def test_fast_parser_builds_the_stock_tree() -> None:
    _same_tree(AWKWARD)
    _same_tree("<p>one\n<b>two</p>\n<pre><code><p>x</p></code></pre><br/><img src=a>")


@pytest.mark.parametrize(
    "html",
    [
        "<p>a&nbsp;&nbsp;b</p>&nbsp;<p>&nbsp;</p>x&nbsp;",
        "<p title='a &nbsp; b' data-x=c&nbsp;d>e&nbsp;f</p><pre>&nbsp; x</pre>",
        '<a title="1>" c&nbsp;d=e>f&nbsp;<b>g</b></a>',  # a bracket in a value: not text after it
        "<p>x&nbsp;<!-- y > &nbsp; <z --></p>",
        "<div>a&nbsp;</div><script>if (a>b&nbsp;<c) {}</script><style>p>a&nbsp;<b {}</style>",
        "<p>a > b&nbsp;< c &nbspx&nbsp</p>",
    ],
)
def test_no_break_spaces_of_text_build_the_stock_tree(html: str) -> None:
    _same_tree(html)
    fast, slow = soup.parse(html), _soup(html)
    assert [repr(s) for s in fast.descendants] == [repr(s) for s in slow.descendants]


def test_fast_parser_builds_the_stock_tree_on_corpus() -> None:
    for text in _corpus_texts():
        _same_tree(text)


def test_named_tags_are_find_all_on_corpus() -> None:
    for tree in [_soup(AWKWARD), *_corpus_soups()]:
        assert cleanup._named(tree, ("p", "div")) == tree.find_all(("p", "div"))


def _slow_strip_residue(html: str, options: Options, dropped: dict[str, int]) -> str:
    """The two-pass version: every start tag searched, then substituted."""
    if options.spans == "text":
        for span in residue._SPAN_TAG.finditer(html):
            for attribute in residue._RESIDUE_ATTR.finditer(span.group()):
                name = attribute.group(1).lower()
                residue.count(dropped, "style attribute" if name == "style" else "editor attribute")
        html = residue._SPAN_TAG.sub("", html)

    def clean_tag(found: re.Match[str]) -> str:
        tag = found.group()
        if options.spans != "text" and tag[1:5].lower() == "span":
            return tag
        for attribute in residue._RESIDUE_ATTR.finditer(tag):
            name = attribute.group(1).lower()
            residue.count(dropped, "style attribute" if name == "style" else "editor attribute")
        return residue._RESIDUE_ATTR.sub("", tag)

    return re.sub(r"<[a-zA-Z][^<>]*>", clean_tag, html)


RESIDUE = """<p STYLE="color: red" data-ke-size="size16">a</p><p \u017ftyle="x">b</p>
<span style="color:#ee2323"><b Data-Id='1' title="style">c</b></span><img alt="데이터" data-src=x>
<figure data-ke-type="opengraph" data-og-url="https://example.com"><p>d</p></figure>"""


def test_colour_span_styles_are_counted_as_dropped() -> None:
    dropped: dict[str, int] = {}
    html = '<p>a <span style="color: #ee2323;">b</span> <span>c</span></p>'
    assert residue.strip_residue(html, Options(spans="text"), dropped) == "<p>a b c</p>"
    assert dropped == {"style attribute": 1}


@pytest.mark.parametrize("spans", ["text", "mark"])
def test_residue_stripping_matches_the_two_pass_version(spans: str) -> None:
    options = Options(spans=spans)
    for html in [RESIDUE, *(_corpus_texts() if CORPUS.is_dir() else [])]:
        fast: dict[str, int] = {}
        slow: dict[str, int] = {}
        assert residue.strip_residue(html, options, fast) == _slow_strip_residue(html, options, slow)
        assert fast == slow


BARE_TAGS = [
    ["a ", "<strong>", "b", "</strong>", " c", "<br />", "d", "<BR>", "<em>", "e", "</EM>", "<br/>"],
    ["<p>", "x", "<mark>", "y", "</mark>", "</p>", "<li>", "z", "<a href='u'>", "w", "</a>"],
    ["<script>", "<b>", "not bold", "</b>", "</script>", "<b>", "bold", "</b>", "</br/>", "< b>"],
    ["<style>p { }</style>", "<em>", "t", "</em>", "<sTyLe>", "<i>", "raw", "</i>", "</style>"],
]


@pytest.mark.parametrize("pieces", BARE_TAGS)
def test_bare_tags_read_as_html_parser_reads_them(pieces: list[str]) -> None:
    fast, slow = TreeReader(), TreeReader()
    slow.raw_text = True  # every piece through html.parser, as before the shortcut
    for piece in pieces:
        fast.html(piece)
        slow.html(piece)
    assert fast.meaning() == slow.meaning()
    assert fast.reader.classes == slow.reader.classes


def test_escape_shortcut_is_markdownifys_escape_on_corpus() -> None:
    converter = to_markdown._converter(Options(flavor="gfm"))
    texts = ["", "plain text", "a_b", "1. x", "x 1) y", "# h", "a - b", "[x]", "~", "가. 나", "3.14"]
    for html in _corpus_texts() if CORPUS.is_dir() else []:
        texts.extend(str(node) for node in _soup(html).find_all(string=True))
    for text in texts:
        assert converter.escape(text, set()) == str(MarkdownConverter.escape(converter, text, set()))


TEXT_EDGES = """<div>
  <p>  lead\tand  trail \n</p> <b> b </b>x<i>\u00a0</i> <pre>  kept  \n as is </pre>
<ul><li> one </li> <li>two</li></ul><span>a\r\nb</span><h2> head </h2>1. x <code> c  d </code></div>"""


def test_text_shortcut_is_markdownifys_text_on_corpus() -> None:
    converter = to_markdown._converter(Options(flavor="gfm"))
    contexts: list[set[str]] = [set(), {"pre"}, {"_noformat"}, {"_inline", "td"}]
    checked = 0
    for html in [TEXT_EDGES, *(_corpus_texts() if CORPUS.is_dir() else [])]:
        for node in _soup(html).find_all(string=True):
            for context in contexts:
                expected = MarkdownConverter.process_text(converter, node, parent_tags=context)
                assert converter.process_text(node, parent_tags=context) == expected
                checked += 1
    assert checked > 0


class _Recorder(Reader):
    """A meaning reader that also lists what it was handed, runs of text joined."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, attrs))
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", str(self.events[-1][1]) + data)
        else:
            self.events.append(("data", data))
        super().handle_data(data)


SERIALISED = [
    '<table>\n<tbody>\n<tr><td><a href="x&amp;y" title="a &quot;q&quot;">t &lt; u &nbsp; v</a></td></tr>',
    '<hr data-ke-style="style1" /><br/>x<p a="1" a="2">y</p><img src="a" alt="">\n',
    'a &amp b & <b>c</b>',
    '<iframe src="v"><b>x</b></iframe>',  # raw text to some html.parser versions
    '<title><b>t</b></title><textarea><i>u</i></textarea>',
    "<p>x<!-- y --></p><P>z</P><a href='q'>w</a><a href=u>v</a>",
    "<scripts>a</scripts><b>b</b>",
]


def _read_both(html: str) -> tuple[_Recorder, _Recorder]:
    fast, slow = TreeReader(), TreeReader()
    fast.reader, slow.reader = _Recorder(), _Recorder()
    slow.raw_text = True  # every piece through html.parser
    fast.html(html)
    slow.html(html)
    return fast.reader, slow.reader


def test_serialised_html_reads_as_html_parser_reads_it() -> None:
    converter = to_markdown._converter(Options(flavor="gfm"))
    emitted = [
        converter._sanitised(tag) for tree in (_corpus_soups() if CORPUS.is_dir() else [])
        for tag in tree.find_all(("table", "iframe"))
    ]
    assert TreeReader()._serialised(SERIALISED[0]) and TreeReader()._serialised(SERIALISED[1])
    for html in [*SERIALISED, *emitted]:
        fast, slow = _read_both(html)
        assert fast.events == slow.events
        assert of_reader(fast) == of_reader(slow)
