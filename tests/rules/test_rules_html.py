"""HTML-in-Markdown rules (HT): safe fixes, the seed article and the whole corpus."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import corpus, corpus_articles
from rulecheck import check, fixed

from artlint.config.loading import Settings
from artlint.lint import engine
from artlint.model.document import LineIndex
from artlint.parsing.parse import markdown, parse, parse_bytes


def test_spacer_fix_leaves_single_blank_lines() -> None:
    text = (
        "# T\n\nOne.\n\n<p data-ke-size=\"size16\">&nbsp;</p>\n\n<p><br></p>\n\n<br>\n\n"
        "Two.\n\n<p>&nbsp;</p>\n"
    )
    assert fixed(text, "HT102") == "# T\n\nOne.\n\nTwo.\n"


def test_spacer_inside_a_block_goes_with_its_line_only() -> None:
    text = "<div>\n<p>Real</p>\n<p>&nbsp;</p>\n<p>More</p>\n</div>\n"
    assert fixed(text, "HT102") == "<div>\n<p>Real</p>\n<p>More</p>\n</div>\n"


def test_residue_fix_removes_attribute_and_its_space() -> None:
    text = '<p data-ke-size="size16">Text</p>\n\n<p class="MsoNormal note">Word</p>\n'
    assert fixed(text, "HT103") == '<p>Text</p>\n\n<p class="note">Word</p>\n'


def test_html_heading_becomes_markdown() -> None:
    text = "Intro.\n\n<h2 data-ke-size=\"size26\">한국의 AI 기술</h2>\n\nText.\n"
    assert fixed(text, "HT104") == "Intro.\n\n## 한국의 AI 기술\n\nText.\n"


def test_heading_levels_count_both_syntaxes() -> None:
    text = "## Two\n\n<h4>Four</h4>\n\n<h1>One</h1>\n\n# One again\n"
    assert [d.line for d in check(text, "HT105")] == [3]
    assert [d.line for d in check(text, "HT106")] == [7]


def test_heading_levels_pass_over_code_comments_turned_into_headings() -> None:
    # A `# comment` in code that an editor exported as <h1> inside <pre>: HT106 names it, and the
    # headings around it are compared with each other, not with it.
    text = ("## Setup\n\n<pre><h1>install it</h1>\nnpm i\n<h1>then run it</h1>\nnpm start</pre>\n\n"
            "### Steps\n\n##### Deep\n")
    assert [d.message for d in check(text, "HT105")] == ["heading level skips from h3 (line 8) to h5"]
    assert [d.line for d in check(text, "HT106")] == [5]


def test_rel_fix_drops_only_the_invalid_token() -> None:
    text = '<a href="/a" rel="dofollow">a</a> <a href="/b" rel="nofollow dofollow">b</a>\n'
    assert fixed(text, "HT108") == '<a href="/a">a</a> <a href="/b" rel="nofollow">b</a>\n'


def test_noopener_fix() -> None:
    text = '<a href="/a" target="_blank">a</a> <a href="/b" target="_blank" rel="nofollow">b</a>\n'
    assert fixed(text, "HT109") == (
        '<a href="/a" target="_blank" rel="noopener">a</a> '
        '<a href="/b" target="_blank" rel="nofollow noopener">b</a>\n'
    )


def test_redundant_wrappers_collapse_and_keep_blocks_whole() -> None:
    assert fixed("<b><span>Important</span></b><b></b> text\n", "HT107") == "<b>Important</b> text\n"
    # A wrapper on lines of its own goes with its lines: a blank line would end the HTML block.
    text = "<figure>\n    <span>\n        <img src=\"a.png\" alt=\"A\">\n    </span>\n</figure>\n"
    result = fixed(text, "HT107")
    assert result == "<figure>\n        <img src=\"a.png\" alt=\"A\">\n</figure>\n"
    assert [t.type for t in markdown().parse(result)] == ["html_block"]


def test_unrendered_emphasis_fix_renders_bold() -> None:
    text = "이번 글에서는 **탐욕 알고리즘(Greedy Algorithm)**을 살펴보겠습니다.\n"
    assert "**" in markdown().render(text)
    result = fixed(text, "HT117")
    assert result == "이번 글에서는 <strong>탐욕 알고리즘(Greedy Algorithm)</strong>을 살펴보겠습니다.\n"
    assert check(result, "HT117") == []


def test_emphasis_positions_survive_an_earlier_rendered_copy() -> None:
    # The first copy renders (a space follows it); only the second, before a letter, does not.
    text = '**"인용"** 그리고 **"인용"**이다\n'
    [finding] = check(text, "HT117")
    assert (finding.line, finding.column) == (1, 14)


def test_iframe_allowlist_is_configurable() -> None:
    text = '<iframe src="https://widgets.example.org/x" title="x"></iframe>\n'
    assert len(check(text, "HT113")) == 1
    assert check(text, "HT113", {"allowed_hosts": ["example.org"]}) == []


def test_text_that_only_looks_like_a_tag_is_not_html() -> None:
    text = "If a <b, c> d then $x<y$ holds and </span without a bracket.\n"
    for code in ("HT114", "HT107", "HT112"):
        assert check(text, code) == []


def _positions(text: str, pattern: str, group: int = 0) -> set[tuple[int, int]]:
    index = LineIndex(text)
    return {index.position(m.start(group)) for m in re.finditer(pattern, text)}


def test_seed_reports_every_tistory_artefact_at_its_own_position(seed_text: str) -> None:
    diagnostics = engine.check_document(
        parse(seed_text, "seed.md"), Settings(root=Path.cwd()).with_cli(select=("ST", "HT"))
    )
    found: dict[str, set[tuple[int, int]]] = {}
    for d in diagnostics:
        found.setdefault(d.code, set()).add((d.line, d.column))
    spacers = _positions(seed_text, r'<p data-ke-size="size16">&nbsp;</p>')
    assert spacers and found["HT102"] == spacers
    sizes = _positions(seed_text, r"data-ke-size=")
    assert len(sizes) > len(spacers) and found["HT103"] == sizes
    colours = _positions(seed_text, r'<span style="(color):', 1)
    assert colours and found["ST102"] == colours
    backgrounds = _positions(seed_text, r'<span style="(background-color):', 1)
    assert backgrounds and found["ST103"] == backgrounds
    assert found["HT108"] == _positions(seed_text, r'rel="(dofollow)"', 1)
    widths = _positions(seed_text, r'<table style="(width)', 1)
    heights = _positions(seed_text, r'<td style="text-align: center; (height)', 1)
    assert widths and found["ST101"] == widths | heights
    counts = {code: sum(d.code == code for d in diagnostics) for code in found}
    assert counts["ST102"] == len(colours) and counts["HT102"] == len(spacers)


def test_corpus_checks_without_crashes_and_with_sound_edits() -> None:
    settings = Settings(root=corpus()).with_cli(select=("ST", "HT"))
    problems = []
    for path in corpus_articles():
        doc = parse_bytes(path.read_bytes(), str(path))
        for d in engine.check_document(doc, settings):
            if d.code == engine.INTERNAL_CODE:
                problems.append(f"{path.name}: {d.message}")
            if d.fix is None:
                continue
            edits = sorted(d.fix.edits, key=lambda e: e.start)
            if not edits or any(not 0 <= e.start <= e.end <= len(doc.text) for e in edits):
                problems.append(f"{path.name}:{d.line}: {d.code} edit out of range")
            if any(a.end > b.start for a, b in itertools.pairwise(edits)):
                problems.append(f"{path.name}:{d.line}: {d.code} edits overlap")
    assert problems == []


def test_front_matter_title_can_count_as_the_h1() -> None:
    text = "---\ntitle: Post\n---\n\n# Body heading\n"
    assert check(text, "HT106") == []
    [finding] = check(text, "HT106", {"title_is_h1": True})
    assert finding.message == "another h1; the first is the front-matter title"


def test_an_h1_inside_pre_is_named_as_a_code_comment_turned_heading() -> None:
    # An editor export that made a listing's "# comment" lines headings: once as <h1>, and once
    # as a "#" line after a blank line, which ends the <div> block while the <pre> stays open.
    text = ('# Title\n\n<div class="code"><pre><code>docker ps -a\n<h1>remove stopped containers</h1>\n'
            "docker container prune\n\n# wait for the server\nsleep 1</code></pre></div>\n\n# Outside\n")
    messages = [(f.line, f.message) for f in check(text, "HT106")]
    inside = "another h1 inside <pre>, likely a code comment turned into a heading; the first is line 1"
    assert messages == [(4, inside), (7, inside), (10, "another h1; the first is line 1")]
    first_in_code = "<pre><code><h1>one</h1>\n<h1>two</h1></code></pre>\n"
    assert check(first_in_code, "HT106")[0].message.endswith("the first is line 1 (inside <pre> too)")


def test_rule_options_widen_or_narrow_what_is_reported() -> None:
    assert check("![](/a.png)\n", "HT110") == []
    assert len(check("![](/a.png)\n", "HT110", {"markdown_empty_alt": True})) == 1
    text = '<a href="/a" rel="dofollow">a</a>\n'
    assert check(text, "HT108", {"extra_link_types": ["dofollow"]}) == []
    assert check('<p data-x="1">a</p>\n', "HT103", {"attributes": ["data-x"]})[0].message == (
        'editor residue on <p>: data-x="1"'
    )


@pytest.mark.parametrize(
    "text",
    ["a\n\n<p>&nbsp;</p>", "a\n\n<br><br>", "a\n\n<br>\n", "a\r\n\r\n<p>&nbsp;</p>\r\n"],
    ids=["no-final-newline", "br-paragraph", "br-block", "crlf"],
)
def test_spacer_at_the_end_of_the_file(text: str) -> None:
    assert fixed(text, "HT102") == text[: text.index("\n") + 1]


def test_unclosed_element_names_the_code_block_that_holds_its_end_tag() -> None:
    text = '<div class="page">\n<p>Text</p>\n\n    </div>\n'
    [finding] = check(text, "HT114")
    assert (finding.line, finding.column) == (1, 1)
    assert finding.message == "<div> is never closed; its </div> is in the indented code block at line 4"


def test_code_block_hint_needs_the_same_end_tag() -> None:
    text = "<b>Bold\n\n    </br>\n"
    assert [d.message for d in check(text, "HT114")] == ["<b> is never closed"]
