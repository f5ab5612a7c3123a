"""`artlint check` through the real entry point: exit codes, paths, stdin, git, bad files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

Write = Callable[[str, str], Path]

CLEAN = "---\ntitle: 깨끗한 글\n---\n본문\n"
WARNING = "---\ntitle: 글\ndraft: no\n---\n본문\n"  # FM005, a warning
ERROR = "---\ntitle: 글\ncategories: 뉴스, 일상\n---\n본문\n"  # FM003, an error


def paths_reported(done: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted({d["path"] for d in json.loads(done.stdout)["diagnostics"]})


@pytest.mark.parametrize(
    ("text", "args", "code"),
    [
        (CLEAN, (), 0),
        (WARNING, (), 0),
        (WARNING, ("--strict",), 1),
        (ERROR, (), 1),
        (ERROR, ("--exit-zero",), 0),
    ],
)
def test_exit_codes(
    run: Run, write: Write, tmp_path: Path, text: str, args: tuple[str, ...], code: int
) -> None:
    write("a.md", text)
    done = run("check", "--select", "FM", *args, "a.md", cwd=tmp_path)
    assert done.returncode == code, done.stdout + done.stderr
    assert done.stderr == ""


def test_usage_error_exit_2(run: Run, tmp_path: Path) -> None:
    done = run("check", "--format", "xml", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert "unknown format 'xml'" in done.stderr
    assert run("check", "--no-such-option", cwd=tmp_path).returncode == 2


def test_missing_path_is_exit_2_before_any_output(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ERROR)
    done = run("check", "--format", "json", "a.md", "nope.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "artlint: nope.md: no such file or directory\n"


def test_paths_are_relative_and_normalised(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ERROR)
    write("sub/b.md", ERROR)
    done = run("check", "--select", "FM", "--format", "text", ".", cwd=tmp_path)
    assert done.stdout.startswith("a.md:3:13: FM003")
    assert "\nsub/b.md:3:13: FM003" in done.stdout
    assert "./" not in done.stdout
    again = run("check", "--select", "FM", "--format", "json", "./a.md", "a.md", "sub/../a.md", cwd=tmp_path)
    assert paths_reported(again) == ["a.md"]
    assert json.loads(again.stdout)["summary"]["files"] == 1


def test_globs(run: Run, write: Write, tmp_path: Path) -> None:
    write("posts/a.md", ERROR)
    write("posts/2024/b.md", ERROR)
    write("pages/c.md", ERROR)
    done = run("check", "--select", "FM", "--format", "json", "posts/*.md", cwd=tmp_path)
    assert paths_reported(done) == ["posts/a.md"]
    done = run("check", "--select", "FM", "--format", "json", "**/b.md", "pages/*", cwd=tmp_path)
    assert paths_reported(done) == ["pages/c.md", "posts/2024/b.md"]
    nothing = run("check", "drafts/*.md", cwd=tmp_path)
    assert nothing.returncode == 2
    assert "drafts/*.md: no file matches" in nothing.stderr


def test_only_article_extensions_are_walked(run: Run, write: Write, tmp_path: Path) -> None:
    for name in ("a.md", "b.markdown", "c.html", "notes.txt", "data.json"):
        write(name, ERROR)
    done = run("check", "--select", "FM", "--format", "json", ".", cwd=tmp_path)
    assert paths_reported(done) == ["a.md", "b.markdown", "c.html"]


def test_stdin_with_filename_uses_config_globs(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", '[[overrides]]\nfiles = ["drafts/**"]\nignore = ["FM005"]\n')
    named = run("check", "--select", "FM", "--stdin-filename", "posts/a.md", "-", cwd=tmp_path, input=WARNING)
    assert named.stdout.startswith("posts/a.md:3:8: FM005 implicit-type")
    assert "    draft: no\n" in named.stdout  # the source line is quoted from stdin
    draft = run(
        "check", "--select", "FM", "--stdin-filename", "drafts/a.md", "-", cwd=tmp_path, input=WARNING
    )
    assert draft.stdout == "1 file checked, no problems\n"
    bare = run("check", "--select", "FM", "-", cwd=tmp_path, input=ERROR)
    assert bare.returncode == 1
    assert bare.stdout.startswith("<stdin>:3:13: FM003")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_is_honoured_in_a_git_repository(run: Run, write: Write, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(".gitignore", "_site/\n*.tmp.md\n")
    write("posts/a.md", ERROR)
    write("_site/posts/a.md", ERROR)
    write("posts/scratch.tmp.md", ERROR)
    done = run("check", "--select", "FM", "--format", "json", ".", cwd=tmp_path)
    assert paths_reported(done) == ["posts/a.md"]  # untracked but not ignored: checked
    named = run("check", "--select", "FM", "--format", "json", "_site/posts/a.md", cwd=tmp_path)
    assert paths_reported(named) == ["_site/posts/a.md"]  # a file named explicitly is checked
    inside = run("check", "--select", "FM", "--format", "json", "posts", cwd=tmp_path)
    assert paths_reported(inside) == ["posts/a.md"]


def test_vcs_and_dependency_folders_are_skipped_outside_git(run: Run, write: Write, tmp_path: Path) -> None:
    write("site/.git/a.md", ERROR)  # not a real repository: git cannot list it
    write("site/node_modules/pkg/README.md", ERROR)
    write("site/a.md", ERROR)
    done = run("check", "--select", "FM", "--format", "json", "site", cwd=tmp_path)
    assert paths_reported(done) == ["site/a.md"]


def test_undecodable_file_is_reported_and_others_still_checked(
    run: Run, write: Write, tmp_path: Path
) -> None:
    (tmp_path / "bad.md").write_bytes("---\ntitle: 글\n---\n본문 ".encode() + b"\xff\n")
    write("good.md", ERROR)
    done = run("check", "--select", "FM", "--format", "text", ".", cwd=tmp_path)
    assert done.returncode == 1
    assert "bad.md:4:4: AL001 file-unreadable not valid UTF-8: byte 0xff cannot be decoded" in done.stdout
    assert "good.md:3:13: FM003" in done.stdout
    assert done.stdout.endswith("2 files checked: 2 errors\n")


def test_unreadable_file_is_reported_and_others_still_checked(
    run: Run, write: Write, tmp_path: Path
) -> None:
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    write("good.md", ERROR)
    done = run("check", "--select", "FM", "--format", "json", ".", cwd=tmp_path)
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(done.stdout)["diagnostics"]]
    assert found == [("dangling.md", 1, 1, "AL001"), ("good.md", 3, 13, "FM003")]
    assert "cannot read" in json.loads(done.stdout)["diagnostics"][0]["message"]


def test_bom_and_crlf_files(run: Run, write: Write, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbf" + ERROR.replace("\n", "\r\n").encode("utf-8"))
    done = run("check", "--select", "FM", "--format", "text", "a.md", cwd=tmp_path)
    assert done.stdout.startswith("a.md:3:13: FM003")
    assert "    categories: 뉴스, 일상\n" in done.stdout  # no stray \r in the quoted line


def test_version_and_help(run: Run) -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("artlint ")
    helped = run("check", "--help")
    assert helped.returncode == 0 and "--stdin-filename" in helped.stdout
