"""Gitignore-style globs: `*` within a folder, `**` across folders, a bare name matches anywhere."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


@functools.cache
def compile_glob(pattern: str) -> re.Pattern[str]:
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    parts: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                parts.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                parts.append(f"[{body}]")
                i = end + 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    # A pattern naming a folder also matches everything below it.
    return re.compile(f"{prefix}{''.join(parts)}(?:/.*)?")


def matches_any(patterns: Iterable[str], path: str) -> bool:
    while path.startswith("./"):
        path = path[2:]
    return any(compile_glob(p).fullmatch(path) for p in patterns)
