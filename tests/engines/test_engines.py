"""The real engines: kramdown through one batched ruby process, Hugo through one build per batch.

Tests that need an engine skip when it is not installed; the missing-engine message is tested
with PATH emptied, so it runs everywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from artlint import engines
from artlint.convert import pipeline
from artlint.convert.options import Options
from artlint.engines.hugo import Hugo
from artlint.engines.kramdown import Kramdown

HAVE_KRAMDOWN = shutil.which("ruby") is not None and engines.available("kramdown")
HAVE_HUGO = shutil.which("hugo") is not None
needs_kramdown = pytest.mark.skipif(not HAVE_KRAMDOWN, reason="ruby with kramdown is not installed")
needs_hugo = pytest.mark.skipif(not HAVE_HUGO, reason="hugo is not installed")
needs_cmark = pytest.mark.skipif(shutil.which("cmark-gfm") is None, reason="cmark-gfm is not installed")
CASES = Path(__file__).parents[1] / "fixtures" / "convert"
FLAVOR_CASES = sorted(p.name for p in CASES.iterdir() if p.name.startswith(("kramdown-", "portable-")))


@pytest.fixture
def fresh() -> object:
    engines.close_all()
    yield
    engines.close_all()


@needs_kramdown
def test_kramdown_honours_its_options(fresh: object) -> None:
    kramdown = engines.get("kramdown")
    body = 'A "quote" ... and\na line break\n\n**굵게(b)**은'
    gfm, plain = kramdown.render_many([body, body], {"input": "GFM", "hard_wrap": True}), None
    assert "“quote”" in gfm[0] and "…" in gfm[0]
    assert "<br" in gfm[0]  # hard_wrap on
    assert "<strong>굵게(b)</strong>은" in gfm[0]  # kramdown renders the emphasis CommonMark rejects
    plain = kramdown.render_many([body], {"input": "kramdown", "smart_quotes": "apos,apos,quot,quot"})[0]
    assert "<br" not in plain and 'A "quote"' in plain
    ids = kramdown.render_many(["# Title here"], {"auto_ids": False})[0]
    assert "id=" not in ids
    assert 'id="title-here"' in kramdown.render_many(["# Title here"], {"auto_ids": True})[0]


@needs_kramdown
def test_kramdown_reads_block_html_as_told(fresh: object) -> None:
    kramdown = engines.get("kramdown")
    body = "<div>\n*x*\n</div>"
    assert "<em>x</em>" not in kramdown.render_many([body], {"parse_block_html": False})[0]
    assert "<em>x</em>" in kramdown.render_many([body], {"parse_block_html": True})[0]


@needs_kramdown
def test_one_ruby_process_serves_every_document_of_a_run(fresh: object) -> None:
    started = Kramdown.started
    render = engines.renderer("kramdown")
    first = render([f"Document *{n}*" for n in range(200)])
    second = render(["Another one", "Document *3*"])
    assert Kramdown.started == started + 1
    assert first[3] == "<p>Document <em>3</em></p>\n" == second[1]
    assert len(first) == 200 and all(f"<em>{n}</em>" in html for n, html in enumerate(first))


@needs_kramdown
def test_a_big_batch_does_not_stall_the_pipes(fresh: object) -> None:
    bodies = [("word " * 2000) + str(n) for n in range(40)]  # ~400 KB each way
    pages = engines.get("kramdown").render_many(bodies)
    assert [page.strip().endswith(f"{n}</p>") for n, page in enumerate(pages)] == [True] * 40


@needs_hugo
def test_one_hugo_build_renders_a_batch_with_the_sites_goldmark_settings(fresh: object) -> None:
    hugo = engines.get("hugo")
    builds = Hugo.builds
    bodies = ["<h2>Raw heading</h2>\n\nText with <b>bold</b>.", "Plain *text*.", "Term\n: Definition"]
    safe = hugo.render_many(bodies, {})
    assert Hugo.builds == builds + 1
    assert "Raw heading" not in safe[0] and "<b>" not in safe[0]  # renderer.unsafe = false drops HTML
    assert safe[1].strip() == "<p>Plain <em>text</em>.</p>"
    assert "<dt>Term</dt>" in safe[2]
    unsafe = hugo.render_many(bodies[:1], {"renderer": {"unsafe": True}})
    assert "<h2>Raw heading</h2>" in unsafe[0] and "<b>bold</b>" in unsafe[0]


def _empty_path(tmp_path: Path) -> dict[str, str]:
    empty = tmp_path / "bin"
    empty.mkdir()
    return {**os.environ, "PATH": str(empty)}


def test_missing_engine_names_what_to_install(fresh: object, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", _empty_path(tmp_path)["PATH"])
    assert not engines.available("kramdown") and not engines.available("hugo")
    with pytest.raises(engines.EngineMissing, match="ruby-kramdown ruby-kramdown-parser-gfm"):
        engines.get("kramdown")
    with pytest.raises(engines.EngineMissing, match="apt-get install hugo"):
        engines.get("hugo")
    with pytest.raises(engines.UnknownEngine, match="valid engines: kramdown, hugo"):
        engines.get("pandoc")


@pytest.mark.parametrize("command", [
    ["convert", "{file}", "--to", "markdown", "--verify-with", "kramdown"],
    ["check", "--fix", "--verify-with", "hugo", "{file}"],
])
def test_missing_engine_is_a_usage_error_not_a_fallback(tmp_path: Path, command: list[str]) -> None:
    page = tmp_path / "post.md"
    original = "---\ntitle: T\n---\n\n<p><b>Bold</b> text</p>\n"
    page.write_text(original, encoding="utf-8")
    args = [part.replace("{file}", str(page)) for part in command]
    done = subprocess.run([sys.executable, "-m", "artlint", *args], capture_output=True, text=True,
                          env=_empty_path(tmp_path), check=False)
    assert done.returncode == 2
    assert "engine is not available" in done.stderr and "apt-get install" in done.stderr
    assert "Traceback" not in done.stderr
    assert page.read_text(encoding="utf-8") == original


def test_unknown_flavor_lists_the_valid_ones(tmp_path: Path) -> None:
    page = tmp_path / "post.md"
    page.write_text("<p>x</p>\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "artlint", "convert", str(page), "--to", "markdown",
                           "--flavor", "textile"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "unknown flavor 'textile'" in done.stderr
    assert "kramdown" in done.stderr and "portable" in done.stderr


def _case(name: str) -> tuple[str, Options, str]:
    folder = CASES / name
    settings = json.loads((folder / "options.json").read_text(encoding="utf-8"))
    text = (folder / "input.md").read_text(encoding="utf-8")
    return text, Options(**settings), (folder / "expected.md").read_text(encoding="utf-8")


@needs_kramdown
@pytest.mark.parametrize("name", FLAVOR_CASES)
def test_converted_output_renders_under_kramdown_as_the_input(fresh: object, name: str) -> None:
    text, options, expected = _case(name)
    outcome = pipeline.convert(text, "input.md", "markdown", options, renderer=engines.renderer("kramdown"))
    assert outcome.differences == []
    assert outcome.output == expected


@needs_hugo
@pytest.mark.parametrize("name", [n for n in FLAVOR_CASES if n.startswith("portable-")])
def test_portable_output_renders_under_hugo_as_the_input(fresh: object, name: str) -> None:
    text, options, expected = _case(name)
    render = engines.renderer("hugo", {"renderer": {"unsafe": True}})
    outcome = pipeline.convert(text, "input.md", "markdown", options, renderer=render)
    assert outcome.differences == []
    assert outcome.output == expected


@needs_kramdown
@needs_hugo
@needs_cmark
def test_every_line_break_of_portable_output_breaks_the_line_in_every_engine(fresh: object) -> None:
    # A lost break reads as a space, which a comparison of text does not see: count them.
    text, options, _ = _case("portable-line-breaks")
    outcome = pipeline.convert(text, "input.md", "markdown", options)
    assert outcome.output is not None
    body = outcome.output.split("---\n", 2)[2]
    pages = [engines.get("kramdown").render_many([body], engines.defaults("kramdown") | given)[0]
             for given in ({}, {"input": "kramdown"})]
    pages += engines.get("cmark-gfm").render_many([body], engines.defaults("cmark-gfm"))
    pages += engines.get("hugo").render_many([body], {})  # raw HTML omitted, breaks still there
    for page in pages:
        assert page.count("<br") == text.count("<br>")
        assert "\\" not in page


@needs_kramdown
def test_unescaped_output_would_read_differently_under_kramdown(fresh: object) -> None:
    """The cases are not vacuous: written for GFM, the same input loses text under kramdown."""
    text, _, _ = _case("kramdown-escapes")
    gfm = Options(flavor="gfm", source_flavor="kramdown")
    outcome = pipeline.convert(text, "input.md", "markdown", gfm, renderer=engines.renderer("kramdown"),
                               force=True)
    assert any("\\&" in d or "“" in d for d in outcome.differences)


@needs_kramdown
def test_fix_verified_by_kramdown(fresh: object, tmp_path: Path) -> None:
    page = tmp_path / "post.md"
    page.write_text("---\ntitle: T\n---\n\n<p data-ke-size=\"size16\">Text</p>\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "artlint", "check", "--fix", "--verify-with", "kramdown",
                           str(page)], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert "data-ke-size" not in page.read_text(encoding="utf-8")


@needs_cmark
def test_cmark_gfm_renders_as_github_does(fresh: object) -> None:
    source = "| a |\n|---|\n| ~~b~~ |\n\nsee www.example.org\n\n<script>x</script>\n"
    [page] = engines.get("cmark-gfm").render_many([source], engines.defaults("cmark-gfm"))
    [plain] = engines.renderer("cmark-gfm", {"extensions": []})(["~~b~~ www.example.org\n"])
    assert "<td><del>b</del></td>" in page and '<a href="http://www.example.org">' in page
    assert "&lt;script>" in page  # github.com's tag filter
    assert "<del>" not in plain and "<a " not in plain  # no extensions: CommonMark itself


@needs_cmark
def test_html_kept_as_written_reads_the_same_to_the_engine(fresh: object) -> None:
    """A listing whose paragraphs inside <pre> would be dropped elsewhere, kept as written because
    as Markdown its <em> would read differently: the page shows it as the input's page does."""
    text = ('<p data-ke-size="size16">Intro</p>\n'
            "<pre class=\"js\"><code>a = 1\n<p>b = 2</p>\nre = '.<em>x</em>'</code></pre>\n")
    gfm = Options(flavor="gfm", source_flavor="gfm")
    render = engines.renderer("cmark-gfm", engines.defaults("cmark-gfm"))
    outcome = pipeline.convert(text, "input.md", "markdown", gfm, renderer=render)
    assert "HTML kept as written (as Markdown it would read differently)" in outcome.dropped
    assert outcome.differences == [] and outcome.output is not None
    # Still a real comparison: text lost from the kept listing is reported.
    lost = pipeline.convert(text, "input.md", "markdown", gfm,
                            renderer=lambda pages: [render(pages[:1])[0], render([""])[0]])
    assert any("code block 1 lost" in d for d in lost.differences)


