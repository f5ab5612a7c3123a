"""Root-relative links ("/img/a.png", `image: /assets/x.png`) resolve in the folders the file's
site serves at its root: Hugo's staticDir, theme static folders, assetDir and page bundles, Astro's
public/, Jekyll's source folder; `[site] static` replaces them and `[site] extend-static` adds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_artlint

from artlint import site as sites
from artlint.api import check_file
from artlint.config.loading import load


@pytest.fixture(autouse=True)
def _fresh() -> None:
    sites.clear_cache()


def _write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _missing(page: Path, cwd: Path) -> list[str]:
    """The LK001 findings of `page`, as `line: message`, with the configuration found from `cwd`."""
    result = check_file(str(page), load(start=cwd).with_cli(select=("LK001",)))
    return [f"{d.line}: {d.message}" for d in result.diagnostics]


def _links(*urls: str) -> str:
    return "".join(f"![x]({url})\n\n" for url in urls)


def test_hugo_serves_static_dir_themes_assets_and_page_bundles(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", 'staticDir = ["files", "static"]\ntheme = "paper"\n')
    for name in ("files/img/a.png", "static/img/b.png", "themes/paper/static/logo.svg",
                 "assets/css/site.css", "content/posts/trip/photo.jpg"):
        _write(tmp_path / name)
    front = "---\ntitle: t\nimage: /img/gone.png\n---\n\n"
    urls = ("/img/a.png", "/img/b.png", "/logo.svg", "/css/site.css", "/posts/trip/photo.jpg",
            "/static/img/b.png", "/img/c.png", "/pics/d.png")
    page = _write(tmp_path / "content" / "posts" / "trip" / "index.md", front + _links(*urls))
    served = "files/, static/, themes/paper/static/, assets/ or content/"
    assert _missing(page, tmp_path) == [
        f"3: local file not found in {served}: /img/gone.png",
        f"16: local file not found in {served}: /static/img/b.png; static/ is served at the site root: "
        "the URL is /img/b.png",
        f"18: local file not found in {served}: /img/c.png",
        f"20: local file not found in {served}: /pics/d.png; none of them has a folder 'pics'",
    ]


def test_hugo_default_folders_and_a_missing_static_folder(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.yaml", "title: x\n")
    page = _write(tmp_path / "content" / "a.md", _links("/img/a.png"))
    assert _missing(page, tmp_path) == [
        "1: local file not found in content/ (static/ and assets/ do not exist): /img/a.png; "
        "the site has no folder 'img'"
    ]
    _write(tmp_path / "static" / "img" / "a.png")
    assert _missing(page, tmp_path) == []


def test_astro_serves_public_and_jekyll_its_source_folder(tmp_path: Path) -> None:
    astro, jekyll = tmp_path / "astro", tmp_path / "jekyll"
    _write(astro / "astro.config.mjs", "export default {}\n")
    _write(astro / "public" / "og.png")
    _write(astro / "banner.png")  # the project folder is not served
    post = _write(astro / "src" / "content" / "blog" / "a.md", _links("/og.png", "/banner.png"))
    assert _missing(post, astro) == ["3: local file not found in public/: /banner.png"]
    _write(jekyll / "_config.yml", "title: x\n")
    _write(jekyll / "assets" / "a.png")
    post = _write(jekyll / "_posts" / "2024-01-01-a.md", _links("/assets/a.png", "/assets/b.png"))
    assert _missing(post, jekyll) == ["3: local file not found under the site root: /assets/b.png"]


def test_site_static_replaces_and_extend_static_adds(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", "title = 'x'\n")
    _write(tmp_path / "static" / "a.png")
    _write(tmp_path / "uploads" / "b.png")
    page = _write(tmp_path / "content" / "a.md", _links("/a.png", "/b.png"))
    assert _missing(page, tmp_path) == [
        "3: local file not found in static/ or content/: /b.png"
    ]
    _write(tmp_path / ".artlint.toml", '[site]\nextend-static = ["uploads"]\n')
    assert _missing(page, tmp_path) == []
    _write(tmp_path / ".artlint.toml", '[site]\nstatic = ["uploads"]\n')
    assert _missing(page, tmp_path) == ["1: local file not found in uploads/ or content/: /a.png"]


def test_static_folders_serve_a_file_of_no_generator(tmp_path: Path) -> None:
    _write(tmp_path / ".artlint.toml", '[site]\nstatic = ["images"]\n')
    _write(tmp_path / "images" / "a.png")
    page = _write(tmp_path / "notes" / "a.md", _links("/a.png", "/b.png"))
    assert _missing(page, tmp_path) == [f"3: local file not found in {tmp_path / 'images'}/: /b.png"]


def test_site_command_lists_static_folders_and_where_each_came_from(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", 'staticDir = "files"\ntheme = "paper"\n')
    _write(tmp_path / "files" / "a.png")
    _write(tmp_path / ".artlint.toml", '[site]\nextend-static = ["uploads"]\n')
    page = _write(tmp_path / "content" / "a.md", "# A\n")
    done = run_artlint("site", str(page), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [line.strip() for line in done.stdout.splitlines()]
    assert f"static:    {tmp_path / 'files'} (staticDir in hugo.toml)" in lines
    theme = tmp_path / "themes" / "paper" / "static"
    assert f"{theme} (the static folder of theme 'paper', does not exist)" in lines
    assert f"{tmp_path / 'assets'} (Hugo's default assetDir, does not exist)" in lines
    config = tmp_path / ".artlint.toml"
    assert f"{tmp_path / 'uploads'} ([site] extend-static in {config}, does not exist)" in lines
    data = json.loads(run_artlint("site", "--format", "json", str(page), cwd=tmp_path).stdout)
    assert [(Path(f["path"]).name, f["exists"]) for f in data["static_folders"]] == [
        ("files", True), ("static", False), ("assets", False), ("uploads", False)
    ]


def test_cached_results_follow_static_folders_and_the_site_configuration(tmp_path: Path) -> None:
    _write(tmp_path / "hugo.toml", "title = 'x'\n")
    _write(tmp_path / "content" / "a.md", _links("/img/a.png") + "Term\n: its definition\n\n[t](#term)\n")
    check = ("check", "--select", "LK", "--format", "json", "content")

    def codes() -> list[str]:
        return [d["code"] for d in json.loads(run_artlint(*check, cwd=tmp_path).stdout)["diagnostics"]]

    assert codes() == ["LK001", "LK002"]
    _write(tmp_path / "static" / "img" / "a.png")  # a new file in a static folder
    assert codes() == ["LK002"]
    _write(tmp_path / "hugo.toml", "[markup.goldmark.parser]\nautoDefinitionTermID = true\n")
    assert codes() == []


@pytest.mark.parametrize(("config", "text"), [
    ("_config.yml", "baseurl: /blog\n"),
    ("hugo.toml", 'baseURL = "https://example.org/blog/"\nstaticDir = ["static"]\n'),
])
def test_a_site_served_under_a_path_names_its_files_with_that_prefix(
    tmp_path: Path, config: str, text: str
) -> None:
    _write(tmp_path / config, text)
    folder = tmp_path / ("static" if config == "hugo.toml" else "")
    _write(folder / "img" / "a.png")
    _write(folder / "blog" / "own.png")  # a real folder named like the prefix still resolves
    urls = ("/blog/img/a.png", "/img/a.png", "/blog/own.png", "/blog/img/gone.png", "/blogs/a.png")
    page = _write(tmp_path / "content" / "post.md", _links(*urls))
    missing = _missing(page, tmp_path)
    assert [m.split(":")[0] for m in missing] == ["7", "9"]
    assert "/blog/img/gone.png" in missing[0] and "/blogs/a.png" in missing[1]


def test_astro_public_dir_and_base_written_in_its_configuration(tmp_path: Path) -> None:
    _write(tmp_path / "astro.config.ts", (
        'import { defineConfig } from "astro/config";\n'
        "export default defineConfig({\n"
        '\tsite: "https://example.org",\n'
        '\tbase: "/docs",\n'
        "\tpublicDir: './assets', // served at the root\n"
        '\tintegrations: [search({\n\t\tbase: "/elsewhere",\n\t})],\n'
        "});\n"
    ))
    _write(tmp_path / "assets" / "og.png")
    _write(tmp_path / "public" / "old.png")  # not served: publicDir moved it
    post = _write(tmp_path / "src" / "content" / "blog" / "a.md",
                  _links("/og.png", "/docs/og.png", "/elsewhere/og.png", "/old.png"))
    site = sites.detect(post)
    assert (site.static, site.baseurl) == ((tmp_path / "assets",), "/docs")
    assert [m.split(":")[0] for m in _missing(post, tmp_path)] == ["5", "7"]
