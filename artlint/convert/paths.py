"""Which files to convert and where each output goes, never outside the output folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from artlint.convert.options import ConvertError

SOURCE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"})
SUFFIX = {"markdown": ".md", "blog": ".md", "json": ".json", "jsonl": ".jsonl"}


@dataclass(frozen=True)
class Item:
    source: str  # the file to read
    relative: str  # its path under the source root, "/"-separated: mirrored under --out
    line: int = 0  # for a .jsonl archive: which article (1-based); 0 for a whole file
    skipped: str = ""  # why it is not converted (a symbolic link met while walking)
    error: str = ""  # why it cannot be converted (an output name that would leave --out)


def expand(sources: list[str]) -> Iterator[Item]:
    """Files named directly are converted; folders are walked without following links."""
    for given in sources:
        if os.path.isfile(given):
            yield Item(given, Path(given).name)
        elif os.path.isdir(given):
            yield from _walk(given)
        else:
            raise ConvertError(f"{given}: no such file or directory")


def _walk(folder: str) -> Iterator[Item]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.lower().endswith(SOURCE_SUFFIXES):
                continue
            path = os.path.join(root, name)
            relative = Path(os.path.relpath(path, folder)).as_posix()
            yield Item(path, relative, skipped="symbolic link" if os.path.islink(path) else "")


def safe_relative(name: str) -> PurePosixPath:
    """`name` as a relative path with no way up; an absolute name loses its root."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":
        parts = parts[1:]  # a Windows drive
    if ".." in parts:
        raise ConvertError(f"{name}: output path would leave the output folder")
    if not parts:
        raise ConvertError(f"{name!r}: empty output path")
    return PurePosixPath(*parts)


def output_path(out: Path, relative: str, to: str) -> Path:
    """Where `relative` goes under `out`, with the target format's suffix; checked to stay inside."""
    rel = safe_relative(relative)
    if to in SUFFIX and rel.suffix.lower() in SOURCE_SUFFIXES:
        rel = rel.with_suffix(SUFFIX[to])
    root = out.resolve()
    target = root.joinpath(*rel.parts)
    # A symbolic link inside --out may point elsewhere: the real folder must still be inside.
    parent = target.parent.resolve()
    if parent != root and root not in parent.parents:
        raise ConvertError(f"{relative}: output path would leave the output folder (through a link)")
    return parent / target.name


def write_atomic(path: Path, text: str) -> None:
    """Temporary file in the same folder, then os.replace: an interrupt leaves no partial file.

    A symbolic link at `path` is replaced, not followed, so a write never lands outside.
    """
    import contextlib
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with open(temp, "x", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
