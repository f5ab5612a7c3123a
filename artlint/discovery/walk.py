"""Expand the paths a user gives into the files to read: the one walker of check, fix and convert.

A folder is walked with .gitignore honoured inside a git work tree, `exclude` applied, and
version-control and tool folders skipped. Links: a file named directly is always taken (a write
goes through to its target); while walking, a link is followed only when it stays inside the
folder walked, and folders reached through links are never entered, so no walk loops.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from artlint.config.loading import Settings

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox", ".artlint_cache"}
)


class PathError(Exception):
    """A path the user named does not exist."""


class Found(NamedTuple):
    path: str  # normalised: "./a.md" and "a.md" are one file, "a.md"
    root: str | None  # the folder given that led to it; None for a file named or globbed


def expand(paths: Sequence[str], settings: Settings) -> Iterator[str]:
    """Files named directly are always checked (pre-commit passes them); folders are walked."""
    for found in find(paths, settings):
        yield found.path


def find(
    paths: Sequence[str], settings: Settings, extensions: Sequence[str] | None = None
) -> Iterator[Found]:
    """The files under `paths` with the folder each came from; `extensions` default to the settings'."""
    wanted = tuple(e.lower() for e in (settings.extensions if extensions is None else extensions))
    for given in paths:
        # Every path is checked before the first file, so a typo never leaves half a report.
        if glob.has_magic(given) and not os.path.exists(given):
            if next(glob.iglob(given, recursive=True), None) is None:
                raise PathError(f"{given}: no file matches this pattern")
        elif not (os.path.exists(given) or os.path.islink(given)):
            raise PathError(f"{given}: no such file or directory")
    seen: set[str] = set()
    for given in paths:
        root: str | None = None
        if os.path.isfile(given) or os.path.islink(given):
            candidates: Sequence[str] = [given]
        elif os.path.isdir(given):
            root = given
            candidates = sorted(p for p in _walk(given) if p.lower().endswith(wanted))
        else:
            candidates = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            candidates = [p for p in candidates if p.lower().endswith(wanted)]
        for path in candidates:
            path = os.path.normpath(path)
            if path not in seen and not settings.excluded(path):
                seen.add(path)
                yield Found(path, root)


def _walk(folder: str) -> Iterator[str]:
    top = os.path.realpath(folder)
    tracked = _git_files(folder)
    if tracked is not None:
        yield from (p for p in tracked if _inside(p, top))
        return
    for root, dirs, files in os.walk(folder):  # os.walk does not enter linked folders
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in files:
            path = os.path.join(root, name)
            if _inside(path, top):
                yield path


def _inside(path: str, top: str) -> bool:
    """A plain file, or a link that points inside the walked folder and not at a folder.

    A dangling or looping link inside is kept, so the run reports it as unreadable.
    """
    if not os.path.islink(path):
        return os.path.isfile(path)
    real = os.path.realpath(path)
    return not os.path.isdir(real) and real.startswith(top.rstrip(os.sep) + os.sep)


def _git_files(folder: str) -> list[str] | None:
    """Tracked and untracked-but-not-ignored files, so .gitignore is honoured; None outside git."""
    if not any((Path(folder).resolve() / p / ".git").exists() for p in ("", *_ups(folder))):
        return None
    import subprocess  # only a folder inside git is listed by git

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
