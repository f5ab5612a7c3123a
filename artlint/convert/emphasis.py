"""Emphasis that always renders: `*`/`**` where CommonMark accepts them, HTML tags where not.

The converter marks each emphasised run with private-use placeholders; `resolve` runs on the
finished Markdown, when the characters around every delimiter are known. A delimiter run can
open when it is left-flanking and close when it is right-flanking (CommonMark 6.2); next to
Korean text a closing `**` after punctuation is not, so that pair is written as `<strong>`.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

OPEN = {"strong": "\ue000", "em": "\ue002", "mark": "\ue004"}
CLOSE = {"strong": "\ue001", "em": "\ue003", "mark": "\ue005"}
_KIND = {v: k for k, v in OPEN.items()} | {v: k for k, v in CLOSE.items()}
MARKS = {"strong": "**", "em": "*"}
PLACEHOLDERS = frozenset(_KIND)
_PLACEHOLDER = re.compile("[\ue000-\ue005]")


def wrap(kind: str, text: str) -> str:
    return OPEN[kind] + text + CLOSE[kind]


def _space(ch: str) -> bool:
    return isWhiteSpace(ord(ch))


def _punct(ch: str) -> bool:
    return isMdAsciiPunct(ord(ch)) or isPunctChar(ch)


def _left_flanking(before: str, after: str) -> bool:
    return not _space(after) and (not _punct(after) or _space(before) or _punct(before))


def _right_flanking(before: str, after: str) -> bool:
    return not _space(before) and (not _punct(before) or _space(after) or _punct(after))


def _neighbour(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else " "


def _risky(ch: str) -> bool:
    # Another delimiter or placeholder next to ours would merge into one run.
    return ch in "*_" or ch in PLACEHOLDERS


def resolve(text: str) -> str:
    marks = [(found.start(), found.group()) for found in _PLACEHOLDER.finditer(text)]
    if not marks:
        return text
    pairs: dict[int, tuple[int, str]] = {}
    stack: list[int] = []
    for index, ch in marks:
        kind = _KIND[ch]
        if ch == OPEN[kind]:
            stack.append(index)
        elif stack:
            start = stack.pop()
            pairs[start] = (index, kind)
            pairs[index] = (start, kind)
    out: list[str] = []
    last = 0
    for index, _ in marks:
        out.append(text[last:index])
        last = index + 1
        if index not in pairs:
            continue  # unmatched: emit nothing rather than a stray delimiter
        other, kind = pairs[index]
        start, end = min(index, other), max(index, other)
        if _markdown_ok(text, start, end, kind):
            out.append(MARKS[kind])
        else:
            out.append(f"<{kind}>" if index == start else f"</{kind}>")
    out.append(text[last:])
    return "".join(out)


def _markdown_ok(text: str, start: int, end: int, kind: str) -> bool:
    if kind not in MARKS or "\n\n" in text[start:end]:
        return False
    before_open, after_open = _neighbour(text, start - 1), _neighbour(text, start + 1)
    before_close, after_close = _neighbour(text, end - 1), _neighbour(text, end + 1)
    if any(_risky(ch) for ch in (before_open, after_open, before_close, after_close)):
        return False
    # An escaped character inside the run ends with a backslash that would escape our delimiter.
    if before_close == "\\":
        return False
    return _left_flanking(before_open, after_open) and _right_flanking(before_close, after_close)
