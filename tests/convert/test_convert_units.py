"""The small parts of conversion: emphasis delimiters, sanitising, output paths, JSON input."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from artlint.config.loading import from_mapping
from artlint.convert import (
    emphasis,
    jsondoc,
    paths,
    pipeline,
)
from artlint.convert.options import ConvertError, Options
from artlint.html.sanitize import allowlist, clean
from artlint.meaning import model as meaning


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a \ue000b\ue001 c", "a **b** c"),
        ("이것은 \ue000중요.\ue001다음", "이것은 <strong>중요.</strong>다음"),
        ("\ue000\"인용\"\ue001이", "<strong>\"인용\"</strong>이"),
        ("x\ue002y\ue003z", "x*y*z"),
        ("\ue000\ue002both\ue003\ue001", "<strong><em>both</em></strong>"),
        ("\ue004marked\ue005", "<mark>marked</mark>"),
        ("stray \ue001 closer", "stray  closer"),
    ],
)
def test_emphasis_resolves_to_what_renders(text: str, expected: str) -> None:
    resolved = emphasis.resolve(text)
    assert resolved == expected
    rendered = meaning.of_markdown(resolved)
    for kind, open_mark in (("strong", "\ue000"), ("em", "\ue002")):
        assert sum(1 for k, _ in rendered.emphasis if k == kind) == text.count(open_mark)


def test_cjk_bold_always_renders_as_bold() -> None:
    html = '<p>정부는 <b>AI-반도체 이니셔티브.</b>를 <b>"발표"</b>했다.</p>\n'
    outcome = pipeline.convert(html, "a.md", "markdown", Options())
    assert outcome.differences == []
    assert outcome.output is not None
    strong = [t for k, t in meaning.of_markdown(outcome.output).emphasis if k == "strong"]
    assert strong == ["AI-반도체 이니셔티브.", '"발표"']


def test_sanitiser_allowlist_is_configurable() -> None:
    html = '<p onclick="x()">a <u>b</u> <script>evil()</script><a href="javascript:x">c</a></p>'
    assert clean(html) == "<p>a <u>b</u> <a>c</a></p>"
    assert clean(html, allowlist(tags=["p"])) == "<p>a b c</p>"
    kept = clean('<p title="t">x</p>', allowlist(attributes={"p": ["title"]}))
    assert kept == '<p title="t">x</p>'


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a/b.md", "a/b.md"), ("/abs/c.md", "abs/c.md"), ("./x/./y.md", "x/y.md"), ("C:\\w\\z.md", "w/z.md")],
)
def test_safe_relative_names(name: str, expected: str) -> None:
    assert paths.safe_relative(name).as_posix() == expected


@pytest.mark.parametrize("name", ["../a.md", "a/../../b.md", "..", ""])
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(ConvertError):
        paths.safe_relative(name)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "invalid JSON"),
        ("[]", "must be a JSON object"),
        ('{"version": 1}', "missing front_matter, body"),
        ('{"version": 9, "front_matter": null, "body": {"markdown": ""}}', "unsupported article version 9"),
    ],
)
def test_bad_json_input_says_why(text: str, message: str) -> None:
    with pytest.raises(ConvertError, match=message):
        jsondoc.loads(text, "a.json")


def test_hand_edited_json_body_is_caught() -> None:
    made = pipeline.convert("---\nt: 1\n---\n\nHello **world**\n", "a.md", "json", Options())
    assert made.output is not None and made.document is not None
    made.document["body"]["html"] = "<p>Hello planet</p>"
    import json

    outcome = pipeline.convert(json.dumps(made.document), "a.json", "markdown", Options())
    assert outcome.output is None
    assert any("body.html and body.markdown differ" in d for d in outcome.differences)


def test_bad_front_matter_names_the_position() -> None:
    with pytest.raises(ConvertError, match=r"a\.md:2:\d+: YAML"):
        pipeline.convert("---\ntitle: [x\n---\n\nbody\n", "a.md", "markdown", Options())


def test_options_come_from_the_convert_table(tmp_path: Path) -> None:
    table = from_mapping({"convert": {"spans": "mark", "tistory-markup": True}}, root=tmp_path).convert
    options = Options.from_settings(table, iframes="link")
    assert (options.spans, options.tistory_markup, options.iframes) == ("mark", True, "link")
    with pytest.raises(ValueError, match="spans must be one of"):
        Options.from_settings(table, spans="shout")  # a command-line value


def test_detection() -> None:
    assert pipeline.detect("# Title\n\ntext\n", "a.md") == "markdown"
    assert pipeline.detect("<p>x</p>\n", "a.md") == "blog"
    assert pipeline.detect("{}", "a.json") == "json"


def test_interrupted_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from artlint.text.files import write_bytes

    folder = tmp_path
    target = folder / "out.md"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes(target, b"text\n")
    assert list(folder.iterdir()) == []


def test_json_to_blog_is_markdown_to_blog() -> None:
    text = "---\ntitle: t\n---\n\n## 제목\n\n본문 **강조** 와 [링크](https://example.com)\n"
    as_json = pipeline.convert(text, "a.md", "json", Options())
    assert as_json.output is not None
    from_json = pipeline.convert(as_json.output, "a.json", "blog", Options(tistory_markup=True))
    direct = pipeline.convert(text, "a.md", "blog", Options(tistory_markup=True))
    assert from_json.output == direct.output
    assert from_json.output is not None and '<h2 data-ke-size="size26">제목</h2>' in from_json.output


def test_any_markdown_survives_json_byte_for_byte() -> None:
    text = "---\ntitle: x   \n---\nline with trailing spaces   \n<b>raw html</b>\n\n\n\n* item"
    as_json = pipeline.convert(text, "a.md", "json", Options(), source="markdown")
    assert as_json.output is not None
    assert pipeline.convert(as_json.output, "a.json", "markdown", Options()).output == text


def test_meaning_from_tokens_is_meaning_of_the_rendering() -> None:
    from artlint.convert.article import parse_body

    fixtures = Path(__file__).parents[1] / "fixtures" / "convert"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.rglob("*.md"))]
    texts.append("![*a* `b` <i>c</i>](x.png)\n\n- [ ] t\n\n| a |\n| - |\n| ~~b~~ |\n\n```js\nx\n```\n")
    assert len(texts) > 20
    for text in texts:
        # The token reader does not collect class names (Meaning.classes) yet.
        expected = dataclasses.replace(meaning.of_markdown(text), classes=())
        assert pipeline.meaning_of(parse_body(text)) == expected


@pytest.mark.parametrize(
    ("flavor", "written"),
    [("gfm", "a\\\nb\\\n\\\nc\n"), ("goldmark", "a\\\nb\\\n\\\nc\n"),
     ("kramdown", "a  \nb  \n&nbsp;  \nc\n"), ("portable", "a  \nb  \n&nbsp;  \nc\n")],
)
def test_line_breaks_are_written_in_a_form_the_engine_breaks_at(flavor: str, written: str) -> None:
    # kramdown shows the backslash of a CommonMark break (inside raw HTML, or with its own
    # parser); two spaces break the line in every engine.
    from artlint import flavors
    from artlint.flavors.render import render

    outcome = pipeline.convert("<p>a<br>b<br><br>c</p>\n", "a.md", "markdown", Options(flavor=flavor))
    assert outcome.output == written
    if flavor in ("kramdown", "portable"):
        for model in (flavors.KRAMDOWN, flavors.kramdown("kramdown"), flavors.GFM, flavors.GOLDMARK):
            html = render(written, model)
            assert html.count("<br") == 3 and "\\" not in html


def test_a_markdown_line_break_of_two_spaces_stays_two_spaces_for_kramdown() -> None:
    text = "Plain  \nline\n\n<p>x</p>\n"
    for flavor, written in (("kramdown", "Plain  \nline\n\nx\n"), ("gfm", "Plain\\\nline\n\nx\n")):
        assert pipeline.convert(text, "a.md", "markdown", Options(flavor=flavor)).output == written


def test_elements_markdown_cannot_write_are_counted_as_dropped() -> None:
    # A reader's view of the text is the same, so only the count tells the author what went.
    text = ("<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <small>fine print</small>, H<sub>2</sub>O,"
            " <u>underlined</u> and <span>plain</span> <b>bold</b>.</p>\n")
    outcome = pipeline.convert(text, "a.md", "markdown", Options())
    assert outcome.output == "Press `Ctrl`\\+`C`, fine print, H2O, underlined and plain **bold**.\n"
    assert outcome.dropped == {
        "<kbd> element (written as code)": 2, "<small> element (its text kept)": 1,
        "<sub> element (its text kept)": 1, "<u> element (its text kept)": 1,
    }


def test_elements_kept_as_html_are_not_counted() -> None:
    table = ("<table><tr><td colspan=\"2\"><small>note</small></td></tr>"
             "<tr><td>a</td><td>b</td></tr></table>\n")
    outcome = pipeline.convert(table, "a.md", "markdown", Options())
    assert outcome.output is not None and "<small>note</small>" in outcome.output
    assert outcome.dropped == {}


def test_an_id_a_link_of_the_page_points_to_is_kept() -> None:
    # Markdown has no id for a <div>: converted, the link would go nowhere.
    text = ('<p>See <a href="#the-warning">the warning</a> and <a href="#plain">the heading</a>.</p>\n\n'
            '<div class="note" id="the-warning">\n<p>Careful <b>here</b>.</p>\n</div>\n\n'
            '<div id="unlinked"><p>Nobody links here.</p></div>\n\n<h2 id="plain">Plain</h2>\n')
    forced = pipeline.convert(text, "a.md", "markdown", Options(flavor="kramdown"), force=True)
    assert forced.differences == ["anchor lost: #the-warning, the target of a link on the page"]
    outcome = pipeline.convert(text, "a.md", "markdown", Options(flavor="kramdown"))
    assert outcome.differences == []
    assert outcome.output == (
        "See [the warning](#the-warning) and [the heading](#plain).\n\n"
        '<div class="note" id="the-warning">\n<p>Careful <b>here</b>.</p>\n</div>\n\n'
        "Nobody links here.\n\n## Plain\n"  # kramdown gives the heading the id "plain"
    )


def test_a_line_break_after_a_backslash_breaks_under_goldmark() -> None:
    from artlint import flavors
    from artlint.flavors.render import render

    outcome = pipeline.convert("<p>C:\\<br>next</p>\n", "a.md", "markdown", Options(flavor="goldmark"))
    assert outcome.output == "C:\\\\  \nnext\n"  # `C:\\\` would show `C:\\` and no break
    assert render(outcome.output, flavors.GOLDMARK) == "<p>C:\\<br />\nnext</p>\n"
    assert render("C:\\\\\\\nnext\n", flavors.GOLDMARK) == "<p>C:\\\\\nnext</p>\n"
