"""Which files to convert and where each output goes, never outside the output folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from artlint.config.loading import Settings
from artlint.convert.options import ConvertError
from artlint.discovery.walk import PathError, find

SOURCE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
SUFFIX = {"markdown": ".md", "blog": ".md", "json": ".json", "jsonl": ".jsonl"}


@dataclass(frozen=True)
class Item:
    source: str  # the file to read
    relative: str  # its path under the source root, "/"-separated: mirrored under --out
    line: int = 0  # for a .jsonl archive: which article (1-based); 0 for a whole file
    skipped: str = ""  # why it is not converted
    error: str = ""  # why it cannot be converted (an output name that would leave --out)
    encoding: str | None = None  # how to read it: a codec name, "auto", or None for UTF-8


def expand(sources: list[str], settings: Settings) -> Iterator[Item]:
    """The files `artlint check` would read under `sources` (one walker), with their relative names."""
    try:
        for found in find(sources, settings, SOURCE_SUFFIXES):
            if found.root is None:
                yield Item(found.path, Path(found.path).name)
            else:
                relative = Path(os.path.relpath(found.path, found.root)).as_posix()
                yield Item(found.path, relative)
    except PathError as exc:
        raise ConvertError(str(exc)) from None


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
    # A write goes through a link to its target, so a link there must point inside too.
    final = (parent / target.name).resolve()
    if final.parent != root and root not in final.parents:
        raise ConvertError(f"{relative}: output path would leave the output folder (through a link)")
    return parent / target.name
