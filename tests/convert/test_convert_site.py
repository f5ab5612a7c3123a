"""`artlint convert` of a file in a Hugo site uses that site's goldmark settings: the model
reports HTML the site's Hugo drops, and the real Hugo that verifies gets the site's settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_artlint

from artlint import engines

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
