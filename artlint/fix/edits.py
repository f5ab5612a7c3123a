"""Apply the edits of several fixes to a text: whole fixes only, never two that overlap."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from artlint.model.diagnostics import Edit, Fix


def apply_fixes(
    text: str, fixes: Iterable[Fix], floor: int = 0, newline: str = "\n"
) -> tuple[str, list[Fix]]:
    """Return the new text and the fixes applied.

    Fixes are taken in order of their first edit; one whose edits touch an accepted edit, reach
    before `floor` (the front matter) or past the text is left for a later pass or for the user.
    Inserted line breaks follow `newline`, the file's own style.
    """
    accepted: list[Edit] = []
    applied: list[Fix] = []
    for fix in sorted(fixes, key=_first_offset):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if not edits or not all(_valid(e, floor, len(text)) for e in edits):
            continue
        if _overlapping(edits) or any(_clash(e, a) for e in edits for a in accepted):
            continue
        accepted.extend(edits)
        applied.append(fix)
    if not applied:
        return text, []
    pieces = []
    position = 0
    for edit in sorted(accepted, key=lambda e: (e.start, e.end)):
        pieces.append(text[position : edit.start])
        pieces.append(_with_newline(edit.text, newline))
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), applied


def _first_offset(fix: Fix) -> tuple[int, int]:
    if not fix.edits:
        return (0, 0)
    first = min(fix.edits, key=lambda e: (e.start, e.end))
    return first.start, first.end


def _valid(edit: Edit, floor: int, length: int) -> bool:
    return floor <= edit.start <= edit.end <= length


def _clash(a: Edit, b: Edit) -> bool:
    # Two edits at the same point have no defined order; an insertion inside a replaced range
    # would be lost. Touching ranges ([1, 3) and [3, 5)) are fine.
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def _overlapping(edits: list[Edit]) -> bool:
    return any(_clash(a, b) for a, b in itertools.pairwise(edits))


def _with_newline(text: str, newline: str) -> str:
    if newline == "\n" or "\n" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\n", newline)
