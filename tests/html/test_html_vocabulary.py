"""One HTML vocabulary: the tag scanner, the Meaning reader, the rules and the converter agree.

They used to hold their own copies. The scanner's list of start tags that close an open <p>
lacked <center>, <li>, <dd>, <dt> and more, so an element after `<p>text<center>` was taken to
sit inside the paragraph and inherit its colours; the converter stripped iframe sizes the
sanitiser meant to keep; the spacer rule and the converter disagreed on what a spacer is.
"""

from __future__ import annotations

import pytest

from artlint.config.loading import Settings
from artlint.convert import pipeline
from artlint.convert.options import Options
from artlint.html.sanitize import allowlist, clean
from artlint.html.vocabulary import CLOSES_P, KEPT_ATTRIBUTES, VOID
from artlint.lint.engine import check_document
from artlint.meaning import model as meaning
from artlint.parsing.parse import parse

# Elements html.parser reads as text or as something else entirely: not a fair round trip.
_SPECIAL = {"plaintext", "xmp", "listing", "table"}


def _codes(text: str, code: str) -> list[str]:
    settings = Settings(schema=False).with_cli(select=(code,))
    return [f"{d.line}:{d.column} {d.code}" for d in check_document(parse(text, "post.md"), settings)]


def test_a_centred_block_after_an_open_paragraph_does_not_inherit_its_background() -> None:
    # A browser closes the <p> at <center>: the grey text sits on the white page, readable.
    text = (
        '<p style="background-color: #111111; color: #eeeeee">야간 모드 안내'
        '<center><span style="color: #555555">가운데 정렬된 글</span></center></p>\n'
    )
    assert _codes(text, "ST105") == []
    # Inside the dark paragraph the same grey would be hard to read, and is reported.
    inside = text.replace("<center>", "<b>").replace("</center>", "</b>")
    assert _codes(inside, "ST105") == ["1:78 ST105"]


@pytest.mark.parametrize("tag", sorted(CLOSES_P - VOID - _SPECIAL))
def test_scanner_and_reader_both_close_the_paragraph(tag: str) -> None:
    html = f"<p>before<{tag}>inside</{tag}>"
    doc = parse(html + "\n", "post.md")
    p, inner = doc.elements[0], doc.elements[1]
    assert inner.tag == tag and inner.parent is None
    assert p.end == html.index(f"<{tag}>", len("<p>"))
    texts = [text for _, text in meaning.of_html(html).blocks]
    assert "before" in texts and "before inside" not in texts


def test_converted_html_keeps_what_the_sanitiser_keeps() -> None:
    blog = (
        "<p>영상과 표</p>\n"
        '<iframe src="https://video.example.com/embed/1" width="640" height="360" '
        'allowfullscreen="true" title="데모" data-ke-type="video"></iframe>\n'
    )
    out = pipeline.convert(blog, "post.html", "markdown", Options()).output
    assert out is not None
    iframe = out[out.index("<iframe") : out.index("</iframe>")]
    kept = {name.split("=")[0] for name in iframe.split()[1:]}
    assert kept == set(KEPT_ATTRIBUTES["iframe"])
    assert clean(blog, allowlist((), {}).with_tags(("iframe",))).count('width="640"') == 1


SPACERS = [
    ("<p>&nbsp;</p>", True),
    ('<p data-ke-size="size16">&nbsp;</p>', True),
    ("<p><br></p>", True),
    ("<p><span>&nbsp;</span></p>", True),
    ("<p><b>&nbsp;</b><br></p>", True),
    ("<p>&nbsp;\u200b</p>", True),  # a zero-width space shows nothing either
    ("<p>&nbsp;쉼</p>", False),
    ('<p><img src="a.png" alt="">&nbsp;</p>', False),
    ('<p><a href="x">&nbsp;</a></p>', False),
]


@pytest.mark.parametrize(("html", "spacer"), SPACERS, ids=[h for h, _ in SPACERS])
def test_rule_and_converter_agree_on_spacers(html: str, spacer: bool) -> None:
    text = f"<p>위</p>\n{html}\n<p>아래</p>\n"
    flagged = any(line.startswith("2:") for line in _codes(text, "HT102"))
    outcome = pipeline.convert(text, "post.html", "markdown", Options())
    assert flagged == spacer
    assert ("spacer paragraph" in outcome.dropped) == spacer
