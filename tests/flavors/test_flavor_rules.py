"""Rules, fixes and link checks judged by the file's own site engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from artlint import flavors
from artlint import site as sites
from artlint.api import check_file
from artlint.config.loading import Settings
from artlint.fix.loop import fix_file, verify
from artlint.parsing.parse import parse


@pytest.fixture(autouse=True)
def _fresh() -> None:
    sites.clear_cache()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _jekyll(tmp_path: Path, body: str) -> Path:
    _write(tmp_path / "_config.yml", "markdown: kramdown\nkramdown:\n  input: GFM\n")
    return _write(tmp_path / "_posts" / "2024-01-01-a.md", f"---\ntitle: a\n---\n{body}")


def _codes(path: Path, *select: str) -> list[tuple[int, str]]:
    settings = Settings(root=path.parent, select=select)
    return [(d.line, d.code) for d in check_file(str(path), settings).diagnostics]


def test_ht117_is_silent_where_kramdown_renders_the_emphasis(tmp_path: Path) -> None:
    body = "이 문장은 **굵게(b)**은 괜찮습니다.\n\n그리고 __밑줄__은 아닙니다.\n"
    page = _jekyll(tmp_path / "jekyll", body)
    # kramdown: `**굵게(b)**은` is bold; `__밑줄__은` is not (an underscore closes before no letter).
    assert _codes(page, "HT117") == [(6, "HT117")]
    plain = _write(tmp_path / "plain" / "a.md", f"---\ntitle: a\n---\n{body}")
    assert _codes(plain, "HT117") == [(4, "HT117"), (6, "HT117")]


def test_fix_keeps_the_wrapper_an_attribute_list_applies_to(tmp_path: Path) -> None:
    text = "<span>위험 조항</span>{: .text-red-400 } 에 주의.\n"
    page = _jekyll(tmp_path, text)
    result = fix_file(str(page), Settings(root=tmp_path, select=("HT107",)))
    assert not result.changed
    assert page.read_text(encoding="utf-8").endswith(text)


def test_meaning_check_sees_a_detached_attribute_list(tmp_path: Path) -> None:
    before = parse("<span>위험</span>{: .text-red-400 }\n", "a.md", flavor=flavors.KRAMDOWN)
    after = parse("위험{: .text-red-400 }\n", "a.md", flavor=flavors.KRAMDOWN)
    problems = verify(before, after)
    assert "class lost: text-red-400" in problems
    assert any("text differs" in p for p in problems)


def test_hugo_without_unsafe_reports_each_dropped_block_once(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", 'title = "x"\n')
    body = ("<h2>제목</h2>\n\n<div>\n<p>a</p>\n<p>b</p>\n</div>\n\n"
            "Some <b>bold</b> and <i>it</i>.\n\n<!-- note -->\n\nPlain.\n")
    page = _write(tmp_path / "content" / "a.md", f"---\ntitle: a\n---\n{body}")
    assert _codes(page, "HT118") == [(4, "HT118"), (6, "HT118"), (11, "HT118")]
    (tmp_path / "hugo.toml").write_text("[markup.goldmark.renderer]\nunsafe = true\n", encoding="utf-8")
    sites.clear_cache()
    assert _codes(page, "HT118") == []


def test_literal_attribute_list_on_a_site_without_them(tmp_path: Path) -> None:
    body = "Careful!\n{: .warning}\n"
    assert _codes(_write(tmp_path / "plain" / "a.md", body), "HT119") == [(2, "HT119")]
    assert _codes(_jekyll(tmp_path / "jekyll", body), "HT119") == []


def test_template_syntax_is_never_reported_or_fixed(tmp_path: Path) -> None:
    body = '{{ "그리고 __밑줄__은" }}\n\n{% include note.html text="__밑줄__은" %}\n\n__밑줄__은\n'
    page = _jekyll(tmp_path, body)
    assert _codes(page, "HT117") == [(8, "HT117")]
    fix_file(str(page), Settings(root=tmp_path, select=("HT117",)))
    fixed = page.read_text(encoding="utf-8")
    assert '{{ "그리고 __밑줄__은" }}' in fixed and 'text="__밑줄__은" %}' in fixed
    assert "<strong>밑줄</strong>은" in fixed


def test_definition_term_ids_are_anchors_with_auto_definition_term_id(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", "[markup.goldmark.parser]\nautoDefinitionTermID = true\n")
    body = "Apple pie\n: A dessert.\n\nSee [the pie](#apple-pie).\n"
    page = _write(tmp_path / "content" / "a.md", f"---\ntitle: a\n---\n{body}")
    assert _codes(page, "LK002") == []
    (tmp_path / "hugo.toml").write_text('title = "x"\n', encoding="utf-8")
    sites.clear_cache()
    assert _codes(page, "LK002") == [(7, "LK002")]


def test_custom_heading_ids_and_auto_ids_off(tmp_path: Path) -> None:
    body = "## Setup {#install}\n\n## Usage\n\n[a](#install) [b](#usage)\n"
    page = _jekyll(tmp_path, body)
    assert _codes(page, "LK002") == []
    (tmp_path / "_config.yml").write_text("kramdown:\n  auto_ids: false\n", encoding="utf-8")
    sites.clear_cache()
    assert _codes(page, "LK002") == [(8, "LK002")]  # #usage: kramdown makes no id with auto_ids off


@pytest.mark.parametrize(
    ("config", "page", "asset"),
    [
        ("_config.yml", "_posts/2024-01-01-a.md", "assets/x.png"),
        ("hugo.toml", "content/posts/a.md", "static/x.png"),
        ("astro.config.mjs", "src/content/a.md", "public/x.png"),
    ],
)
def test_root_relative_links_resolve_against_the_detected_site(
    tmp_path: Path, config: str, page: str, asset: str
) -> None:
    _write(tmp_path / config, "title: x\n" if config.endswith("yml") else "\n")
    _write(tmp_path / asset, "png")
    name = "/" + asset.split("/", 1)[1] if not asset.startswith("assets") else "/" + asset
    post = _write(tmp_path / page, f"---\ntitle: a\nimage: {name}\n---\n![a]({name}) ![b](/missing.png)\n")
    assert _codes(post, "LK001") == [(5, "LK001")]


def test_footnotes_are_parsed_when_the_body_has_them() -> None:
    with_note = parse("A claim[^1].\n\n[^1]: The source.\n", "a.md", flavor=flavors.GFM)
    assert any(t.type == "footnote_block_open" for t in with_note.tokens)
    plain = parse("No notes [here].\n", "a.md", flavor=flavors.GFM)
    assert [t.type for t in plain.tokens] == ["paragraph_open", "inline", "paragraph_close"]


def test_site_root_from_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from artlint.config.loading import load

    _write(tmp_path / ".artlint.toml", '[site]\nroot = "www"\n')
    _write(tmp_path / "www" / "img" / "a.png", "png")
    post = _write(tmp_path / "posts" / "a.md", "---\ntitle: a\n---\n![a](/img/a.png) ![b](/img/b.png)\n")
    settings = load(tmp_path / ".artlint.toml").with_cli(select=("LK001",))
    assert [(d.line, d.code) for d in check_file(str(post), settings).diagnostics] == [(4, "LK001")]
