"""Each flavour model reads our fixture cases as the real engine does (goldens recorded by
scripts/record_flavor_goldens.py), and, where the engine is installed, still does live."""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from pathlib import Path

import pytest

from artlint import flavors
from artlint.flavors import GOLDMARK
from artlint.flavors.render import render
from artlint.meaning import model as meaning

HERE = Path(__file__).parents[1]
CASES = HERE / "fixtures" / "flavors" / "cases"
GOLDEN = HERE / "fixtures" / "flavors" / "golden"

MODELS = {
    "kramdown-gfm": flavors.kramdown("GFM"),
    "kramdown": flavors.kramdown("kramdown"),
    "kramdown-gfm-hard-wrap": flavors.kramdown("GFM").with_options(hard_wrap=True),
    "hugo": GOLDMARK,
    "hugo-unsafe": GOLDMARK.with_options(raw_html=True),
    "hugo-termid": GOLDMARK.with_options(definition_term_ids=True),
    "hugo-block": GOLDMARK.with_options(block_attributes=True),
    "gfm": flavors.GFM,  # cmark-gfm with github.com's extensions
}
# Classes each engine's footnote markup carries: machinery, not the author's styling.
_MACHINERY = ("footnote", "reversefootnote")


def _comparable(m: meaning.Meaning) -> meaning.Meaning:
    classes = tuple(c for c in m.classes if not c.startswith(_MACHINERY))
    # Footnote back-links: kramdown prints U+21A9, goldmark and markdown-it add U+FE0E after it.
    def plain(s: str) -> str:
        return s.replace("\ufe0e", "")
    return dataclasses.replace(
        m, text=plain(m.text), classes=classes,
        blocks=tuple((k, plain(t)) for k, t in m.blocks),
        links=tuple((h, plain(t)) for h, t in m.links),
    )


def _pairs() -> list[tuple[str, str]]:
    return [(case.stem, variant) for case in sorted(CASES.glob("*.md")) for variant in MODELS]


@pytest.mark.parametrize(("case", "variant"), _pairs())
def test_model_reads_as_the_engine_did(case: str, variant: str) -> None:
    golden = GOLDEN / f"{case}.{variant}.html"
    source = (CASES / f"{case}.md").read_text(encoding="utf-8")
    expected = _comparable(meaning.of_html(golden.read_text(encoding="utf-8")))
    got = _comparable(meaning.of_html(render(source, MODELS[variant])))
    assert meaning.differences(expected, got) == []
    assert got == expected


def test_every_case_has_a_golden_for_every_variant() -> None:
    missing = [f"{c}.{v}.html" for c, v in _pairs() if not (GOLDEN / f"{c}.{v}.html").is_file()]
    assert not missing


def test_kramdown_renders_korean_emphasis_that_commonmark_refuses() -> None:
    source = "이 문장은 **굵게(b)**은 괜찮습니다.\n"
    assert "<strong>굵게(b)</strong>" in render(source, flavors.KRAMDOWN)
    assert "<strong>" not in render(source, flavors.GFM)


def test_kramdown_prints_the_backslash_of_a_break_inside_raw_html() -> None:
    # Jekyll's kramdown (GFM input) breaks the line after `\` in Markdown text only; inside
    # <strong> the reader sees the backslash and no break.
    raw = "<strong><em>첫 줄입니다\\\n둘째 줄</em></strong>\n"
    assert "첫 줄입니다\\\n둘째" in render(raw, flavors.KRAMDOWN)
    assert "첫 줄입니다<br />" in render("**첫 줄입니다\\\n둘째 줄**\n", flavors.KRAMDOWN)
    assert "<br" not in render("첫 줄입니다\\\n둘째 줄\n", flavors.kramdown("kramdown"))
    assert "<br" in render("첫 줄입니다  \n둘째 줄\n", flavors.kramdown("kramdown"))


def test_a_liquid_filter_pipe_makes_no_kramdown_table() -> None:
    # Jekyll runs Liquid before kramdown, which never sees the `|` of a filter; a pipe of the
    # author's own on the same kind of line is a table row.
    html = render("See [the guide]({{ '/guide/' | relative_url }}) first.\n", flavors.KRAMDOWN)
    assert "<table>" not in html and "the guide</a>" in html
    assert "<td>" in render("See the guide | first.\n", flavors.KRAMDOWN)


def test_goldmark_without_unsafe_omits_raw_html() -> None:
    html = render("<div>\n<p>x</p>\n</div>\n\na <b>b</b>\n", GOLDMARK)
    assert "<div>" not in html and "<b>" not in html
    assert html.count("<!-- raw HTML omitted -->") == 3


def _recorder() -> object:
    spec = importlib.util.spec_from_file_location(
        "record_flavor_goldens", HERE.parent / "scripts" / "record_flavor_goldens.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(any(shutil.which(p) is None for p in ("ruby", "hugo", "cmark-gfm")),
                    reason="kramdown (ruby), hugo and cmark-gfm are not all installed")
def test_live_engines_agree_with_the_models() -> None:
    rendered = _recorder().render_all()  # type: ignore[attr-defined]
    problems = {}
    for name, html in rendered.items():
        case, variant = name.removesuffix(".html").split(".", 1)
        source = (CASES / f"{case}.md").read_text(encoding="utf-8")
        diff = meaning.differences(_comparable(meaning.of_html(html)),
                                   _comparable(meaning.of_html(render(source, MODELS[variant]))))
        if diff:
            problems[name] = diff
    assert problems == {}


def _heading_ids(html: str) -> list[str]:
    import re

    return re.findall(r'<h[1-6][^>]*\bid="([^"]*)"', html)


@pytest.mark.parametrize(("case", "variant"), _pairs())
def test_model_makes_the_engine_heading_ids(case: str, variant: str) -> None:
    golden = (GOLDEN / f"{case}.{variant}.html").read_text(encoding="utf-8")
    source = (CASES / f"{case}.md").read_text(encoding="utf-8")
    assert _heading_ids(render(source, MODELS[variant])) == _heading_ids(golden)


def test_goldmark_definition_terms_get_ids_with_auto_definition_term_id() -> None:
    # Hugo 0.118 and later (the recorded Hugo predates the setting): ids in the heading style.
    html = render("Apple pie\n: A dessert.\n\n## Apple pie\n", MODELS["hugo-termid"])
    assert '<dt id="apple-pie">' in html and '<h2 id="apple-pie-1">' in html
    assert "<dt>" in render("Apple pie\n: A dessert.\n", GOLDMARK)
