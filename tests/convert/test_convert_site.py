"""`artlint convert` of a file in a Hugo site uses that site's goldmark settings: the model
reports HTML the site's Hugo drops, and the real Hugo that verifies gets the site's settings.
A site's excerpt separator stays where it stands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_artlint

from artlint import engines
from artlint.convert import pipeline
from artlint.convert.options import Options

BLOG = ('---\ntitle: T\n---\n\n<p>Text with <b>bold</b></p>\n'
        '<p><iframe src="https://www.youtube.com/embed/abc" width="640" height="360"></iframe></p>\n')
needs_hugo = pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")


def _site(tmp_path: Path, goldmark: str, posts: int = 1) -> list[Path]:
    (tmp_path / "hugo.toml").write_text(goldmark, encoding="utf-8")
    (tmp_path / "content").mkdir()
    pages = [tmp_path / "content" / f"p{n}.md" for n in range(posts)]
    for page in pages:
        page.write_text(BLOG, encoding="utf-8")
    return pages


def test_html_kept_for_a_hugo_site_that_drops_it_is_reported(tmp_path: Path) -> None:
    [page] = _site(tmp_path, "title = 'x'\n")
    done = run_artlint("convert", str(page), "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 1
    assert "raw HTML kept (<iframe>), which the site's Hugo drops from the page" in done.stderr
    assert f"markup.goldmark.renderer.unsafe is off in {tmp_path / 'hugo.toml'}" in done.stderr
    done = run_artlint("convert", str(page), "--to", "markdown", "--iframes", "link", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "<iframe" not in done.stdout and "**bold**" in done.stdout


def test_a_hugo_site_with_unsafe_on_keeps_its_html(tmp_path: Path) -> None:
    [page] = _site(tmp_path, "[markup.goldmark.renderer]\nunsafe = true\n")
    done = run_artlint("convert", str(page), "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '<iframe height="360" src="https://www.youtube.com/embed/abc" width="640"></iframe>' in done.stdout


@needs_hugo
def test_hugo_verifies_with_the_sites_settings_in_one_build(tmp_path: Path) -> None:
    from artlint.convert.command import Request, run
    from artlint.engines.hugo import Hugo

    engines.close_all()
    _site(tmp_path, "[markup.goldmark.renderer]\nunsafe = true\n", posts=3)
    (tmp_path / ".artlint.toml").write_text("", encoding="utf-8")
    builds = Hugo.builds
    code = run(Request(sources=(str(tmp_path / "content"),), to="markdown", out=tmp_path / "out",
                       cli_options=(("verify_with", "hugo"),), config=tmp_path / ".artlint.toml"))
    engines.close_all()
    # With Hugo's defaults (unsafe off) the blog HTML would render as nothing and every page fail.
    assert code == 0
    assert Hugo.builds == builds + 1
    assert "**bold**" in (tmp_path / "out" / "p1.md").read_text(encoding="utf-8")


def test_a_jekyll_sites_excerpt_separator_stays_where_it_stands(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("excerpt_separator: <!-- more -->\n", encoding="utf-8")
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: T\n---\n\n<p>The <b>excerpt</b></p>\n\n<!-- more -->\n\n"
                    "<p>The rest <!-- more --> and more</p>\n<p>A <!-- a note -->note</p>\n",
                    encoding="utf-8")
    done = run_artlint("convert", str(post), "--to", "markdown", "--report", str(tmp_path / "r.json"),
                       cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("---\ntitle: T\n---\n\nThe **excerpt**\n\n<!-- more -->\n\n"
                           "The rest <!-- more --> and more\n\nA note\n")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["files"][0]["dropped"] == {"comment": 1}  # the note, not the separators


def test_a_hugo_pages_summary_divider_stays_where_it_stands(tmp_path: Path) -> None:
    [page] = _site(tmp_path, "[markup.goldmark.renderer]\nunsafe = true\n")
    page.write_text("---\ntitle: T\n---\n\n<p>The <b>summary</b></p>\n<!--more-->\n<p>The rest</p>\n",
                    encoding="utf-8")
    done = run_artlint("convert", str(page), "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "---\ntitle: T\n---\n\nThe **summary**\n\n<!--more-->\n\nThe rest\n"


def test_an_excerpt_separator_conversion_would_lose_is_a_difference() -> None:
    # A separator that is text, not a comment: as Markdown its brackets would be escaped.
    text = "<p>Intro [[more]] rest</p>\n"
    options = Options(excerpt_separator="[[more]]")
    forced = pipeline.convert(text, "a.md", "markdown", options, force=True)
    assert forced.differences == ["excerpt separator '[[more]]' lost: 1 in the input, 0 in the output"]
    careful = pipeline.convert(text, "a.md", "markdown", options)
    assert careful.differences == [] and careful.output == text  # that HTML kept as written


def test_a_posts_own_excerpt_separator_stays_too() -> None:
    text = ("---\ntitle: T\nexcerpt_separator: <!--cut-->\n---\n\n"
            "<p>The excerpt</p>\n<!--cut-->\n<p>The rest</p>\n")
    outcome = pipeline.convert(text, "2024-01-01-a.md", "markdown", Options())
    assert outcome.output == ("---\ntitle: T\nexcerpt_separator: <!--cut-->\n---\n\n"
                              "The excerpt\n\n<!--cut-->\n\nThe rest\n")


def test_the_summary_divider_is_no_html_a_hugo_without_unsafe_drops(tmp_path: Path) -> None:
    [page] = _site(tmp_path, "title = 'x'\n")
    page.write_text("---\ntitle: T\n---\n\nThe summary.\n\n<!--more-->\n\n<p>The <b>rest</b></p>\n",
                    encoding="utf-8")
    done = run_artlint("convert", str(page), "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "---\ntitle: T\n---\n\nThe summary.\n\n<!--more-->\n\nThe **rest**\n"
