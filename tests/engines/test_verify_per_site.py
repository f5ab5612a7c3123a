"""`check --fix` with `verify = "engine"` or `--verify-with`: each file's fixes are judged by the
engine of its own site, with that site's settings; a file whose engine cannot judge it is left
unfixed with a message saying why, never judged by the model instead."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from artlint import engines
from artlint import site as sites
from artlint.engines.choose import Verifiers, WrongEngine

HAVE_KRAMDOWN = shutil.which("ruby") is not None and engines.available("kramdown")
HAVE_HUGO = shutil.which("hugo") is not None
RESIDUE = '---\ntitle: T\n---\n\n<p data-ke-size="size16">Text <b>bold</b> here</p>\n'


@pytest.fixture(autouse=True)
def _fresh() -> object:
    sites.clear_cache()
    engines.close_all()
    yield
    engines.close_all()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _sites(tmp_path: Path, verify: str = 'verify = "engine"\n') -> tuple[Path, Path, Path]:
    _write(tmp_path / ".artlint.toml", verify)
    _write(tmp_path / "blog" / "_config.yml", "markdown: kramdown\nkramdown:\n  hard_wrap: true\n")
    _write(tmp_path / "docs" / "hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n")
    jekyll = _write(tmp_path / "blog" / "_posts" / "2024-01-01-a.md", RESIDUE)
    hugo = _write(tmp_path / "docs" / "content" / "a.md", RESIDUE)
    plain = _write(tmp_path / "notes" / "a.md", RESIDUE)
    return jekyll, hugo, plain


def _choice(verifiers: Verifiers, path: Path) -> object:
    site = sites.detect(path)
    return verifiers.choice(site.flavor_for(path), site.config)


def test_each_file_gets_its_sites_engine_and_settings(tmp_path: Path) -> None:
    jekyll, hugo, plain = _sites(tmp_path)
    auto = Verifiers("engine", None)
    assert _choice(auto, jekyll) == ("kramdown", {"hard_wrap": True})
    assert _choice(auto, hugo) == ("hugo", {"renderer": {"unsafe": True}})
    assert _choice(auto, plain) == ("cmark-gfm", {})  # no site: GFM, GitHub's engine
    assert _choice(Verifiers("model", None), jekyll) is None
    named = Verifiers("engine", "hugo")
    assert _choice(named, hugo) == ("hugo", {"renderer": {"unsafe": True}})
    assert _choice(named, plain) == ("hugo", {})
    with pytest.raises(WrongEngine, match="renders with kramdown, which --verify-with hugo does not judge"):
        _choice(named, jekyll)


def _artlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "artlint", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, check=False, timeout=300)


def test_a_file_whose_engine_is_missing_is_left_unfixed_and_named(tmp_path: Path) -> None:
    jekyll, hugo, plain = _sites(tmp_path)
    (tmp_path / "bin").mkdir()
    done = _artlint("check", "--fix", "--no-cache", ".", cwd=tmp_path,
                    env={**os.environ, "PATH": str(tmp_path / "bin")})
    assert done.returncode == 1, done.stderr
    post, page = Path("blog/_posts/2024-01-01-a.md"), Path("docs/content/a.md")
    assert f"{post}: not fixed: the kramdown engine is not available" in done.stderr
    assert f"{page}: not fixed: the hugo engine is not available" in done.stderr
    assert "apt-get install hugo" in done.stderr and "Traceback" not in done.stderr
    assert jekyll.read_text(encoding="utf-8") == RESIDUE and hugo.read_text(encoding="utf-8") == RESIDUE
    assert f"{Path('notes/a.md')}: not fixed: the cmark-gfm engine is not available" in done.stderr
    assert plain.read_text(encoding="utf-8") == RESIDUE  # never judged by the model instead
    _write(tmp_path / "docs" / "content" / "b.md", RESIDUE)
    done = _artlint("check", "--fix", "--no-cache", "docs", cwd=tmp_path,
                    env={**os.environ, "PATH": str(tmp_path / "bin")})
    assert done.stderr.count("apt-get install hugo") == 1  # what to install is said once
    assert done.stderr.count("not fixed: the hugo engine is not available") == 2


def test_verify_with_refuses_a_file_its_engine_does_not_render(tmp_path: Path) -> None:
    jekyll, _, _ = _sites(tmp_path, "")
    (tmp_path / "bin").mkdir()
    shim = tmp_path / "bin" / "hugo"  # stands for an installed hugo: the refusal comes first
    shim.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    shim.chmod(0o755)
    done = _artlint("check", "--fix", "--no-cache", "--verify-with", "hugo", str(jekyll), cwd=tmp_path,
                    env={**os.environ, "PATH": str(tmp_path / "bin")})
    assert done.returncode == 1, done.stderr
    assert "not fixed: its site" in done.stderr and "renders with kramdown" in done.stderr
    assert 'verify = "engine"' in done.stderr
    assert jekyll.read_text(encoding="utf-8") == RESIDUE


@pytest.mark.skipif(not (HAVE_KRAMDOWN and HAVE_HUGO), reason="needs ruby with kramdown and hugo")
def test_jekyll_and_hugo_files_of_one_run_are_judged_by_their_own_engines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from artlint.commands.check import CheckOptions, run_check
    from artlint.engines.hugo import Hugo
    from artlint.engines.kramdown import Kramdown

    paths = _sites(tmp_path)
    _write(tmp_path / "docs" / "content" / "b.md", RESIDUE)
    monkeypatch.chdir(tmp_path)
    builds, started = Hugo.builds, Kramdown.started
    run_check(CheckOptions(paths=(".",), fix=True, no_cache=True))
    capsys.readouterr()
    assert Hugo.builds == builds + 1  # both Hugo pages in one build
    assert Kramdown.started == started + 1
    assert all("data-ke-size" not in p.read_text(encoding="utf-8") for p in paths)


@pytest.mark.skipif(not HAVE_HUGO, reason="hugo is not installed")
@pytest.mark.parametrize(("unsafe", "fixed"), [(True, True), (False, False)])
def test_the_sites_goldmark_settings_reach_the_engine(tmp_path: Path, unsafe: bool, fixed: bool) -> None:
    # With renderer.unsafe off Hugo drops the <h2>: writing it as Markdown would add a heading
    # readers do not see today, so the fix is withheld; with it on, the page reads the same.
    _write(tmp_path / ".artlint.toml", 'verify = "engine"\n')
    _write(tmp_path / "hugo.toml", f"[markup.goldmark.renderer]\nunsafe = {str(unsafe).lower()}\n")
    page = _write(tmp_path / "content" / "a.md", "---\ntitle: T\n---\n\n<h2>Title</h2>\n\nText\n")
    done = _artlint("check", "--fix", "--no-cache", "--select", "HT104", str(page), cwd=tmp_path)
    assert ("## Title" in page.read_text(encoding="utf-8")) is fixed, done.stderr
    assert ("fixes of HT104 not applied" in done.stderr) is not fixed
