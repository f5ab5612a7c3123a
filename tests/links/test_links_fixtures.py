"""Offline link checks on fixture trees: each `X.expected` lists the findings for `X.md` beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run

from artlint.api import check_file
from artlint.config.loading import from_mapping, load

FIXTURES = Path(__file__).parents[1] / "fixtures" / "links"
CASES = sorted(FIXTURES.rglob("*.expected"))


def link_findings(path: Path, links: dict[str, object] | None = None) -> list[str]:
    # Without `links` the tree's own .artlint.toml applies, as for a user in that folder.
    settings = load(start=path.parent) if links is None else from_mapping({"links": links}, root=path.parent)
    result = check_file(str(path), settings.with_cli(select=("LK",)))
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics]


@pytest.mark.parametrize("expected", CASES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_findings(expected: Path) -> None:
    lines = expected.read_text(encoding="utf-8").splitlines()
    assert link_findings(expected.with_suffix(".md")) == lines


def test_every_fixture_tree_has_a_case() -> None:
    assert {p.relative_to(FIXTURES).parts[0] for p in CASES} >= {"relative", "site", "schemes"}


def test_linked_pages_without_problems_stay_quiet() -> None:
    pages = ("relative/docs/guide.md", "site/_posts/2020-11-11-hello.md", "site/pages/about.md")
    pages += ("slugs/headings.md",)
    for page in pages:
        assert link_findings(FIXTURES / page) == []


def test_root_relative_links_need_a_site_root() -> None:
    # Without site_root nothing proves "/assets/img/gone.png" missing: it is left alone.
    found = link_findings(FIXTURES / "site" / "posts" / "welcome.md", {"slug": "jekyll"})
    assert not any("site root" in line for line in found)


def test_front_matter_path_is_unproven_without_a_site_root(tmp_path: Path) -> None:
    # Themes read "image: assets/x.png" from the site root: only a known root proves it missing.
    page = tmp_path / "post.md"
    page.write_text("---\nimage: assets/missing.png\n---\n", encoding="utf-8")
    assert link_findings(page, {}) == []
    assert link_findings(page, {"site_root": "."}) == ["2:8 LK001 local file not found: assets/missing.png"]


def test_command_line_run_over_a_whole_tree(run: Run) -> None:
    # Through the real entry point (files spread over worker processes): same findings, exit 1.
    done = run("check", ".", "--select", "LK", "--format", "json", cwd=FIXTURES / "relative")
    assert done.returncode == 1, done.stderr
    found = {(d["path"], d["line"], d["code"]) for d in json.loads(done.stdout)["diagnostics"]}
    expected = (FIXTURES / "relative" / "index.expected").read_text(encoding="utf-8").splitlines()
    assert found == {("index.md", int(line.split(":")[0]), line.split()[1]) for line in expected}


def test_permalink_pattern_is_not_a_page(tmp_path: Path) -> None:
    # "/:categories/:title/" names no page; "/blog/:title/" must not claim "/blog/x/".
    (tmp_path / "a.md").write_text("---\npermalink: /:categories/:title/\n---\n## A\n", encoding="utf-8")
    page = tmp_path / "b.md"
    page.write_text("[x](/:categories/:title/#nothing)\n", encoding="utf-8")
    assert link_findings(page, {"site_root": "."}) == []
