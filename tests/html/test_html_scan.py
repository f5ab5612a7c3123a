"""In Markdown text a `<` is a tag only where the Markdown parser reads raw HTML."""

from __future__ import annotations

from artlint.api import check_text
from artlint.config.loading import Settings
from artlint.flavors import KRAMDOWN
from artlint.parsing.parse import parse


def codes(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in check_text(text, "a.md", Settings()) if d.code.startswith(("HT", "LK"))]


def test_text_that_only_looks_like_a_tag_is_text() -> None:
    # The page shows `松<U+9DBB>_` as written: no element, nothing left unclosed.
    text = "송골매(松<U+9DBB>_)는 <b>새</b>입니다.\n"
    assert [e.tag for e in parse(text, "a.md").elements] == ["b"]
    assert codes(text) == []


def test_a_stray_angle_in_a_table_does_not_swallow_the_tags_after_it() -> None:
    text = (
        "## Growth\n\n| a | b |\n| --- | --- |\n| $f<g$ | x |\n\n"
        "Some text.\n\n"
        '<a href="#nowhere"><img src="https://example.com/chart.png" alt="chart"/></a>\n'
    )
    elements = parse(text, "a.md").elements
    assert [(e.tag, e.line) for e in elements] == [("a", 9), ("img", 9)]
    # The link is read, so its missing anchor is reported, and nothing is mispaired.
    assert codes(text) == [(9, "LK002")]


def test_raw_html_of_each_table_cell_is_kept() -> None:
    text = "| a | b |\n| --- | --- |\n| <b>x</b> 1<2 | y <i>z</i> |\n"
    assert [e.tag for e in parse(text, "a.md").elements] == ["b", "i"]


def test_tags_in_html_blocks_are_read_as_a_browser_reads_them() -> None:
    # Inside an HTML block the browser tokenizes: a tag name may hold any character.
    text = "<div>\n<x+y>inner</x+y>\n</div>\n"
    assert [e.tag for e in parse(text, "a.md").elements] == ["div", "x+y"]


def test_kramdown_reads_html_blocks_itself() -> None:
    # kramdown writes `松&lt;U+9DBB&gt;_` inside an HTML block; a browser given the raw HTML
    # (GFM passes it through) reads <u+9dbb> as an element that </p> closes.
    text = '<p class="message">\n송골매(松<U+9DBB>_), <b>새</b>\n</p>\n'
    kramdown = [(d.line, d.code) for d in check_text(text, "a.md", Settings(flavor="kramdown"))]
    assert kramdown == []
    assert [e.tag for e in parse(text, "a.md", flavor=KRAMDOWN).elements] == ["p", "b"]
    assert (2, "HT114") in codes(text)
