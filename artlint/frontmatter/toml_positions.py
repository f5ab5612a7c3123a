"""Where each value of a TOML front-matter block is written: `tomllib` keeps no positions.

A line scanner that knows table headers (`[a.b]`, `[[posts]]`), dotted and quoted keys and
multi-line strings, plus a bracket walker for array items. The block has already parsed, so an
unexpected shape only means "position unknown" (None), never an error.
"""

from __future__ import annotations

import functools
import re

Path = tuple[str | int, ...]

_HEADER = re.compile(r"[ \t]*(\[\[?)(.+?)\]\]?[ \t]*(?:#.*)?$")
_PART_TEXT = r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'"""
_PART = re.compile(_PART_TEXT)
_KEY = re.compile(rf"[ \t]*((?:{_PART_TEXT})(?:[ \t]*\.[ \t]*(?:{_PART_TEXT}))*)[ \t]*=[ \t]*")


def _parts(dotted: str) -> Path:
    import json

    names: list[str | int] = []
    for part in _PART.findall(dotted):
        names.append(json.loads(part) if part.startswith('"') else part.strip("'"))
    return tuple(names)


@functools.lru_cache(maxsize=64)
def toml_values(text: str) -> dict[Path, tuple[int, int]]:
    """Offsets of each `key = value` value and key, by full path (array-of-tables numbered)."""
    found: dict[Path, tuple[int, int]] = {}
    counts: dict[Path, int] = {}
    prefix: Path = ()
    offset = 0
    closing: str | None = None  # the delimiter of a multi-line string still open
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if closing is not None:
            closing = None if line.count(closing) % 2 == 1 else closing
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = _parts(header.group(2))
            if header.group(1) == "[[":
                counts[names] = counts.get(names, -1) + 1
                names = (*names, counts[names])
            prefix = names
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        found[(*prefix, *_parts(key.group(1)))] = (start + key.end(), start + key.start(1))
        rest = line[key.end():]
        for quote in ('"""', "'''"):
            if rest.startswith(quote) and rest.count(quote) == 1:
                closing = quote
    return found


def toml_offset(text: str, path: Path) -> int | None:
    """Offset of the value at `path`, walking into arrays written inline; None when unknown."""
    values = toml_values(text)
    for cut in range(len(path), 0, -1):
        if path[:cut] in values:
            offset: int | None = values[path[:cut]][0]
            for index in path[cut:]:
                if not isinstance(index, int) or offset is None:
                    return None
                offset = _item(text, offset, index)
            return offset
    return None


def toml_key_offset(text: str, path: Path) -> int | None:
    found = toml_values(text).get(path)
    return None if found is None else found[1]


def _item(text: str, offset: int, index: int) -> int | None:
    """Offset of item `index` of the array that starts at `offset`."""
    if not text.startswith("[", offset):
        return None
    depth, quote, expecting, count = 0, "", True, 0
    i = offset
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        else:
            if depth == 1 and expecting and ch not in " \t\r\n,]":
                if count == index:
                    return i
                count, expecting = count + 1, False
            if ch in "\"'":
                quote = ch
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return None
            elif ch == "," and depth == 1:
                expecting = True
        i += 1
    return None
