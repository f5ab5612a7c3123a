"""`check --fix`, `--unsafe-fixes` and `--diff`: fixes settle, keep the file's style, never change
what readers see, and never stop at one bad file."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import CORPUS, Run, corpus

from artlint.commands.check import CheckOptions, run_check
from artlint.commands.fix import unified_diff
from artlint.config.loading import Settings
from artlint.fix.edits import apply_fixes
from artlint.fix.loop import fix_file
from artlint.meaning.model import differences, of_document
from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.parsing.parse import parse
from artlint.rules.base import Context, Rule
from artlint.text import files as textio

FIXTURES = Path(__file__).parents[1] / "fixtures" / "fix"


def _rule(code: str, name: str, check: Callable[[Context], Iterator[Finding]], fix: str = "safe") -> Rule:
    return Rule(code, name, f"Test rule {name}", Severity.WARNING, check, "Test rule.", fix=fix)


def _pattern_rule(
    code: str, name: str, pattern: str, replacement: str, safe: bool = True
) -> Rule:
    """Replace every match of `pattern` in the body (as a fix) and report it."""

    def check(ctx: Context) -> Iterator[Finding]:
        doc = ctx.document
        for match in re.finditer(pattern, doc.body):
            start, end = doc.body_offset + match.start(), doc.body_offset + match.end()
            line, column = doc.position(start)
            fix = Fix((Edit(start, end, match.expand(replacement)),), f"replace {match[0]!r}", safe)
            yield Finding(line, column, f"{name}: {match[0]}", fix=fix)

    return _rule(code, name, check, "safe" if safe else "unsafe")


def _drop_size(ctx: Context) -> Iterator[Finding]:
    """Remove data-ke-size attributes, with the space before them (a safe fix)."""
    doc = ctx.document
    for element in doc.elements:
        attribute = element.attr("data-ke-size")
        if attribute is not None:
            fix = Fix((Edit(attribute.start - 1, attribute.end, ""),), "remove data-ke-size")
            yield Finding(attribute.line, attribute.column, "data-ke-size attribute", fix=fix)


def _unwrap_span(ctx: Context) -> Iterator[Finding]:
    """Remove <span style> tags, keeping their content (styling is lost: unsafe)."""
    doc = ctx.document
    for element in doc.elements:
        if element.tag == "span" and element.end_tag_start is not None and element.end is not None:
            edits = (
                Edit(element.start, element.start_tag_end, ""),
                Edit(element.end_tag_start, element.end, ""),
            )
            yield Finding(element.line, element.column, "styled span", fix=Fix(edits, "unwrap", safe=False))


DROP_SIZE = _rule("TX001", "drop-size", _drop_size)
UNWRAP_SPAN = _rule("TX002", "unwrap-span", _unwrap_span, "unsafe")
B_TO_STRONG = _pattern_rule("TX003", "b-to-strong", r"<(/?)b>", r"<\1strong>")
TYPO = _pattern_rule("TX004", "typo", r"\bteh\b", "the")  # claims to be safe, changes the text
BR_TO_NEWLINE = _pattern_rule("TX005", "br-to-newline", r"<br>", "\n")
DOUBLE_QUOTES = _pattern_rule("TX006", "double-quotes", r"class='(\w+)'", r'class="\1"')
SINGLE_QUOTES = _pattern_rule("TX007", "single-quotes", r'class="(\w+)"', r"class='\1'")


def _boom(ctx: Context) -> Iterator[Finding]:
    raise RuntimeError("rule bug")
    yield  # pragma: no cover


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder as the working directory, so no configuration of ours applies."""
    (tmp_path / ".artlint.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _settings(root: Path) -> Settings:
    return Settings(root=root, schema=False)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_safe_fixes_applied_and_unsafe_ones_left(project: Path) -> None:
    rules = (DROP_SIZE, UNWRAP_SPAN, B_TO_STRONG)
    path = _write(project, "post.md", _fixture("tistory.md"))
    result = fix_file(str(path), _settings(project), rules=rules)
    text = path.read_text()
    assert result.changed and result.fixed > 0
    assert "data-ke-size" not in text and "<b>" not in text
    assert "<span" in text  # unsafe: needs --unsafe-fixes
    assert [d.code for d in result.diagnostics] == ["TX002"]


def test_unsafe_fixes_applied_on_request(project: Path) -> None:
    rules = (DROP_SIZE, UNWRAP_SPAN, B_TO_STRONG)
    path = _write(project, "post.md", _fixture("tistory.md"))
    result = fix_file(str(path), _settings(project), unsafe=True, rules=rules)
    assert "<span" not in path.read_text()
    assert result.diagnostics == []


def test_front_matter_stays_byte_identical(project: Path) -> None:
    rules = (DROP_SIZE, B_TO_STRONG)
    data = _fixture("tistory.md")
    path = _write(project, "post.md", data)
    fix_file(str(path), _settings(project), rules=rules)
    head = data[: data.index(b"---\n", 4) + 4]
    assert path.read_bytes().startswith(head)


def test_edits_reaching_into_front_matter_are_not_applied(
    project: Path
) -> None:
    def into_front_matter(ctx: Context) -> Iterator[Finding]:
        yield Finding(1, 1, "title", fix=Fix((Edit(4, 9, "TITLE"),), "shout"))

    rules = (_rule("TX009", "front", into_front_matter),)
    data = b"---\ntitle: x\n---\nbody\n"
    path = _write(project, "post.md", data)
    result = fix_file(str(path), _settings(project), rules=rules)
    assert path.read_bytes() == data and not result.changed


@pytest.mark.parametrize("unsafe", [False, True])
def test_fixing_twice_gives_the_bytes_of_fixing_once(
    project: Path, unsafe: bool
) -> None:
    rules = (DROP_SIZE, UNWRAP_SPAN, B_TO_STRONG)
    path = _write(project, "post.md", _fixture("tistory.md"))
    fix_file(str(path), _settings(project), unsafe=unsafe, rules=rules)
    once = path.read_bytes()
    again = fix_file(str(path), _settings(project), unsafe=unsafe, rules=rules)
    assert not again.changed and path.read_bytes() == once


@pytest.mark.parametrize(
    "name",
    [
        "tistory-crlf.md", "tistory-bom.md", "tistory-no-final-newline.md", "tistory-bare-cr.md",
        "tistory-utf16.md",
    ],
)
def test_file_style_is_kept(project: Path, name: str) -> None:
    rules = (DROP_SIZE, B_TO_STRONG, BR_TO_NEWLINE)
    data = _fixture(name)
    path = _write(project, name, data)
    result = fix_file(str(path), _settings(project), rules=rules)
    assert result.changed
    fixed = path.read_bytes()
    for marker in (b"\xef\xbb\xbf", b"\xff\xfe"):
        assert fixed.startswith(marker) == data.startswith(marker)
    text, original = _decode(fixed), _decode(data)
    assert "data-ke-size" not in text and "<br>" not in text
    for newline in ("\r\n", "\r"):
        assert (newline in text) == (newline in original)
    if "\r\n" in original:
        assert "\n" not in text.replace("\r\n", "")  # the inserted line break too
    assert text.endswith(("\n", "\r")) == original.endswith(("\n", "\r"))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe"):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def test_fix_that_changes_visible_text_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = (TYPO,)
    data = _fixture("typo.md")
    path = _write(project, "post.md", data)
    code = run_check(CheckOptions(paths=(str(path),), fix=True, output_format="text"), rules=rules)
    err = capsys.readouterr().err
    assert code == 1
    assert path.read_bytes() == data
    assert str(path) in err and "TX004" in err
    assert "paragraph 1 text differs" in err and "teh first" in err


def test_only_the_offending_rule_is_withheld(project: Path) -> None:
    rules = (DROP_SIZE, TYPO)
    path = _write(project, "post.md", _fixture("typo.md"))
    result = fix_file(str(path), _settings(project), rules=rules)
    assert result.withheld == ("TX004",)
    text = path.read_text()
    assert "data-ke-size" not in text and "teh" in text
    assert [d.code for d in result.diagnostics] == ["TX004"]


def test_refused_file_does_not_stop_the_others(project: Path) -> None:
    rules = (DROP_SIZE, TYPO)
    bad = _write(project, "a.md", _fixture("typo.md"))
    undecodable = _write(project, "b.md", b"<p data-ke-size='x'>\xff</p>\n")
    good = _write(project, "c.md", _fixture("tistory.md"))
    code = run_check(CheckOptions(paths=(str(project),), fix=True, output_format="json"), rules=rules)
    assert code == 1
    assert "teh" in bad.read_text()
    assert undecodable.read_bytes() == b"<p data-ke-size='x'>\xff</p>\n"
    assert "data-ke-size" not in good.read_text()


def test_crashing_rule_does_not_stop_fixes(project: Path) -> None:
    rules = (_rule("TX010", "boom", _boom, "none"), DROP_SIZE,)
    path = _write(project, "post.md", _fixture("tistory.md"))
    code = run_check(CheckOptions(paths=(str(path),), fix=True, output_format="json"), rules=rules)
    assert code == 3
    assert "data-ke-size" not in path.read_text()


def test_diff_shows_the_change_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = (DROP_SIZE,)
    data = _fixture("tistory-no-final-newline.md")
    path = _write(project, "post.md", data)
    code = run_check(CheckOptions(paths=("post.md",), diff=True, output_format="text"), rules=rules)
    out, err = capsys.readouterr()
    assert code == 1
    assert path.read_bytes() == data
    assert out.startswith("--- a/post.md\n+++ b/post.md\n")
    assert '-<p data-ke-size="size16">&nbsp;</p>\n+<p>&nbsp;</p>\n' in out
    assert "\\ No newline at end of file" in out
    assert "Would fix" in err


def test_diff_of_a_clean_file_is_empty(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = (DROP_SIZE,)
    _write(project, "post.md", b"# Clean\n")
    assert run_check(CheckOptions(paths=("post.md",), diff=True), rules=rules) == 0
    assert capsys.readouterr().out == ""


def test_oscillating_fixes_stop(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = (DOUBLE_QUOTES, SINGLE_QUOTES)
    path = _write(project, "post.md", b"<p class='note'>Hello</p>\n")
    result = fix_file(str(path), _settings(project), rules=rules)
    assert result.unsettled == ("TX006", "TX007")
    assert path.read_text() in ("<p class='note'>Hello</p>\n", '<p class="note">Hello</p>\n')
    code = run_check(CheckOptions(paths=(str(path),), fix=True, output_format="text"), rules=rules)
    assert "kept changing" in capsys.readouterr().err
    assert code == 0  # warnings only


def test_remaining_problems_are_reported_with_a_summary(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = (DROP_SIZE, UNWRAP_SPAN)
    _write(project, "post.md", _fixture("tistory.md"))
    run_check(CheckOptions(paths=("post.md",), fix=True, output_format="text"), rules=rules)
    out, err = capsys.readouterr()
    assert "TX002" in out and "TX001" not in out
    assert re.search(r"^Fixed [1-9]\d* problems? in 1 file$", err, re.M)


def test_stdin_prints_the_fixed_text(
    project: Path, monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    rules = (DROP_SIZE, UNWRAP_SPAN)
    data = _fixture("tistory-crlf.md")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    run_check(CheckOptions(paths=("-",), fix=True, output_format="text"), rules=rules)
    out, err = capsysbinary.readouterr()
    assert out == re.sub(rb' data-ke-size="\w+"', b"", data)
    assert b"TX002" in err  # the report goes to stderr, the text to stdout


# One test per corpus folder, so that parallel runs share the work.
CORPUS_FOLDERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else ["-"]


@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_corpus_fixes_keep_what_readers_see(tmp_path: Path, folder: str) -> None:
    """Every real article: safe fixes, then unsafe ones, never crash, never change what readers
    see (fixes that would are withheld), leave front matter alone, and a second run changes nothing."""
    corpus()
    settings = Settings(root=tmp_path)
    copies = []
    for source in sorted((CORPUS / folder).rglob("*.md")):
        target = tmp_path / source.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        copies.append((source, target))
    problems = []
    for source, target in copies:
        before = parse(textio.read_text(source).text, str(source))
        changed = False
        for unsafe in (False, True):
            result = fix_file(str(target), settings, unsafe=unsafe)
            changed = changed or result.changed
            crashes = [d for d in result.diagnostics if d.code == "AL000"]
            problems += [f"{source.name}: crashed: {d.message}" for d in crashes]
        after = parse(textio.read_text(target).text, str(target))
        problems += [f"{source.name}: {d}" for d in differences(of_document(before), of_document(after))]
        if after.text[: after.body_offset] != before.text[: before.body_offset]:
            problems.append(f"{source.name}: front matter changed")
        if changed and fix_file(str(target), settings, unsafe=True, write=False).changed:
            problems.append(f"{source.name}: a second --fix changes the file again")
    assert problems == []


def test_cli_diff_then_fix_with_the_real_rules(tmp_path: Path, run: Run) -> None:
    """Through the real entry point: --diff shows exactly what --fix then writes."""
    (tmp_path / ".artlint.toml").write_text("")
    data = _fixture("tistory-crlf.md")
    path = _write(tmp_path, "post.md", data)
    shown = run("check", "--diff", "--unsafe-fixes", "--schema", "none", "post.md", cwd=tmp_path)
    assert path.read_bytes() == data
    assert shown.stdout.startswith("--- a/post.md\n+++ b/post.md\n"), shown.stderr
    assert shown.returncode == 1
    fixed = run("check", "--fix", "--unsafe-fixes", "--schema", "none", "post.md", cwd=tmp_path)
    assert re.search(r"^Fixed [1-9]\d* problems? in 1 file$", fixed.stderr, re.M), fixed.stderr
    after = path.read_bytes()
    assert after != data and b"\r\n" in after and b"\n" not in after.replace(b"\r\n", b"")
    assert shown.stdout == unified_diff(data.decode(), after.decode(), "post.md")
    again = run("check", "--diff", "--unsafe-fixes", "--schema", "none", "post.md", cwd=tmp_path)
    assert again.stdout == "" and again.returncode == 0


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    first = Fix((Edit(0, 5, "HELLO"),), "upper")
    overlapping = Fix((Edit(3, 8, "xx"),), "overlaps the first")
    later = Fix((Edit(6, 11, "WORLD"), Edit(5, 6, "_")), "two edits")
    text, applied = apply_fixes("hello world", [later, overlapping, first])
    assert text == "HELLO_WORLD"
    assert applied == [first, later]
    same_point = Fix((Edit(0, 0, ">"),), "inserts where the first starts")
    assert len(apply_fixes("hello world", [first, same_point])[1]) == 1


def test_fixes_before_the_floor_or_past_the_end_are_skipped() -> None:
    fixes = [Fix((Edit(0, 2, ""),), "front matter"), Fix((Edit(5, 99, ""),), "past the end")]
    assert apply_fixes("abcdefgh", fixes, floor=3) == ("abcdefgh", [])


def test_inserted_line_breaks_follow_the_file() -> None:
    text, _ = apply_fixes("a<br>b\r\n", [Fix((Edit(1, 5, "\n"),), "break")], newline="\r\n")
    assert text == "a\r\nb\r\n"


def test_emphasis_made_to_render_is_kept(project: Path) -> None:
    rules = (_pattern_rule("TX011", "cjk-emphasis", r'\*\*("[^"*]+")\*\*', r"<strong>\1</strong>"),)
    path = _write(project, "post.md", '**"강조"**를 보자\n'.encode())
    result = fix_file(str(path), _settings(project), rules=rules)
    assert result.withheld == ()
    assert path.read_text() == '<strong>"강조"</strong>를 보자\n'


def test_unrendered_emphasis_is_fixed_for_both_delimiters(tmp_path: Path) -> None:
    # Emphasis that CommonMark leaves as literal delimiters before Korean text: the fix makes the
    # page show it as the writer meant, `*` (em) and `**` (strong) alike.
    page = tmp_path / "a.md"
    text = "---\ntitle: t\n---\n*기울임(i)*을 봅니다.\n\n**굵게(b)**은 보입니다.\n"
    page.write_text(text, encoding="utf-8")
    fix_file(str(page), Settings(root=tmp_path, select=("HT117",)))
    assert page.read_text(encoding="utf-8").endswith(
        "<em>기울임(i)</em>을 봅니다.\n\n<strong>굵게(b)</strong>은 보입니다.\n"
    )
