"""`--shard i/n` splits a run for a CI matrix; `--changed-since REF` checks what a change touched."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

Write = Callable[[str, str], Path]

POST = """---
title: Post {n}
categories: News
---
Read [the guide](guide.md#setup) first.

<span style="color: #eeeeee;">pale {n}</span>
"""

GUIDE = """---
title: Guide
---
## Setup

Install it.
"""


def _findings(stdout: str) -> list[tuple[str, int, int, str]]:
    report = json.loads(stdout)
    return [(d["path"], d["line"], d["column"], d["code"]) for d in report["diagnostics"]]


def test_shards_together_are_the_full_run(run: Run, write: Write, tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text("", encoding="utf-8")
    for n in range(40):
        write(f"posts/{n // 10}/{n:02d}-post.md", POST.format(n=n))
    write("posts/0/guide.md", GUIDE)
    full = _findings(run("check", "--no-cache", "-f", "json", "posts", cwd=tmp_path).stdout)
    parts = [
        _findings(run("check", "--no-cache", "-f", "json", "--shard", f"{i}/3", "posts", cwd=tmp_path).stdout)
        for i in (1, 2, 3)
    ]
    assert all(parts), "every shard has files"
    joined = [f for part in parts for f in part]
    assert Counter(joined) == Counter(full) and len(joined) == len(full)
    files = [{f[0] for f in part} for part in parts]
    assert not (files[0] & files[1] or files[1] & files[2] or files[0] & files[2])
    again = run("check", "--no-cache", "-f", "json", "--shard", "2/3", "posts", cwd=tmp_path)
    assert _findings(again.stdout) == parts[1]


@pytest.mark.parametrize("bad", ["0/3", "4/3", "1/0", "x", "1-3"])
def test_a_bad_shard_is_a_usage_error(run: Run, tmp_path: Path, bad: str) -> None:
    done = run("check", "--shard", bad, ".", cwd=tmp_path)
    assert done.returncode == 2 and "--shard" in done.stderr


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_checks_the_changed_files_and_their_linkers(
    run: Run, write: Write, tmp_path: Path
) -> None:
    (tmp_path / ".artlint.toml").write_text("", encoding="utf-8")
    for n in range(8):
        target = "notes.md" if n else "guide.md#setup"
        write(f"blog/{n}.md", POST.format(n=n).replace("guide.md#setup", target))
        write(f"blog/notes{n}.md", GUIDE)
    write("blog/notes.md", GUIDE)
    write("blog/guide.md", GUIDE)
    write("other/alone.md", "---\ntitle: Alone\n---\nNothing links here.\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start")
    clean = run("check", "--changed-since", "HEAD", "-f", "json", ".", cwd=tmp_path)
    assert json.loads(clean.stdout)["summary"]["files"] == 0

    write("blog/guide.md", GUIDE.replace("## Setup", "## Install"))  # 0.md links to #setup in it
    write("other/alone.md", "---\ntitle: Alone again\n---\nStill alone.\n")
    write("other/new.md", "---\ntitle: New\n---\nUntracked.\n")
    done = run("check", "--changed-since", "HEAD", "-f", "json", ".", cwd=tmp_path)
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 4  # guide.md, alone.md, new.md and 0.md, its linker
    assert any(d["path"].endswith("0.md") and d["code"] == "LK002" for d in report["diagnostics"])

    (tmp_path / "blog" / "notes.md").unlink()  # seven posts link to it
    deleted = json.loads(run("check", "--changed-since", "HEAD", "-f", "json", "blog", cwd=tmp_path).stdout)
    assert deleted["summary"]["files"] == 9  # guide.md and 0.md as before, 1.md ... 7.md for notes.md
    assert sum(d["code"] == "LK001" for d in deleted["diagnostics"]) == 7


def test_changed_since_an_unknown_ref_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    done = run("check", "--changed-since", "no-such-ref", ".", cwd=tmp_path)
    assert done.returncode == 2 and "--changed-since" in done.stderr and "Traceback" not in done.stderr
