"""The site model: which generator, engine settings and root a file has, and what it publishes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from artlint import site as sites
from artlint.cli.app import app
from artlint.config.values import ConfigError


@pytest.fixture(autouse=True)
def _fresh() -> None:
    sites.clear_cache()


def artlint(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from artlint.cli.entry import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_jekyll_site_is_kramdown_with_its_input(tmp_path: Path) -> None:
    _write(tmp_path / "_config.yml", "markdown: kramdown\nkramdown:\n  input: kramdown\n  auto_ids: false\n")
    post = _write(tmp_path / "_posts" / "2024-01-02-a.md", "x\n")
    site = sites.detect(post)
    assert (site.kind, site.config, site.root) == ("jekyll", tmp_path / "_config.yml", tmp_path.resolve())
    assert site.flavor.name == "kramdown" and site.flavor.input == "kramdown"
    assert site.flavor.heading_ids == "none"


def test_the_excerpt_separator_is_the_sites(tmp_path: Path) -> None:
    _write(tmp_path / "jekyll" / "_config.yml", "excerpt_separator: <!-- more -->  # the end of an excerpt\n")
    post = _write(tmp_path / "jekyll" / "_posts" / "2024-01-02-a.md", "x\n")
    assert sites.detect(post).excerpt_separator == "<!-- more -->"
    _write(tmp_path / "plain" / "_config.yml", "title: x\n")  # Jekyll's default: the first paragraph
    plain = _write(tmp_path / "plain" / "_posts" / "2024-01-02-a.md", "x\n")
    assert sites.detect(plain).excerpt_separator == ""
    _write(tmp_path / "hugo" / "hugo.toml", "title = 'x'\n")
    page = _write(tmp_path / "hugo" / "content" / "a.md", "x\n")
    assert sites.detect(page).excerpt_separator == "<!--more-->"


def test_hugo_settings_come_from_markup_goldmark(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n"
                                   "[markup.goldmark.parser]\nautoDefinitionTermID = true\n")
    page = _write(tmp_path / "content" / "posts" / "a.md", "x\n")
    site = sites.detect(page)
    assert site.kind == "hugo" and site.flavor.engine == "goldmark"
    assert site.flavor.raw_html and site.flavor.definition_term_ids
    assert tmp_path / "static" in site.static and tmp_path / "assets" in site.static


@pytest.mark.parametrize(("linkify", "linked"), [("true", True), ("false", False)])
def test_hugo_linkify_setting_decides_whether_bare_urls_are_links(tmp_path: Path, linkify: str,
                                                                   linked: bool) -> None:
    from artlint.flavors.render import render

    _write(tmp_path / "hugo.toml", f"[markup.goldmark.extensions]\nlinkify = {linkify}\n")
    site = sites.detect(_write(tmp_path / "content" / "a.md", "x\n"))
    html = render("Read www.example.org first.\n", site.flavor)
    assert ('<a href="https://www.example.org">' in html) is linked


def test_astro_mdx_files_get_the_mdx_flavour(tmp_path: Path) -> None:
    _write(tmp_path / "astro.config.mjs", "export default {}\n")
    site = sites.detect(tmp_path / "src" / "content" / "a.mdx")
    assert site.kind == "astro" and site.static == (tmp_path / "public",)
    assert site.flavor_for("a.mdx").name == "mdx" and site.flavor_for("a.md").name == "gfm"


def test_no_generator_configuration_is_gfm(tmp_path: Path) -> None:
    site = sites.detect(_write(tmp_path / "notes" / "a.md", "x\n"))
    assert (site.kind, site.flavor.name, site.root) == ("none", "gfm", None)


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("_config.yml", "kramdown:\n  input: Markdown2\n", "'kramdown.input'"),
        ("_config.yml", "title: [unclosed\n", "invalid YAML"),
        ("_config.yml", "markdown: redcarpet\n", "'markdown: redcarpet'"),
        ("hugo.toml", "[markup.goldmark.renderer]\nunsafe = \"yes\"\n", "'markup.goldmark.renderer.unsafe'"),
    ],
)
def test_a_broken_site_configuration_is_one_error_naming_file_and_key(
    tmp_path: Path, name: str, text: str, named: str
) -> None:
    _write(tmp_path / name, text)
    page = _write(tmp_path / "content" / "a.md", "# A\n")
    with pytest.raises(ConfigError, match=named):
        sites.detect(page)
    result = artlint("check", str(page))
    assert result.returncode == 2
    assert str(tmp_path / name) in result.stderr and named in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_flavour_lists_the_valid_ones(tmp_path: Path) -> None:
    page = _write(tmp_path / "a.md", "# A\n")
    result = artlint("check", "--flavor", "markdown-extra", str(page))
    assert result.returncode == 2
    assert "valid flavors: commonmark, gfm, kramdown, goldmark, mdx" in result.stderr
    _write(tmp_path / ".artlint.toml", 'flavor = "kramdwn"\n')
    result = artlint("check", str(page), cwd=tmp_path)
    assert result.returncode == 2 and "unknown flavor 'kramdwn'" in result.stderr


def test_configured_flavour_overrides_detection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "_config.yml", "markdown: kramdown\n")
    _write(tmp_path / ".artlint.toml", 'flavor = "gfm"\n')
    page = _write(tmp_path / "_posts" / "2024-01-01-a.md", "# A\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["site", "--format", "json", str(page)])
    data = json.loads(result.output)
    assert (data["kind"], data["flavor"], data["flavor_source"]) == ("jekyll", "gfm", "configured")


def test_site_command_says_what_and_from_where(tmp_path: Path) -> None:
    _write(tmp_path / "_config.yml", "markdown: kramdown\nexclude: [drafts-old]\n")
    page = _write(tmp_path / "_posts" / "notes.md", "# A\n")
    result = CliRunner().invoke(app, ["site", str(page)])
    assert result.exit_code == 0
    assert f"jekyll ({tmp_path / '_config.yml'})" in result.output
    assert "kramdown (detected)" in result.output
    assert "published: no (under _posts without a date" in result.output


def test_site_command_shows_the_excerpt_separator(tmp_path: Path) -> None:
    _write(tmp_path / "_config.yml", "markdown: kramdown\nexcerpt_separator: <!-- more -->\n")
    page = _write(tmp_path / "_posts" / "2024-01-01-a.md", "# A\n")
    result = CliRunner().invoke(app, ["site", str(page)])
    assert "excerpt:   '<!-- more -->' ends a post's excerpt" in result.output
    data = json.loads(CliRunner().invoke(app, ["site", "--format", "json", str(page)]).output)
    assert data["excerpt_separator"] == "<!-- more -->"


def test_a_post_named_through_dot_dot_is_still_a_published_post(tmp_path: Path) -> None:
    _write(tmp_path / "site" / "_config.yml", "markdown: kramdown\n")
    _write(tmp_path / "site" / "_posts" / "2024-01-01-a.md", "# A\n")
    (tmp_path / "elsewhere").mkdir()
    page = tmp_path / "elsewhere" / ".." / "site" / "_posts" / "2024-01-01-a.md"
    assert sites.detect(page).publication(page, {}) == (True, "")


@pytest.mark.parametrize(
    ("rel", "front", "published", "why"),
    [
        ("_posts/2024-01-01-a.md", "", True, ""),
        ("_posts/a.md", "", False, "without a date"),
        ("_drafts/a.md", "", False, "draft"),
        ("_includes/a.md", "", False, "'_includes' starts with '_'"),
        ("vendor/a.md", "", False, "excluded by 'exclude: vendor'"),
        ("about.md", "published: false\n", False, "published: false"),
    ],
)
def test_jekyll_publication(tmp_path: Path, rel: str, front: str, published: bool, why: str) -> None:
    _write(tmp_path / "_config.yml", "exclude: [vendor]\n")
    page = _write(tmp_path / rel, f"---\n{front}title: x\n---\n")
    got = sites.detect(page).publication(page, {"published": False} if front else {})
    assert got[0] is published and why in got[1]


def test_hugo_publication(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.yaml", "title: x\n")
    site = sites.detect(tmp_path / "content" / "a.md")
    draft = site.publication(tmp_path / "content" / "a.md", {"draft": True})
    assert draft == (False, "a draft (draft: true)")
    assert not site.publication(tmp_path / "content" / "b" / "index.md", {"headless": True})[0]
    assert site.publication(tmp_path / "content" / "_index.md", {})[0]
    assert not site.publication(tmp_path / "layouts" / "a.md", {})[0]


def test_unpublished_files_can_be_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "_config.yml", "markdown: kramdown\n")
    _write(tmp_path / "_posts" / "template.md", "---\ntitle: x\n---\n<font>x</font>\n")
    _write(tmp_path / "_posts" / "2024-01-01-a.md", "---\ntitle: x\n---\n<font>x</font>\n")
    monkeypatch.chdir(tmp_path)
    checked = json.loads(artlint("check", "--select", "HT101", "--format", "json", ".").stdout)
    assert checked["summary"]["files"] == 2
    [unpublished] = checked["unpublished"]
    assert Path(unpublished["path"]).name == "template.md" and "without a date" in unpublished["reason"]
    import jsonschema

    schema = json.loads((Path(__file__).parents[2] / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(checked, schema)
    _write(tmp_path / ".artlint.toml", '[site]\nunpublished = "skip"\n')
    skipped = json.loads(artlint("check", "--select", "HT101", "--format", "json", ".").stdout)
    assert skipped["summary"]["files"] == 1
    assert [Path(d["path"]).name for d in skipped["diagnostics"]] == ["2024-01-01-a.md"]


def test_mdx_files_are_read_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "astro.config.ts", "export default {}\n")
    _write(tmp_path / "src" / "content" / "a.mdx", "---\ntitle: a\n---\nLine<br>\n")
    monkeypatch.chdir(tmp_path)
    report = json.loads(artlint("check", "--select", "HT120", "--format", "json", ".").stdout)
    assert report["summary"]["files"] == 1
    assert [(d["line"], d["code"]) for d in report["diagnostics"]] == [(4, "HT120")]


def test_page_links_in_a_generator_site_resolve_against_the_pages_url(tmp_path: Path) -> None:
    # Jekyll serves _docs/guide/intro.md as /docs/guide/intro/, so "../setup/" is a sibling page
    # found only through permalinks: not provable from the files, so not reported; a missing
    # image is still a broken link. A folder of no generator is read as GitHub shows it.
    from artlint.api import check_file
    from artlint.config.loading import load

    text = "[next](../setup/) ![shot](shot.png)\n"
    _write(tmp_path / "site" / "_config.yml", "collections:\n  docs:\n    output: true\n")
    on_site = _write(tmp_path / "site" / "_docs" / "guide" / "intro.md", text)
    plain = _write(tmp_path / "plain" / "guide" / "intro.md", text)
    settings = load(start=tmp_path).with_cli(select=("LK001",))
    assert [d.message for d in check_file(str(on_site), settings).diagnostics] == [
        "local file not found: shot.png"
    ]
    assert [d.message for d in check_file(str(plain), settings).diagnostics] == [
        "local file not found: ../setup/", "local file not found: shot.png"
    ]


def test_a_long_running_process_sees_its_site_configuration_change(tmp_path: Path) -> None:
    """The language server outlives edits of _config.yml: the site is detected again after one,
    and after a nearer configuration appears; unchanged, the detection is kept."""
    config = _write(tmp_path / "_config.yml", "kramdown:\n  input: GFM\n")
    post = _write(tmp_path / "blog" / "_posts" / "2024-01-02-a.md", "x\n")
    sites.revalidate(post)
    first = sites.detect(post)
    assert first.flavor.input == "GFM"
    sites.revalidate(post)
    assert sites.detect(post) is first  # nothing changed: not read again

    config.write_text("kramdown:\n  input: kramdown\n  auto_ids: false\n", encoding="utf-8")
    sites.revalidate(post)
    assert sites.detect(post).flavor.input == "kramdown"

    nearer = _write(tmp_path / "blog" / "hugo.toml", "[markup.goldmark.parser]\nautoHeadingID = false\n")
    sites.revalidate(post)
    assert (sites.detect(post).kind, sites.detect(post).config) == ("hugo", nearer)

    nearer.unlink()
    sites.revalidate(post)
    assert sites.detect(post).kind == "jekyll"


def _hugo_config_dir_site(root: Path, production_unsafe: bool) -> Path:
    """A Hugo site configured by a directory: config/_default sets the top level and the Markdown
    table; config/production, what `hugo` builds by default, may turn raw HTML on."""
    _write(root / "config" / "_default" / "hugo.toml", 'baseURL = "https://example.org/blog/"\ntitle = "t"\n')
    markup = "[goldmark.parser]\nautoHeadingID = false\n"
    _write(root / "config" / "_default" / "markup.toml", markup)
    _write(root / "config" / "_default" / "menus.en.toml", "[[main]]\nname = 'Home'\n")
    if production_unsafe:
        _write(root / "config" / "production" / "markup.toml", "[goldmark.renderer]\nunsafe = true\n")
    return _write(root / "content" / "posts" / "a.md", "---\ntitle: A\n---\n\nSome <b>bold</b> text.\n")


@pytest.mark.parametrize("production_unsafe", [False, True])
def test_hugo_configuration_directory_is_merged_as_hugo_merges_it(
    tmp_path: Path, production_unsafe: bool
) -> None:
    post = _hugo_config_dir_site(tmp_path, production_unsafe)
    site = sites.detect(post)
    assert (site.kind, site.config, site.root) == ("hugo", tmp_path / "config" / "_default", tmp_path)
    assert site.baseurl == "https://example.org/blog/"
    assert site.flavor.heading_ids == "none"
    assert site.flavor.raw_html is production_unsafe


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
@pytest.mark.parametrize("production_unsafe", [False, True])
def test_real_hugo_renders_raw_html_as_the_detected_site_says(
    tmp_path: Path, production_unsafe: bool
) -> None:
    post = _hugo_config_dir_site(tmp_path, production_unsafe)
    _write(tmp_path / "layouts" / "_default" / "single.html", "{{ .Content }}")
    _write(tmp_path / "layouts" / "_default" / "list.html", "")
    done = subprocess.run(["hugo", "--quiet", "--source", str(tmp_path), "--noBuildLock"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "public" / "posts" / "a" / "index.html").read_text(encoding="utf-8")
    assert ("<b>bold</b>" in page) is sites.detect(post).flavor.raw_html is production_unsafe


def test_an_edit_inside_a_hugo_configuration_directory_is_seen(tmp_path: Path) -> None:
    post = _hugo_config_dir_site(tmp_path, production_unsafe=False)
    sites.revalidate(post)
    assert not sites.detect(post).flavor.raw_html
    # Written in place: the folder's own modification time does not change.
    with open(tmp_path / "config" / "_default" / "markup.toml", "a", encoding="utf-8") as handle:
        handle.write("[goldmark.renderer]\nunsafe = true\n")
    sites.revalidate(post)
    assert sites.detect(post).flavor.raw_html
