"""Hugo's `markup.goldmark.parser.autoDefinitionTermID`: with it, definition terms get ids that
links may point to, in the page itself and from other pages; without it they have none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from artlint import engines
from artlint import site as sites
from artlint.api import check_file
from artlint.config.loading import load
from artlint.links.local.anchors import document_anchors
from artlint.parsing.parse import parse

TERMS = "Apple Pie\n: a dessert\n\nBanana split\n: another one\n"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    sites.clear_cache()


def _anchors_missing(tmp_path: Path, setting: str) -> list[str]:
    (tmp_path / "hugo.toml").write_text(f"[markup.goldmark.parser]\n{setting}", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    (content / "terms.md").write_text(f"---\ntitle: t\n---\n\n{TERMS}\n[pie](#apple-pie)\n", encoding="utf-8")
    page = content / "a.md"
    page.write_text("---\ntitle: a\n---\n\n[split](terms.md#banana-split) [none](terms.md#cherry)\n",
                    encoding="utf-8")
    settings = load(start=tmp_path).with_cli(select=("LK002",))
    found = []
    for path in (content / "terms.md", page):
        found += [f"{path.name}: {d.message}" for d in check_file(str(path), settings).diagnostics]
    return found


def test_links_to_definition_terms_resolve_with_auto_definition_term_id(tmp_path: Path) -> None:
    assert _anchors_missing(tmp_path, "autoDefinitionTermID = true\n") == [
        "a.md: anchor #cherry not found in terms.md"
    ]


@pytest.mark.parametrize("setting", ["autoDefinitionTermID = false\n", "autoHeadingID = true\n"])
def test_definition_terms_have_no_ids_without_it(tmp_path: Path, setting: str) -> None:
    assert _anchors_missing(tmp_path, setting) == [
        "terms.md: anchor #apple-pie not found in this file",
        "a.md: anchor #banana-split not found in terms.md",
        "a.md: anchor #cherry not found in terms.md",
    ]


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_the_model_gives_the_ids_real_hugo_gives(tmp_path: Path) -> None:
    import re

    engines.close_all()
    settings = {"parser": {"autoDefinitionTermID": True}}
    html = engines.get("hugo").render_many([TERMS], settings)[0]
    given = re.findall(r'<dt id="([^"]+)"', html)
    if not given:
        pytest.skip("the installed hugo gives definition terms no ids (autoDefinitionTermID is newer)")
    (tmp_path / "hugo.toml").write_text("[markup.goldmark.parser]\nautoDefinitionTermID = true\n", "utf-8")
    path = tmp_path / "content" / "a.md"
    site = sites.detect(path)
    doc = parse(TERMS, str(path), flavor=site.flavor_for(path), site=site)
    assert list(document_anchors(doc, "hugo")) == given
