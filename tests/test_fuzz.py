"""Property-based: generated articles through parse -> check -> fix -> convert never crash.

Articles mix every front-matter kind (and broken ones), Markdown, Tistory-style HTML, broken
HTML and CJK text. For each: no rule crashes; a fix is idempotent and passes its own meaning
check; convert either verifies or refuses with a reason.

CI runs a bounded number of examples (fast). For a long run by hand:

    ARTLINT_FUZZ_EXAMPLES=5000 pytest -n 0 tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artlint.config.loading import Settings
from artlint.convert import pipeline
from artlint.convert.options import ConvertError, Options
from artlint.fix.loop import fix_text, verify
from artlint.lint import engine
from artlint.parsing.parse import parse
from artlint.text.files import decode_bytes

EXAMPLES = int(os.environ.get("ARTLINT_FUZZ_EXAMPLES", "40"))
settings.register_profile(
    "artlint", max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("artlint")

SETTINGS = Settings(root=Path.cwd(), select=("ALL",))

CJK = st.sampled_from(["한글", "본문", "제목", "가나다", "日本語", "中文", "テスト", "ㅋㅋ", "！", "。",
                       "「인용」"])
ASCII = st.sampled_from(["word", "a", "x_y", "*", "**", "_", "`", "\\", "&nbsp;", "&amp;", "<", ">", "#", "-",
                         "1.", "[", "]", "(", ")", "|", "~~", "http://example.com/a", " ", "  ", "\t"])
WORDS = st.lists(st.one_of(CJK, ASCII, st.text(max_size=3)), max_size=12).map(" ".join)

STYLE = st.sampled_from(["color: #ff0000;", "color: red", "font-size: 12pt", "background-color: #fff",
                         "text-align: center", "font-family: 'Nanum Gothic'", "color:", ";;", ""])
TAG = st.sampled_from(["p", "span", "b", "strong", "i", "em", "div", "u", "s", "a", "h2", "li", "ul",
                       "blockquote", "table", "td", "tr", "br", "img", "font", "figure", "iframe", "pre"])


@st.composite
def html(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(TAG)
    attrs = draw(st.lists(st.sampled_from([
        f'style="{draw(STYLE)}"', 'data-ke-size="size16"', 'class="tt_article_useless_p_margin"',
        'href="https://example.com/x"', 'href="javascript:alert(1)"', 'src="/img/a.png"', 'alt="그림"',
        'color="red"', 'align="center"', "disabled", 'id="x"',
    ]), max_size=3))
    inner = draw(st.lists(st.one_of(WORDS, html(depth + 1)) if depth < 3 else WORDS, max_size=3))
    start = f"<{tag}{''.join(' ' + a for a in attrs)}>"
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", f"</{tag}>", "", "</span>", "</div>"]))
    return start + "".join(inner) + close


BLOCKS = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"## {w}"),
    WORDS.map(lambda w: f"> {w}"),
    st.lists(WORDS, min_size=1, max_size=3).map(lambda ws: "\n".join(f"- {w}" for w in ws)),
    WORDS.map(lambda w: f"```\n{w}\n```"),
    WORDS.map(lambda w: f"    {w}"),
    WORDS.map(lambda w: f"**{w}**한글"),
    WORDS.map(lambda w: f"[{w}](https://example.com/{w.strip()[:5]})"),
    st.just("<p>&nbsp;</p>"),
    st.just('<p data-ke-size="size16">&nbsp;</p>'),
    html(),
    st.lists(html(), min_size=1, max_size=3).map("".join),
    st.text(max_size=20),
)

SCALAR = st.one_of(WORDS, st.integers(-5, 3000), st.booleans(), st.just("no"), st.just("2024-01-02"))


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["yaml", "toml", "json", "none", "broken"]))
    data = {"title": draw(SCALAR), "tags": draw(st.lists(WORDS, max_size=3)), "draft": draw(SCALAR)}
    if kind == "yaml":
        lines = [f"title: {data['title']}", "tags: [" + ", ".join(map(str, data["tags"])) + "]",
                 f"draft: {data['draft']}"]
        return "---\n" + "\n".join(draw(st.permutations(lines))) + "\n---\n"
    if kind == "toml":
        return f"+++\ntitle = {json.dumps(str(data['title']), ensure_ascii=False)}\n+++\n"
    if kind == "json":
        return json.dumps(data, ensure_ascii=False, default=str, indent=2) + "\n"
    if kind == "broken":
        return draw(st.sampled_from(["---\ntitle: x\n", "---\n\ttitle: [\n---\n", "+++\ntitle = \n+++\n",
                                     '{"title": \n', "---\na: &x [*x]\n---\n", "---\n: :\n---\n"]))
    return ""


@st.composite
def articles(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(BLOCKS, max_size=8))
    separator = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    text = draw(front_matter()) + separator.join(blocks) + draw(st.sampled_from(["\n", "", "\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


def _no_crash(diagnostics: list[object]) -> None:
    crashes = [d for d in diagnostics if getattr(d, "code", "") == engine.INTERNAL_CODE]
    assert not crashes, crashes


@given(articles())
def test_parse_and_check_never_crash(text: str) -> None:
    doc = parse(text, "post.md")
    _no_crash(list(engine.check_document(doc, SETTINGS)))


@given(articles(), st.booleans())
def test_fix_is_idempotent_and_keeps_the_meaning(text: str, unsafe: bool) -> None:
    style = decode_bytes(text.encode("utf-8"))
    result = fix_text(style, "post.md", SETTINGS, unsafe=unsafe)
    _no_crash(list(result.diagnostics))
    if result.changed:
        # What --fix writes must read as the original did.
        assert verify(result.original, result.document) == []
    again = fix_text(decode_bytes(result.output()), "post.md", SETTINGS, unsafe=unsafe)
    if not result.unsettled:
        assert again.text == result.text  # nothing left for a second --fix


@given(articles(), st.sampled_from(["markdown", "json", "blog"]))
def test_convert_verifies_or_refuses_with_a_reason(text: str, to: str) -> None:
    try:
        outcome = pipeline.convert(text, "post.md", to, Options())
    except ConvertError as exc:
        assert str(exc).strip()  # a refusal says why
        return
    if outcome.output is None:
        assert outcome.differences or outcome.unstable  # refused, and the reason is given
    else:
        assert outcome.verified
