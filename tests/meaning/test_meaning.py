"""Meaning: what a reader sees, so that fixes and conversions can prove they changed nothing."""

from __future__ import annotations

import pytest

from artlint.meaning.model import (
    Meaning,
    differences,
    of_document,
    of_html,
    of_markdown,
)
from artlint.parsing.parse import parse

SAME = [
    pytest.param("Hello <b>world</b>.", "Hello **world**.", id="b-is-strong"),
    pytest.param("An <i>aside</i>.", "An *aside*.", id="i-is-em"),
    pytest.param(
        '<p data-ke-size="size16">Text <span style="color: #ee2323;">red</span></p>',
        "Text red",
        id="attributes-and-spans-do-not-show",
    ),
    pytest.param("one\n\n<p data-ke-size=\"size16\">&nbsp;</p>\n\ntwo", "one\n\ntwo", id="empty-spacer"),
    pytest.param("a&nbsp;&nbsp;b", "a b", id="nbsp-is-space"),
    pytest.param("- one\n- two", "- one\n\n- two", id="tight-or-loose-list"),
    pytest.param('[link](https://example.com/한글)', '<a href="https://example.com/한글">link</a>',
                 id="markdown-and-html-link"),
    pytest.param("![a cat](cat.png)", '<img src="cat.png" alt="a cat">', id="markdown-and-html-image"),
    pytest.param("text<script>var x = 1;</script>", "text<style>p {}</style>", id="script-and-style"),
    pytest.param("<b>&nbsp;</b>text", "text", id="empty-emphasis"),
    pytest.param("a<br>b", "a\nb", id="line-break-is-whitespace"),
    pytest.param("![x](http://a.example/i.png)", "![x](https://a.example/i.png)", id="https-upgrade"),
]


@pytest.mark.parametrize(("before", "after"), SAME)
def test_same_meaning(before: str, after: str) -> None:
    assert differences(of_markdown(before), of_markdown(after)) == []


DIFFERENT = [
    pytest.param("# Title\n\nteh cat", "# Title\n\nthe cat", "paragraph 1 text differs", id="typo"),
    pytest.param("## Title", "### Title", "heading h2 1 became a heading h3", id="heading-level"),
    pytest.param("[x](https://a.example)", "x", "link lost: https://a.example", id="link-lost"),
    pytest.param("[x](https://a.example)", "[y](https://a.example)", "link text differs", id="link-text"),
    pytest.param("![](a.png)", "", "image lost: a.png", id="image-lost"),
    pytest.param("![](https://a.example/i.png)", "![](http://a.example/i.png)", "image lost", id="downgrade"),
    pytest.param("[x](http://a.example)", "[x](https://b.example)", "link lost", id="other-host"),
    pytest.param("**x** y", "x y", "emphasis lost: strong 'x'", id="emphasis-lost"),
    pytest.param("x y", "*x* y", "emphasis added: em 'x'", id="emphasis-added"),
    pytest.param("one\n\ntwo", "one two", "paragraph", id="merged-paragraphs"),
    pytest.param("ab", "a b", "paragraph 1 text differs", id="whitespace-between-words"),
]


@pytest.mark.parametrize(("before", "after", "expected"), DIFFERENT)
def test_different_meaning_is_named(before: str, after: str, expected: str) -> None:
    found = differences(of_markdown(before), of_markdown(after))
    assert any(expected in line for line in found), found


def test_literal_asterisks_that_become_emphasis_are_not_a_difference() -> None:
    before = of_markdown('**"강조"**를 보자')
    assert before.emphasis == ()  # CommonMark leaves these asterisks as text
    after = of_markdown('<strong>"강조"</strong>를 보자')
    assert differences(before, after) == []


def test_literal_asterisks_removed_without_emphasis_are_a_difference() -> None:
    before = of_markdown('**"강조"**를 보자')
    after = of_markdown('"강조"를 보자')
    assert differences(before, after) != []


def test_emphasis_turned_back_into_asterisks_is_a_difference() -> None:
    found = differences(of_markdown("<strong>\"강조\"</strong>를"), of_markdown('**"강조"**를'))
    assert any("emphasis lost" in line for line in found)


def test_fields_read_from_html() -> None:
    meaning = of_html(
        "<h2>Head</h2><p>Go <a href='https://x.example/a%20b'>there</a> <strong>now</strong></p>"
        "<table><tr><td>cell</td></tr></table><img src='i.png' alt='pic'><ul><li>item</ul>"
    )
    assert meaning == Meaning(
        text="Head Go there now cell item",
        blocks=(("h2", "Head"), ("paragraph", "Go there now"), ("cell", "cell"), ("paragraph", ""),
                ("item", "item")),
        headings=((2, "Head"),),
        links=(("https://x.example/a b", "there"),),
        images=(("i.png", "pic"),),
        emphasis=(("strong", "now"),),
    )


def test_unclosed_paragraphs_close_like_a_browser_does() -> None:
    assert of_html("<p>one<p>two<div>three</div>").blocks == (
        ("paragraph", "one"), ("paragraph", "two"), ("paragraph", "three"),
    )


def test_document_meaning_ignores_front_matter() -> None:
    doc = parse("---\ntitle: Not shown\n---\nShown\n")
    assert of_document(doc).text == "Shown"


def test_code_block_text_is_visible() -> None:
    meaning = of_markdown("    <p>indented html</p>\n")
    assert meaning.blocks == (("code", "<p>indented html</p>"),)
