"""The one atomic writer: a kill at any moment leaves every file whole, and no leftovers."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from artlint.text import files as textio

FILES = int(os.environ.get("ARTLINT_KILL_FILES", "300"))  # ARTLINT_KILL_FILES=900: a larger run by hand


def test_owner_mode_and_link_are_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(b"old\r\n")
    os.chmod(real, 0o604)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    before = real.stat()
    textio.write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_bytes() == b"new\r\n"  # written through, newlines kept
    after = real.stat()
    assert (after.st_mode & 0o777, after.st_uid, after.st_gid) == (0o604, before.st_uid, before.st_gid)


def test_stale_temporary_files_are_removed_and_nothing_else(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".artlint-{dead.pid}-0123abcd-post.md.tmp"
    live = tmp_path / f".artlint-{os.getpid()}-0123abcd-post.md.tmp"
    users = [tmp_path / "notes.tmp", tmp_path / ".post.md.1234abcd.tmp", tmp_path / ".artlint-x.tmp"]
    for path in (stale, live, *users):
        path.write_text("x")
    assert textio.remove_stale([tmp_path]) == [str(stale)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (live, *users))


def _articles(folder: Path) -> None:
    rng = random.Random(7)
    folder.mkdir()
    for i in range(FILES):
        spacer = "<p>&nbsp;</p>\n\n" * rng.randint(1, 3)
        body = f"## 제목 {i}\n\n<div><b>굵게</b> 본문 {i}</div>\n\n{spacer}끝 {'가' * rng.randint(0, 4000)}\n"
        (folder / f"post-{i:03d}.md").write_text(f"---\ntitle: 글 {i}\n---\n{body}", encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _command(kind: str) -> list[str]:
    base = [sys.executable, "-m", "artlint"]
    if kind == "fix":
        return [*base, "check", "--fix", "--no-cache", "-j", "2", "."]
    return [*base, "convert", "--to", "markdown", "--in-place", "-j", "2", "."]


@pytest.mark.parametrize("kind", ["fix", "convert"])
def test_kill_9_leaves_every_file_whole(tmp_path: Path, kind: str) -> None:
    original = tmp_path / "original"
    _articles(original)
    finished = tmp_path / "finished"
    shutil.copytree(original, finished)
    started = time.monotonic()
    subprocess.run(_command(kind), cwd=finished, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    done = _snapshot(finished)
    start = _snapshot(original)
    assert sum(done[n] != start[n] for n in start) > FILES // 2  # the run does change most files
    rng = random.Random()
    for attempt in range(3):
        victim = tmp_path / f"victim-{attempt}"
        shutil.copytree(original, victim)
        process = subprocess.Popen(_command(kind), cwd=victim, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.3, max(0.4, duration * 0.9)))
        os.killpg(process.pid, signal.SIGKILL)  # the command and its workers, at once
        process.wait()
        now = _snapshot(victim)
        for name, data in now.items():
            if textio.is_temporary(name):
                continue  # a killed run may leave its temporary files; the next run removes them
            assert data in (start[name], done[name]), f"{name} is neither the original nor the result"
        assert {n for n in now if not textio.is_temporary(n)} == set(start)
        subprocess.run(_command(kind), cwd=victim, capture_output=True, timeout=600)
        assert _snapshot(victim) == done  # finished, and no stray temporary file
