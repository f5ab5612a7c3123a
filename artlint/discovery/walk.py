"""Expand the paths a user gives into the files to check."""

from __future__ import annotations

import glob
import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from artlint.config.loading import Settings

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"})


class PathError(Exception):
    """A path the user named does not exist."""


def expand(paths: Sequence[str], settings: Settings) -> Iterator[str]:
    """Files named directly are always checked (pre-commit passes them); folders are walked."""
    for given in paths:
        # Every path is checked before the first file, so a typo never leaves half a report.
        if glob.has_magic(given) and not os.path.exists(given):
            if next(glob.iglob(given, recursive=True), None) is None:
                raise PathError(f"{given}: no file matches this pattern")
        elif not (os.path.exists(given) or os.path.islink(given)):
            raise PathError(f"{given}: no such file or directory")
    seen: set[str] = set()
    for given in paths:
        if os.path.isfile(given) or os.path.islink(given):
            candidates: Sequence[str] = [given]
        elif os.path.isdir(given):
            candidates = sorted(_walk(given, settings))
        else:
            candidates = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            candidates = [p for p in candidates if _wanted(p, settings)]
        for path in candidates:
            # "./a.md" and "a.md" are one file, reported as "a.md".
            path = os.path.normpath(path)
            if path not in seen and not settings.excluded(path):
                seen.add(path)
                yield path


def _wanted(path: str, settings: Settings) -> bool:
    return path.lower().endswith(tuple(e.lower() for e in settings.extensions))


def _walk(folder: str, settings: Settings) -> Iterator[str]:
    tracked = _git_files(folder)
    if tracked is not None:
        yield from (p for p in tracked if _wanted(p, settings))
        return
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in files:
            path = os.path.join(root, name)
            if _wanted(path, settings):
                yield path


def _git_files(folder: str) -> list[str] | None:
    """Tracked and untracked-but-not-ignored files, so .gitignore is honoured; None outside git."""
    if not any((Path(folder).resolve() / p / ".git").exists() for p in ("", *_ups(folder))):
        return None
    try:
        out = subprocess.run(
            ["git", "-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    names = [n for n in out.decode("utf-8", "surrogateescape").split("\0") if n]
    return [os.path.join(folder, n) for n in names if os.path.isfile(os.path.join(folder, n))]


def _ups(folder: str) -> list[str]:
    depth = len(Path(folder).resolve().parts)
    return ["/".join([".."] * i) for i in range(1, depth)]
