"""HT115 on a Jekyll site whose kramdown parses block HTML (`parse_block_html: true`): Markdown
inside a <div> or a <p> is rendered there, inside a <table> it is not, wherever the table is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from artlint import engines
from artlint import site as sites
from artlint.api import check_file
from artlint.config.loading import load

# Each snippet holds one **bold**; whether kramdown renders it is what HT115 must say.
SNIPPETS = {
    "div": "<div>\n**bold** and more\n</div>",
    "paragraph": "<p>Some **bold** text</p>",
    "nested": '<section>\n<div class="note">\n**bold**\n</div>\n</section>',
    "table": "<table><tr><td>**bold**</td></tr></table>",
    "table in figure": "<figure><table><tr><td>**bold**</td></tr></table></figure>",
}
NOT_RENDERED = {"table", "table in figure"}


@pytest.fixture(autouse=True)
def _fresh() -> None:
    sites.clear_cache()


def _flagged(tmp_path: Path, parse_block_html: bool) -> set[str]:
    setting = "true" if parse_block_html else "false"
    (tmp_path / "_config.yml").write_text(f"kramdown:\n  parse_block_html: {setting}\n", encoding="utf-8")
    flagged = set()
    for name, snippet in SNIPPETS.items():
        post = tmp_path / "_posts" / f"2024-01-01-{name}.md"
        post.parent.mkdir(exist_ok=True)
        post.write_text(f"---\ntitle: {name}\n---\n\n{snippet}\n", encoding="utf-8")
        result = check_file(str(post), load(start=tmp_path).with_cli(select=("HT115",)))
        if result.diagnostics:
            flagged.add(name)
    return flagged


def test_markdown_kramdown_parses_inside_block_html_is_not_reported(tmp_path: Path) -> None:
    assert _flagged(tmp_path, parse_block_html=True) == NOT_RENDERED


def test_without_parse_block_html_every_snippet_is_reported(tmp_path: Path) -> None:
    assert _flagged(tmp_path, parse_block_html=False) == set(SNIPPETS)


@pytest.mark.skipif(shutil.which("ruby") is None or not engines.available("kramdown"),
                    reason="ruby with kramdown is not installed")
def test_real_kramdown_renders_exactly_what_is_not_reported(tmp_path: Path) -> None:
    bodies = list(SNIPPETS.values())
    rendered = engines.get("kramdown").render_many(bodies, {"input": "GFM", "parse_block_html": True})
    unrendered = {name for name, html in zip(SNIPPETS, rendered, strict=True) if "<strong>" not in html}
    assert unrendered == _flagged(tmp_path, parse_block_html=True)
