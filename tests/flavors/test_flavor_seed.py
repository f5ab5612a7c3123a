"""The reference article published on Hugo: a finding on each HTML block Hugo drops, none when
the site sets `unsafe = true` (needs ../shared; the live comparison needs `hugo`)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from artlint import site as sites
from artlint.api import check_file
from artlint.config.loading import Settings

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_0733189af90eb2c7.md"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/corpus is not here")


def _hugo_site(tmp_path: Path, config: str) -> Path:
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "hugo.toml").write_text(f'baseURL = "http://example.org/"\n{config}', encoding="utf-8")
    page = tmp_path / "content" / "posts" / "seed.md"
    shutil.copyfile(SEED, page)
    sites.clear_cache()
    return page


def _dropped_blocks(html: str) -> int:
    blocks = re.split(r"\n(?=<(?:p|h\d|ul|ol|li|blockquote|table|pre|hr|div|!--))", html)
    return sum(1 for b in blocks if "raw HTML omitted" in b)


def test_each_block_hugo_drops_is_reported(tmp_path: Path) -> None:
    page = _hugo_site(tmp_path, "")
    found = [d for d in check_file(str(page), Settings(root=tmp_path, select=("HT118",))).diagnostics]
    assert len({d.line for d in found}) == len(found) > 10
    if shutil.which("hugo") is None:
        return
    (tmp_path / "layouts" / "_default").mkdir(parents=True)
    (tmp_path / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", encoding="utf-8")
    subprocess.run(["hugo", "--quiet", "-s", str(tmp_path), "-d", str(tmp_path / "out")], check=True,
                   capture_output=True)
    html = (tmp_path / "out" / "posts" / "seed" / "index.html").read_text(encoding="utf-8")
    assert len(found) == _dropped_blocks(html)


def test_nothing_is_reported_with_unsafe(tmp_path: Path) -> None:
    page = _hugo_site(tmp_path, "[markup.goldmark.renderer]\nunsafe = true\n")
    assert check_file(str(page), Settings(root=tmp_path, select=("HT118",))).diagnostics == []
