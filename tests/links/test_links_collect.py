"""What counts as a link, and where each one is reported."""

from __future__ import annotations

from pathlib import Path

from artlint.api import check_file
from artlint.config.loading import Settings, from_mapping
from artlint.links.collect import all_links
from artlint.parsing.parse import parse


def findings(tmp_path: Path, text: str, links: dict[str, object] | None = None) -> list[str]:
    page = tmp_path / "post.md"
    page.write_text(text, encoding="utf-8")
    settings = from_mapping({"links": links or {}}, root=tmp_path).with_cli(select=("LK",))
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in check_file(str(page), settings).diagnostics]


def test_front_matter_fields_are_links_at_their_value() -> None:
    doc = parse("---\ntitle: A\nimage: 'https://example.com/a.png'\nfeature_image: /b.png\n---\nBody\n")
    found = [(x.attribute, x.url, x.line, x.column) for x in all_links(doc, Settings())]
    assert found == [("image", "https://example.com/a.png", 3, 9), ("feature_image", "/b.png", 4, 16)]


def test_front_matter_keys_are_configurable(tmp_path: Path) -> None:
    text = "---\ncover: missing.png\nimage: gone.png\n---\n"
    links = {"front_matter_fields": ["cover"], "site_root": "."}
    assert findings(tmp_path, text, links) == [
        "2:8 LK001 local file not found: missing.png"
    ]


def test_footnotes_and_code_lines_are_not_definitions() -> None:
    text = "Text[^1].\n\n[^1]: The note itself.\n\n<pre>\n[name]: value,\n</pre>\n"
    assert all_links(parse(text), Settings()) == []


def test_reference_link_reported_once_at_its_definition(tmp_path: Path) -> None:
    text = "See [the guide][g] and [again][g].\n\n[g]: guide.md\n"
    assert findings(tmp_path, text) == ["3:6 LK001 local file not found: guide.md"]


def test_every_html_url_attribute_at_its_own_column(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"png")
    text = '<img src="a.png" srcset="a.png 1x, b.png 2x"> <iframe src="c.html"></iframe>\n'
    assert findings(tmp_path, text) == [
        "1:36 LK001 local file not found: b.png",
        "1:60 LK001 local file not found: c.html",
    ]


def test_templated_urls_are_skipped(tmp_path: Path) -> None:
    text = (
        "[a]({% link _posts/2020-01-01-x.md %}) <a href=\"{{ site.baseurl }}/nope/\">b</a>\n\n"
        "[c]: {{ site.repository }}/issues\n"
    )
    assert findings(tmp_path, text) == []


def test_links_in_code_never_count(tmp_path: Path) -> None:
    text = "`[a](nope.md)`\n\n```html\n<a href=\"#\">b</a>\n```\n\n    [c](nope.md)\n"
    assert findings(tmp_path, text) == []


def test_javascript_link_markdown_it_leaves_as_text(tmp_path: Path) -> None:
    # markdown-it renders it as text, kramdown and Goldmark as a link: report it either way.
    assert findings(tmp_path, "[menu](javascript:open(1))\n") == [
        "1:8 LK005 javascript: URL runs code when clicked: javascript:open(1)"
    ]


def test_html_headings_and_ids_are_anchors(tmp_path: Path) -> None:
    text = (
        '<h2 data-ke-size="size26">데이터 분석</h2>\n\n<p><span id="note">x</span></p>\n\n'
        "[a](#데이터-분석) [b](#note) [c](#missing)\n"
    )
    assert findings(tmp_path, text) == ["5:29 LK002 anchor #missing not found in this file"]


def test_links_to_the_own_domain_map_to_the_site_root(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"png")
    text = "![a](https://example.com/img/a.png) ![b](https://example.com/img/b.png) [p](https://example.com/p/)\n"
    links = {"site_root": ".", "base_url": "https://example.com"}
    expected = "1:42 LK001 local file not found under the site root: /img/b.png"
    assert findings(tmp_path, text, links) == [expected]


def test_relative_page_links_are_unproven_for_site_generators(tmp_path: Path) -> None:
    # Jekyll and Hugo resolve "../other/" against the page URL, not the file.
    text = "[a](../other-post/) [b](missing.png)\n"
    assert findings(tmp_path, text, {"slug": "jekyll"}) == ["1:25 LK001 local file not found: missing.png"]
    assert len(findings(tmp_path, text, {"slug": "github"})) == 2


def test_email_autolink_is_not_a_path(tmp_path: Path) -> None:
    assert findings(tmp_path, "Write to <me@example.com>.\n") == []


def test_web_address_without_scheme_gets_a_hint(tmp_path: Path) -> None:
    assert findings(tmp_path, '<a href="www.example.com/page">site</a>\n') == [
        "1:10 LK001 local file not found: www.example.com/page; "
        "a web address needs its scheme: 'https://www.example.com/page'"
    ]


def test_hashbang_placeholder(tmp_path: Path) -> None:
    assert findings(tmp_path, '<a href="#!" class="menu">menu</a>\n') == [
        "1:10 LK003 placeholder URL '#!' in <a href>"
    ]


def test_tab_inside_a_javascript_url_is_still_unsafe(tmp_path: Path) -> None:
    # Browsers remove tabs and newlines from URLs before they read the scheme.
    found = findings(tmp_path, '<a href="java&#9;script:alert(1)">x</a>\n')
    assert found[0].startswith("1:10 LK005 javascript:")


def test_nbsp_in_a_tistory_heading_is_accepted_either_way(tmp_path: Path) -> None:
    heading = '<h2 data-ke-size="size26">데이터&nbsp;분석</h2>\n\n'
    text = heading + "[a](#데이터-분석) [b](#데이터분석) [c](#데이터)\n"
    expected = "3:30 LK002 anchor #데이터 not found in this file; did you mean #데이터분석"
    assert findings(tmp_path, text) == [expected]


def test_bare_addresses_are_links_at_their_own_columns() -> None:
    # GFM (no site: the default flavour) links bare addresses; the same one twice is two links.
    doc = parse("See https://a.example/x and https://a.example/x, www.b.example.\n")
    found = [(x.url, x.column, x.end - x.start) for x in all_links(doc, Settings())]
    assert found == [("https://a.example/x", 5, 19), ("https://a.example/x", 29, 19),
                     ("http://www.b.example", 50, 13)]
