"""Exact file lookup by directory listing, with the near misses that explain a broken link.

Names are compared as stored, byte for byte in meaning: a case-insensitive disk (macOS,
Windows) would say "exists" for `Image.PNG` when the file is `image.png`, and the link then
breaks on the Linux server; listing the folder catches that on every system. Listings are
cached per folder and modification time, so thousands of links cost few system calls.
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import NamedTuple

from artlint.model import reads

_DIGITS = re.compile(r"\d+")
_listings: dict[str, tuple[int, frozenset[str]]] = {}
_closest: dict[tuple[str, frozenset[str]], str | None] = {}


class Miss(NamedTuple):
    """The first path segment that does not exist, and the entry it was probably meant to be."""

    segment: str
    folder: str
    suggestion: str | None = None
    reason: str = ""  # "nfd", "nfc", "case", "close" or ""


def listing(folder: str) -> frozenset[str] | None:
    names = _listing(folder)
    reads.record("listing", (folder,), names)
    return names


def _listing(folder: str) -> frozenset[str] | None:
    try:
        stamp = os.stat(folder).st_mtime_ns
    except (OSError, ValueError):  # ValueError: a NUL character in the name
        return None
    cached = _listings.get(folder)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        names = frozenset(os.listdir(folder))
    except OSError:
        return None
    _listings[folder] = (stamp, names)
    return names


def is_folder(path: str) -> bool:
    found = os.path.isdir(path)
    reads.record("folder", (path,), found)
    return found


def lookup(base: str, relative: str) -> tuple[str | None, Miss | None]:
    """Find `relative` (a "/"-separated path, may hold "..") under the existing folder `base`."""
    path = os.path.normpath(os.path.join(base, relative))
    base = os.path.normpath(base)
    if os.path.commonpath([base, path]) != base:
        base = os.path.commonpath([base, path])
    current = base
    rest = os.path.relpath(path, base)
    if rest == ".":
        return current, None
    for segment in rest.split(os.sep):
        names = listing(current)
        if names is None:
            return None, Miss(segment, current)
        if segment not in names:
            return None, _near(segment, current, names)
        current = os.path.join(current, segment)
    return current, None


def _near(segment: str, folder: str, names: frozenset[str]) -> Miss:
    nfc = unicodedata.normalize("NFC", segment)
    for name in sorted(names):
        if unicodedata.normalize("NFC", name) == nfc:
            reason = "nfd" if unicodedata.is_normalized("NFC", segment) else "nfc"
            return Miss(segment, folder, name, reason)
    folded = nfc.casefold()
    for name in sorted(names):
        if unicodedata.normalize("NFC", name).casefold() == folded:
            return Miss(segment, folder, name, "case")
    close = closest(segment, names)
    return Miss(segment, folder, close, "close" if close else "")


def closest(wanted: str, names: frozenset[str]) -> str | None:
    """The most similar name by stem; never one of a numbered series (img_2.png for img_3.png)."""
    key = (wanted, names)
    if key not in _closest:
        _closest[key] = _closest_uncached(wanted, names)
    return _closest[key]


def _closest_uncached(wanted: str, names: frozenset[str]) -> str | None:
    stem = os.path.splitext(wanted)[0]
    series = _DIGITS.sub("0", stem)
    import difflib  # a near miss is looked for only when a link's file is missing

    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(stem)  # the expensive side, analysed once
    best, score = None, 0.75
    for name in sorted(names):
        other = os.path.splitext(name)[0]
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() < score or matcher.quick_ratio() < score:
            continue
        ratio = matcher.ratio()
        if ratio >= score and (ratio > score or best is None) and _DIGITS.sub("0", other) != series:
            best, score = name, ratio
    return best
