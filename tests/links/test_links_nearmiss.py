"""Broken links that look right: decomposed Hangul from macOS, case-only and percent differences.

Names in decomposed form (NFD) are made here rather than kept in the fixture tree, because
git on macOS rewrites such names when it checks them out.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from artlint.api import check_file
from artlint.config.loading import from_mapping

NAME = "사진.png"  # composed (NFC), as typed on Linux and Windows


def findings(page: Path, text: str) -> list[str]:
    page.write_text(text, encoding="utf-8")
    settings = from_mapping({}, root=page.parent).with_cli(select=("LK",))
    return [f"{d.code} {d.message}" for d in check_file(str(page), settings).diagnostics]


def test_file_saved_decomposed_by_macos(tmp_path: Path) -> None:
    (tmp_path / unicodedata.normalize("NFD", NAME)).write_bytes(b"png")
    [found] = findings(tmp_path / "post.md", f"![photo]({NAME})\n")
    assert found.startswith(f"LK001 local file not found: {NAME}; ")
    assert "decomposed form (NFD" in found and "rename the file to NFC" in found


def test_link_typed_decomposed(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"png")
    [found] = findings(tmp_path / "post.md", f"![photo]({unicodedata.normalize('NFD', NAME)})\n")
    assert "composed form (NFC)" in found and "retype the link" in found


def test_percent_encoded_hangul_resolves(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"png")
    assert findings(tmp_path / "post.md", "![photo](%EC%82%AC%EC%A7%84.png)\n") == []


def test_case_only_difference_is_caught_on_any_system(tmp_path: Path) -> None:
    # A case-insensitive disk would open Photo.PNG; the folder listing does not.
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "photo.png").write_bytes(b"png")
    [found] = findings(tmp_path / "post.md", "![photo](img/Photo.PNG)\n")
    assert "'img/photo.png' differs only in case" in found


def test_case_difference_in_a_folder_name(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"png")
    [found] = findings(tmp_path / "post.md", "![a](Images/a.png)\n")
    assert "'images/a.png' differs only in case" in found


def test_decomposed_anchor_in_the_same_file(tmp_path: Path) -> None:
    link = unicodedata.normalize("NFD", "설치-방법")
    [found] = findings(tmp_path / "post.md", f"## 설치 방법\n\n[install](#{link})\n")
    assert found.startswith("LK002 ") and "the link is decomposed Unicode (NFD" in found


def test_anchor_percent_encoded_twice(tmp_path: Path) -> None:
    [found] = findings(tmp_path / "post.md", "## Set up\n\n[setup](#set%2520up)\n\n<a id=\"set up\"></a>\n")
    assert "percent-encoded twice, did you mean #set up" in found


def test_closest_anchor_is_suggested(tmp_path: Path) -> None:
    [found] = findings(tmp_path / "post.md", "## Configuration\n\n[see](#configuraton)\n")
    assert found.endswith("did you mean #configuration")


def test_no_suggestion_when_nothing_is_close(tmp_path: Path) -> None:
    [found] = findings(tmp_path / "post.md", "## Configuration\n\n[see](#zzz)\n")
    assert found == "LK002 anchor #zzz not found in this file"


def test_page_link_written_for_pretty_urls_names_the_setting(tmp_path: Path) -> None:
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "next-post.md").write_text("# Next\n", encoding="utf-8")
    [found] = findings(blog / "post.md", "[next](../next-post/)\n")
    assert found.startswith("LK001 local file not found: ../next-post/; ")
    assert "next-post.md beside this file" in found and '[links] slug = "jekyll"' in found


def test_no_pretty_url_hint_when_no_page_has_that_name(tmp_path: Path) -> None:
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "other.md").write_text("# Other\n", encoding="utf-8")
    assert findings(blog / "post.md", "[next](../next-post/)\n") == [
        "LK001 local file not found: ../next-post/"
    ]
