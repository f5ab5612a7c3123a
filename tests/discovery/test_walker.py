"""One walker: check and convert of a folder read the same files, by the same rules and links."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import Run


def _converted(run: Run, folder: Path, tmp_path: Path) -> set[str]:
    report = tmp_path / "report.json"
    done = run("convert", "--to", "json", "--dry-run", "--report", str(report), ".", cwd=folder)
    assert done.returncode in (0, 1), done.stderr
    return {os.path.normpath(f["path"]) for f in json.loads(report.read_text())["files"]}


def _listed(run: Run, folder: Path) -> set[str]:
    """What check reads, seen through the files it reports on: each file has one finding here."""
    done = run("check", "--format", "json", "--select", "FM003", ".", cwd=folder)
    return {d["path"] for d in json.loads(done.stdout)["diagnostics"] if d["code"] == "FM003"}


def test_check_and_convert_visit_the_same_files(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "blog"
    (folder / "posts").mkdir(parents=True)
    (folder / "drafts").mkdir()
    (folder / ".git").mkdir()
    bad = "---\ntitle: 3\n---\n본문\n"  # FM003 on every file, so check names each file it read
    for name in ("posts/a.md", "posts/b.md", "drafts/wip.md", "posts/skip.md", "top.md"):
        (folder / name).write_text(bad, encoding="utf-8")
    (folder / ".git" / "inside.md").write_text(bad, encoding="utf-8")
    (folder / ".gitignore").write_text("drafts/\n")
    (folder / ".artlint.toml").write_text('exclude = ["posts/skip.md"]\n')
    subprocess.run(["git", "init", "-q", str(folder)], check=True, timeout=60)
    checked = _listed(run, folder)
    converted = _converted(run, folder, tmp_path)
    assert checked == {"posts/a.md", "posts/b.md", "top.md"}
    assert converted == checked


def test_links_out_of_the_tree_and_loops_are_not_followed(run: Run, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: 3\n---\n", encoding="utf-8")
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: 3\n---\n", encoding="utf-8")
    (folder / "inside-link.md").symlink_to(folder / "a.md")
    (folder / "out-link.md").symlink_to(outside / "secret.md")
    (folder / "out-folder").symlink_to(outside)
    (folder / "loop").symlink_to(folder)  # a folder link back to the top
    (folder / "x.md").symlink_to(folder / "y.md")
    (folder / "y.md").symlink_to(folder / "x.md")  # a file link loop
    checked = _listed(run, folder)
    assert checked == {"a.md", "inside-link.md"}
    done = run("check", "--format", "json", ".", cwd=folder)
    unreadable = {d["path"] for d in json.loads(done.stdout)["diagnostics"] if d["code"] == "AL001"}
    assert unreadable == {"x.md", "y.md"}  # said once each, never walked round
    converted = _converted(run, folder, tmp_path)
    assert converted == {"a.md", "inside-link.md", "x.md", "y.md"}
