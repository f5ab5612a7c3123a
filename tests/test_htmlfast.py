"""The fast tag finder must give exactly the elements html.parser gives, or step aside."""

from __future__ import annotations

import random

import pytest
from conftest import corpus_articles

from artlint.html import fasttags as htmlfast
from artlint.html import scan as htmlscan
from artlint.html.pairing import Builder
from artlint.model.document import LineIndex
from artlint.parsing.parse import parse

CASES = [
    '<p data-ke-size="size16">&nbsp;</p>\n<b><span style="color: #ee2323;">Red</span></b>',
    '<table style="width: 100%;"><tbody><tr><td style="height: 17px;">a</td></tr></tbody></table>',
    "<div><p>one<p>two</div><br/><img src='a.png' alt=x>",
    '<a href="https://example.com/?a=1&amp;b=2" rel="dofollow">x</a> &copy; &#169; &#xA9;',
    "<span style=color:red>bare</span> <font color=#e5e5e5text-decoration:none>odd</font>",
    '<img src="x.png" height="NaN" onerror="this.src=\'y.png\'">',
    "a < b and c > d, 1<2, x </ y, <> and < p>",
    "<p>unclosed <b>bold <i>both</b></p></span></div>",
    "<div\nclass='multi\nline' data-x = 'y' >text</div >",
    '<a b="c"<d>e</a>',
    "<a title='x' / >z</a><br / ><hr/>",
    "<b>end of input <i",
    "<b>end of input <i class=",
    "<b>end tag without close </b",
    "<p>comment <!-- note --> after</p>",
    "<?php echo 1; ?><p>x</p>",
    "<!DOCTYPE html><p>x</p>",
    "<script>if (a < b) { x = '</p>'; }</script><p>y</p>",
    "<style>p > span { color: red }</style><span>z</span>",
    "</ p><p>x</p>",
    "&#x; then <b>bold</b> &#12a; then <i>it</i>",
    "trailing ampersand &",
    "trailing entity &amp",
    "nul \x00 <b>x</b>",
    "<SPAN STYLE='COLOR: RED'>caps</SPAN><Table><TR><td>1</TD></tr></TABLE>",
    "<a href=x>one</a><a href=y/>two</a>",
    "<p>한국어 <b>굵게</b> 텍스트</p>\r\n<div>crlf</div>\r\n",
]
ATOMS = ["<", ">", "/", "</", "/>", "<!--", "-->", "<?", "<!", "=", '"', "'", " ", "\n", "&", "&amp;",
         "&#12;", "&#x", ";", "p", "b", "span", "div", "td", "tr", "table", "br", "img", "script",
         "style", "a", "x", " style=", " class=", "color:red", "\x00", "한"]


def _both(text: str) -> tuple[object, object, bool]:
    index = LineIndex(text)
    builder = Builder(text, index)
    used_fast = htmlfast.find_tags(text, builder)
    fast = builder.finish() if used_fast else None
    reference = htmlscan.scan_with_html_parser(text, index)
    return fast, reference, used_fast


@pytest.mark.parametrize("text", CASES)
def test_constructed_cases_match_html_parser(text: str) -> None:
    fast, reference, used_fast = _both(text)
    if used_fast:
        assert fast == reference
    assert htmlscan.scan(text, LineIndex(text)) == reference


def test_random_markup_matches_html_parser() -> None:
    rng = random.Random(1234)
    fast_used = 0
    for _ in range(3000):
        text = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 40)))
        fast, reference, used_fast = _both(text)
        if used_fast:
            fast_used += 1
            assert fast == reference, repr(text)
    assert fast_used > 300


def test_ordinary_blog_html_takes_the_fast_path() -> None:
    if not htmlfast._AVAILABLE:
        pytest.skip(f"html.parser differs from the one modelled (fingerprint {htmlfast.fingerprint()})")
    for text in CASES[:6] + CASES[7:11]:
        assert _both(text)[2], text


def test_corpus_matches_html_parser() -> None:
    for path in corpus_articles():
        doc = parse(path.read_text(encoding="utf-8-sig", errors="replace").replace("\r", "\n"), str(path))
        masked, _ = htmlscan.masked_text(doc.text, doc.body_offset, doc.body_line, doc.tokens, doc.lines)
        assert (doc.elements, doc.html_problems) == htmlscan.scan_with_html_parser(masked, doc.lines), path