@needs_cmark
def test_fix_on_a_gfm_site_is_verified_by_cmark_gfm(fresh: object, tmp_path: Path) -> None:
    page = tmp_path / "post.md"
    page.write_text("---\ntitle: T\n---\n\n<p data-ke-size=\"size16\">Text</p>\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "artlint", "check", "--fix", "--verify-with", "cmark-gfm",
                           str(page)], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert "data-ke-size" not in page.read_text(encoding="utf-8")


@needs_hugo
def test_hugo_honours_goldmark_attribute_settings(fresh: object) -> None:
    bodies = ["Para\n{.note}", "# Title {#top}"]
    on = engines.get("hugo").render_many(bodies, {"parser": {"attribute": {"block": True, "title": True}}})
    off = engines.get("hugo").render_many(bodies, {"parser": {"attribute": {"block": False, "title": False}}})
    assert '<p class="note">Para</p>' in on[0] and 'id="top"' in on[1]
    assert "{.note}" in off[0] and 'id="top"' not in off[1]


def test_a_sites_engine_settings_come_from_its_flavour() -> None:
    from artlint.engines.choose import engine_for, settings_for
    from artlint.flavors import GFM, GOLDMARK, KRAMDOWN, MDX

    given = (("renderer.unsafe", True), ("parser.autoDefinitionTermID", True))
    hugo_site = GOLDMARK.with_options(options=given)
    assert engine_for(hugo_site) == "hugo" and engine_for(KRAMDOWN) == "kramdown"
    assert engine_for(GFM) == "cmark-gfm" and engine_for(MDX) is None
    nested = {"renderer": {"unsafe": True}, "parser": {"autoDefinitionTermID": True}}
    assert settings_for(hugo_site, "hugo") == nested
    jekyll_site = KRAMDOWN.with_options(options=(("input", "kramdown"), ("hard_wrap", True)))
    assert settings_for(jekyll_site, "kramdown") == {"input": "kramdown", "hard_wrap": True}
    assert settings_for(jekyll_site, "hugo") == {}


