"""`artlint convert` through the real entry point: archives, check, dry run, reports, bad input."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

BLOG = (
    '---\ntitle: 글 {n}\n---\n\n<p data-ke-size="size16">&nbsp;</p>\n'
    '<p data-ke-size="size16">본문 {n} <b>강조</b></p>\n'
)
Write = Callable[[str, str], Path]


def archive(write: Write, names: list[str]) -> Path:
    for n, name in enumerate(names):
        write(f"src/{name}", BLOG.format(n=n))
    return Path(write("src/.keep", "").parent)


def test_archive_mirrors_folders_and_reports(run: Run, write: Write, tmp_path: Path) -> None:
    src = archive(write, ["a.md", "sub/b.md", "sub/deeper/c.html"])
    write("src/broken.md", "---\ntitle: [unclosed\n---\n\n<p>x</p>\n")
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}
    done = run("convert", str(src), "--to", "markdown", "--out", str(tmp_path / "out"),
               "--report", str(tmp_path / "report.json"), "--jobs", "2")
    assert done.returncode == 1, done.stderr  # one file is bad: the others are still converted
    assert "broken.md" in done.stderr
    out = tmp_path / "out"
    assert (out / "a.md").read_text(encoding="utf-8").endswith("본문 0 **강조**\n")
    assert (out / "sub" / "b.md").is_file() and (out / "sub" / "deeper" / "c.md").is_file()
    assert {p: p.read_bytes() for p in src.rglob("*") if p.is_file()} == before  # sources untouched
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    statuses = {Path(f["path"]).name: f["status"] for f in report["files"]}
    assert statuses == {"a.md": "converted", "b.md": "converted", "c.html": "converted", "broken.md": "error"}
    assert report["summary"]["dropped"]["spacer paragraph"] == 3
    assert not list(out.rglob("*.tmp"))


def test_check_and_dry_run(run: Run, write: Write, tmp_path: Path) -> None:
    src = archive(write, ["a.md", "b.md"])
    out = tmp_path / "out"
    dry = run("convert", str(src), "--to", "markdown", "--out", str(out), "--dry-run")
    assert dry.returncode == 0 and not out.exists()
    check = run("convert", str(src), "--to", "markdown", "--out", str(out), "--check")
    assert check.returncode == 1 and not out.exists()
    assert run("convert", str(src), "--to", "markdown", "--out", str(out)).returncode == 0
    again = run("convert", str(src), "--to", "markdown", "--out", str(out), "--check")
    assert again.returncode == 0, again.stderr
    assert "2 unchanged" in again.stderr


def test_in_place_rewrites_only_with_the_flag(run: Run, write: Write) -> None:
    path = write("post.md", BLOG.format(n=1))
    printed = run("convert", str(path), "--to", "markdown")
    assert printed.returncode == 0
    assert printed.stdout.endswith("본문 1 **강조**\n")
    assert "data-ke-size" in path.read_text(encoding="utf-8")
    assert run("convert", str(path), "--to", "markdown", "--in-place").returncode == 0
    assert path.read_text(encoding="utf-8") == printed.stdout


def test_verification_failure_writes_nothing_unless_forced(run: Run, write: Write, tmp_path: Path) -> None:
    # An unsafe link scheme is removed by the sanitiser on the way to blog HTML: a lost link.
    path = write("post.md", "---\ntitle: t\n---\n\n[log in](ssh://host.example) now\n")
    out = tmp_path / "out"
    refused = run("convert", str(path), "--to", "blog", "--out", str(out))
    assert refused.returncode == 1
    assert "link lost" in refused.stderr
    assert not (out / "post.md").exists()
    forced = run("convert", str(path), "--to", "blog", "--out", str(out), "--force")
    assert (out / "post.md").is_file(), forced.stderr


def test_jsonl_archive_and_back(run: Run, write: Write, tmp_path: Path) -> None:
    src = archive(write, ["a.md", "sub/b.md"])
    archive_file = tmp_path / "all.jsonl"
    assert run("convert", str(src), "--to", "jsonl", "--out", str(archive_file)).returncode == 0
    lines = archive_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["a.md", "sub/b.md"]
    back = tmp_path / "back"
    done = run("convert", str(archive_file), "--to", "markdown", "--out", str(back))
    assert done.returncode == 0, done.stderr
    assert (back / "sub" / "b.md").read_text(encoding="utf-8").endswith("본문 1 **강조**\n")


@pytest.mark.parametrize("name", ["../escape.md", "../../etc/x.md", "a/../../b.md"])
def test_output_cannot_leave_out_by_dotdot(run: Run, write: Write, tmp_path: Path, name: str) -> None:
    document = json.loads(run("convert", str(write("p.md", BLOG.format(n=1))), "--to", "json").stdout)
    document["path"] = name
    source = write("evil.jsonl", json.dumps(document, ensure_ascii=False) + "\n")
    out = tmp_path / "deep" / "out"
    done = run("convert", str(source), "--to", "markdown", "--out", str(out))
    assert done.returncode == 1
    assert "leave the output folder" in done.stderr
    assert sorted(p.name for p in tmp_path.rglob("*.md")) == ["p.md"]


def test_absolute_names_land_inside_out(run: Run, write: Write, tmp_path: Path) -> None:
    document = json.loads(run("convert", str(write("p.md", BLOG.format(n=1))), "--to", "json").stdout)
    document["path"] = "/tmp/abs/x.md"
    source = write("abs.jsonl", json.dumps(document, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    assert run("convert", str(source), "--to", "markdown", "--out", str(out)).returncode == 0
    assert (out / "tmp" / "abs" / "x.md").is_file()


def test_symlinks_cannot_lead_outside(run: Run, write: Write, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    src = archive(write, ["sub/a.md"])
    os.symlink(write("secret/s.md", BLOG.format(n=9)), src / "link.md")
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(outside, out / "sub")  # a link inside --out pointing elsewhere
    done = run("convert", str(src), "--to", "markdown", "--out", str(out))
    assert done.returncode == 1
    assert list(outside.iterdir()) == []
    assert not (out / "link.md").exists()  # a linked source file is skipped, not followed


def test_usage_errors_exit_2(run: Run, write: Write, tmp_path: Path) -> None:
    src = archive(write, ["a.md", "b.md"])
    assert run("convert", str(src), "--to", "pdf").returncode == 2
    assert run("convert", str(src), "--to", "markdown").returncode == 2  # several files, no --out
    assert run("convert", str(src), "--to", "json", "--in-place").returncode == 2
    assert run("convert", str(tmp_path / "missing"), "--to", "markdown").returncode == 2
    assert run("convert", str(src), "--to", "markdown", "--spans", "loud", "--out", "o").returncode == 2


def test_convert_table_in_config_applies(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", '[convert]\nspans = "mark"\n')
    path = write("p.md", '<p>a <span style="color: red;">red</span> b</p>\n')
    done = run("convert", str(path), "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "a <mark>red</mark> b\n"
    bad = write("bad/.artlint.toml", '[convert]\nspanz = "mark"\n')
    refused = run("convert", str(path), "--to", "markdown", cwd=bad.parent)
    assert refused.returncode == 2
    assert "spanz" in refused.stderr


def test_check_without_out_compares_with_the_sources(run: Run, write: Write) -> None:
    clean = write("clean/a.md", "---\ntitle: t\n---\n\nAlready **clean**.\n")
    assert run("convert", str(clean.parent), "--to", "markdown", "--check").returncode == 0
    archive(write, ["a.md"])
    done = run("convert", str(clean.parent.parent / "src"), "--to", "markdown", "--check")
    assert done.returncode == 1 and "1 would-change" in done.stderr


def test_a_bad_jsonl_archive_stops_nothing_else(run: Run, write: Write, tmp_path: Path) -> None:
    src = archive(write, ["a.md"])
    write("src/bad.jsonl", "{not json\n")
    done = run("convert", str(src), "--to", "markdown", "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "bad.jsonl:1" in done.stderr and "invalid JSON" in done.stderr
    assert (tmp_path / "out" / "a.md").is_file()
