"""The hooks in .pre-commit-hooks.yaml: their entries work, and pre-commit itself can run them."""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

HOOKS: list[dict[str, Any]] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
BY_ID = {hook["id"]: hook for hook in HOOKS}

PASSING = "---\ntitle: 통과하는 글\ncategories:\n  - 뉴스\n---\n본문입니다.\n"
FAILING = "---\ntitle: 실패하는 글\ncategories: 뉴스, 일상\n---\n본문입니다.\n"  # FM003: not fixable


def test_hooks_are_declared() -> None:
    assert set(BY_ID) == {"artlint", "artlint-fix"}
    assert BY_ID["artlint"]["entry"] == "artlint check"
    assert BY_ID["artlint-fix"]["entry"] == "artlint check --fix"
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "html"]


def _entry_command(hook: dict[str, Any]) -> list[str]:
    """The hook's entry as pre-commit runs it: the installed `artlint` script, then its args."""
    program, *rest = shlex.split(hook["entry"])
    script = Path(sys.executable).parent / program
    head = [str(script)] if script.is_file() else [sys.executable, "-m", program]
    return head + rest + list(hook.get("args", []))


@pytest.mark.parametrize("hook_id", ["artlint", "artlint-fix"])
@pytest.mark.parametrize(("text", "code"), [(PASSING, 0), (FAILING, 1)], ids=["passing", "failing"])
def test_hook_entry_exit_codes(tmp_path: Path, hook_id: str, text: str, code: int) -> None:
    if hook_id == "artlint-fix" and importlib.util.find_spec("artlint.commands.fix") is None:
        pytest.skip("--fix is not available in this build")
    (tmp_path / "글.md").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [*_entry_command(BY_ID[hook_id]), "글.md"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == code, done.stdout + done.stderr
    assert (tmp_path / "글.md").read_text(encoding="utf-8") == text  # nothing here is fixable


def _git(*args: str, cwd: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _snapshot(target: Path) -> None:
    """A git repository holding the project as it is now, committed or not (what a release has)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, check=True, capture_output=True,
    ).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "snapshot", cwd=target)


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed")
@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    hooks, project = tmp_path / "hooks", tmp_path / "project"
    hooks.mkdir()
    project.mkdir()
    _snapshot(hooks)
    (project / "good.md").write_text(PASSING, encoding="utf-8")
    (project / "bad.md").write_text(FAILING, encoding="utf-8")
    (project / "notes.txt").write_text(FAILING, encoding="utf-8")  # not markdown: never passed
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "--files", *files],
            cwd=project, capture_output=True, text=True, env=env, timeout=600,
        )

    good = try_repo("good.md", "notes.txt")
    if good.returncode != 0 and "Installing environment" in good.stdout and "artlint..." not in good.stdout:
        pytest.skip(f"pre-commit could not build the hook environment (offline?): {good.stdout[-500:]}")
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.count("Passed") == 2
    bad = try_repo("good.md", "bad.md", "notes.txt")
    assert bad.returncode == 1
    assert bad.stdout.count("Failed") == 2  # both hooks
    assert 'bad.md:3:13: FM003 schema-violation $.categories: "뉴스, 일상" is not valid here' in bad.stdout
    assert "notes.txt" not in bad.stdout