def test_verify_engine_setting_is_checked(tmp_path: Path) -> None:
    from artlint.config.loading import ConfigError, from_mapping

    assert from_mapping({"verify": "engine"}, tmp_path).verify == "engine"
    chosen = from_mapping({"verify-with": "kramdown"}, tmp_path)
    assert (chosen.verify, chosen.verify_with) == ("engine", "kramdown")
    with pytest.raises(ConfigError, match="'verify' must be one of model, engine"):
        from_mapping({"verify": "yes"}, tmp_path)
    with pytest.raises(ConfigError, match="'verify-with' must be one of kramdown, hugo, cmark-gfm"):
        from_mapping({"verify-with": "pandoc"}, tmp_path)


@pytest.mark.parametrize("name", FLAVOR_CASES)
def test_convert_command_writes_for_the_flavor_asked(tmp_path: Path, name: str) -> None:
    _, options, expected = _case(name)
    # A copy outside the repository, whose configuration excludes its own fixtures.
    source = tmp_path / "input.md"
    source.write_bytes((CASES / name / "input.md").read_bytes())
    args = ["convert", str(source), "--to", "markdown", "--flavor", options.flavor]
    if HAVE_KRAMDOWN:
        args += ["--verify-with", "kramdown"]
    done = subprocess.run([sys.executable, "-m", "artlint", *args], capture_output=True, text=True,
                          check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


@needs_hugo
def test_check_fix_verified_by_hugo_builds_once_for_the_run(fresh: object, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from artlint.commands.check import CheckOptions, run_check

    for n in range(3):
        (tmp_path / f"post{n}.md").write_text(
            f"---\ntitle: T{n}\n---\n\nText {n} with *emphasis*.\n\n<p data-ke-size=\"size16\">More</p>\n",
            encoding="utf-8",
        )
    builds = Hugo.builds
    run_check(CheckOptions(paths=(str(tmp_path),), fix=True, verify_with="hugo"))
    capsys.readouterr()
    assert Hugo.builds == builds + 1
    assert all("data-ke-size" not in p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md"))


@needs_kramdown
def test_verify_with_from_the_configuration_reaches_convert(tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text('verify-with = "kramdown"\n', encoding="utf-8")
    page = tmp_path / "post.md"
    page.write_text('<p>Load "user32.dll" &amp; go</p>\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "artlint", "convert", str(page), "--to", "markdown"],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == 'Load \\"user32.dll\\" &amp; go\n'  # written for kramdown, judged by it


@needs_hugo
def test_convert_verified_by_hugo_builds_once_for_the_run(fresh: object, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from artlint.convert.command import Request, run

    source = tmp_path / "posts"
    source.mkdir()
    for n in range(3):
        (source / f"post{n}.md").write_text(f"Intro {n}.\n\n<p>Some <b>bold</b> text {n}.</p>\n",
                                           encoding="utf-8")
    (tmp_path / ".artlint.toml").write_text("", encoding="utf-8")
    builds = Hugo.builds
    goldmark = json.dumps({"renderer": {"unsafe": True}})
    cli = (("verify_with", "hugo"), ("engine_options", goldmark))
    code = run(Request(sources=(str(source),), to="markdown", out=tmp_path / "out", cli_options=cli,
                       config=tmp_path / ".artlint.toml"))
    capsys.readouterr()
    assert code == 0
    assert Hugo.builds == builds + 1
    written = (tmp_path / "out" / "post1.md").read_text(encoding="utf-8")
    assert written == "Intro 1.\n\nSome **bold** text 1\\.\n"


def test_convert_writes_for_the_source_sites_engine_by_default(tmp_path: Path) -> None:
    post = '<p>Tom &amp; Jerry said "hello..." to <b>everyone</b>.</p>\n'
    jekyll, plain = tmp_path / "jekyll", tmp_path / "plain"
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "_config.yml").write_text("markdown: kramdown\n", encoding="utf-8")
    (jekyll / "_posts" / "2024-01-01-a.md").write_text(post, encoding="utf-8")
    plain.mkdir()
    (plain / "a.md").write_text(post, encoding="utf-8")

    def convert(path: Path, *extra: str) -> str:
        done = subprocess.run([sys.executable, "-m", "artlint", "convert", str(path), "--to", "markdown",
                               "--no-verify", *extra], capture_output=True, text=True, check=False,
                              cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    on_site = convert(jekyll / "_posts" / "2024-01-01-a.md")
    assert on_site == convert(plain / "a.md", "--flavor", "kramdown")
    assert on_site != convert(plain / "a.md")
    assert convert(jekyll / "_posts" / "2024-01-01-a.md", "--flavor", "gfm") == convert(plain / "a.md")


def test_the_configuration_knows_every_engine() -> None:
    from artlint.config.loading import VERIFY_ENGINES

    assert VERIFY_ENGINES == engines.NAMES
