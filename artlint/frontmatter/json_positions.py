"""Where each value of a JSON front-matter block is written: `json` itself keeps no positions.

The block has already parsed, so the scanner can trust its shape; it records, for every path,
the offsets of the value and of its key, the last duplicate winning as it does for `json`.
"""

from __future__ import annotations

import functools
import re

_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")

Path = tuple[str | int, ...]
Span = tuple[int, int, int | None]  # value start, value end, key start (None for array items)


@functools.lru_cache(maxsize=64)
def json_spans(text: str) -> dict[Path, Span]:
    """Offsets in `text` by path; empty when the text is not the JSON the scanner expects."""
    spans: dict[Path, Span] = {}
    try:
        _value(text, 0, (), None, spans)
    except (IndexError, AttributeError, ValueError, RecursionError):
        return {}
    return spans


def _space(text: str, i: int) -> int:
    match = _SPACE.match(text, i)
    return match.end() if match else i


def _value(text: str, i: int, path: Path, key: int | None, spans: dict[Path, Span]) -> int:
    i = _space(text, i)
    start = i
    if text[i] == "{":
        i = _members(text, i + 1, path, spans)
    elif text[i] == "[":
        i = _items(text, i + 1, path, spans)
    else:
        match = (_STRING if text[i] == '"' else _SCALAR).match(text, i)
        if match is None:
            raise ValueError(f"unexpected character at {i}")
        i = match.end()
    spans[path] = (start, i, key)
    return i


def _members(text: str, i: int, path: Path, spans: dict[Path, Span]) -> int:
    import json

    i = _space(text, i)
    if text[i] == "}":
        return i + 1
    while True:
        i = _space(text, i)
        match = _STRING.match(text, i)
        if match is None:
            raise ValueError(f"expected a key at {i}")
        name = json.loads(match.group())
        i = _space(text, match.end()) + 1  # past ":"
        i = _space(text, _value(text, i, (*path, name), match.start(), spans))
        if text[i] == "}":
            return i + 1
        i += 1  # past ","


def _items(text: str, i: int, path: Path, spans: dict[Path, Span]) -> int:
    i = _space(text, i)
    if text[i] == "]":
        return i + 1
    index = 0
    while True:
        i = _space(text, _value(text, i, (*path, index), None, spans))
        if text[i] == "]":
            return i + 1
        i += 1
        index += 1
