"""Heading ids per site generator, Korean included, and how each numbers repeated headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from artlint.api import check_file
from artlint.config.loading import ConfigError, from_mapping
from artlint.config.sections import SLUG_STYLES
from artlint.links.slugs import SLUGIFY, Slugger

SLUGS = Path(__file__).parents[1] / "fixtures" / "links" / "slugs"


def link_findings(path: Path, links: dict[str, object]) -> list[str]:
    settings = from_mapping({"links": links}, root=path.parent).with_cli(select=("LK",))
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in check_file(str(path), settings).diagnostics]


@pytest.mark.parametrize("style", ["github", "jekyll", "hugo"])
def test_korean_heading_keeps_hangul(style: str) -> None:
    assert Slugger(style).slug("설치 방법 (Install)") == "설치-방법-install"


@pytest.mark.parametrize(
    ("style", "text", "expected"),
    [
        ("github", "Hello, World!", "hello-world"),
        ("github", "C++ & Go²", "c--go²"),  # GitHub keeps other numbers (²)
        ("jekyll", "C++ & Go²", "c--go"),  # Ruby's \p{Word} has decimal digits only
        ("hugo", "C++ & Go²", "c--go"),
        ("github", "한국어 제목: 테스트", "한국어-제목-테스트"),
        ("hugo", "  padded  ", "padded"),  # Hugo trims before it replaces spaces
        ("github", "snake_case name", "snake_case-name"),
    ],
)
def test_slug_of_one_heading(style: str, text: str, expected: str) -> None:
    assert Slugger(style).slug(text) == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("github", ["notes", "notes-1", "notes-2", "notes-1-1"]),
        ("jekyll", ["notes", "notes-1", "notes-2", "notes-1"]),  # kramdown counts bases only
        ("hugo", ["notes", "notes-1", "notes-2", "notes-1-1"]),
    ],
)
def test_repeated_headings_are_numbered_like_the_generator(style: str, expected: list[str]) -> None:
    slugger = Slugger(style)
    assert [slugger.slug(t) for t in ("Notes", "Notes", "Notes", "Notes-1")] == expected


@pytest.mark.parametrize("style", ["github", "jekyll", "hugo"])
def test_each_style_resolves_its_own_links(style: str) -> None:
    assert link_findings(SLUGS / f"{style}.md", {"slug": style}) == []


def _anchors(found: list[str]) -> set[str]:
    return {line.split("anchor ", 1)[1].split(" ", 1)[0] for line in found}


def test_github_ids_under_jekyll_style() -> None:
    found = link_findings(SLUGS / "github.md", {"slug": "jekyll"})
    # Markdown source in the id, no "²", kramdown's colliding repeat, and "{#id}" replacing the id.
    assert _anchors(found) == {"#code-and-a-link", "#ünïcödé²", "#notes-1-1", "#custom-my-id"}


def test_jekyll_ids_under_hugo_style() -> None:
    found = link_findings(SLUGS / "jekyll.md", {"slug": "hugo"})
    assert _anchors(found) == {"#code-and-a-linkhttpsexamplecomx"}


def test_every_slug_style_the_configuration_accepts_has_a_slugger() -> None:
    assert set(SLUG_STYLES) == set(SLUGIFY)


def test_unknown_slug_style_is_a_configuration_error(tmp_path: Path) -> None:
    expected = r"\[links\] slug: expected one of github, jekyll, hugo, kramdown; got 'mkdocs'"
    with pytest.raises(ConfigError, match=expected):
        from_mapping({"links": {"slug": "mkdocs"}}, root=tmp_path)
