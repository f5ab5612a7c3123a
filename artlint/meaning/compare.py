"""Turn two Meanings into concrete messages: which block, link, image or emphasis changed."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from artlint.meaning.model import Meaning

Pair = tuple[str, str]

_LABELS = {"paragraph": "paragraph", "item": "list item", "cell": "table cell",
           "blockquote": "quote", "code": "code block"}


def compare(before: Meaning, after: Meaning, runs: list[Pair]) -> list[str]:
    """`runs` are (literal, text) pairs: `**text**` in before that is emphasis in after."""
    old_blocks = [(kind, _unrun(text, runs)) for kind, text in before.blocks] if runs else list(before.blocks)
    problems = _blocks(old_blocks, list(after.blocks))
    if not problems and _unrun(before.text, runs) != after.text:
        problems.append(f"visible text differs: {_changed(_unrun(before.text, runs), after.text)}")
    old_links = [(href, _unrun(text, runs)) for href, text in before.links]
    problems += _pairs("link", old_links, list(after.links))
    problems += _pairs("image", list(before.images), list(after.images))
    lost, added = unmatched(before.emphasis, after.emphasis), unmatched(after.emphasis, before.emphasis)
    problems += [f"emphasis lost: {kind} {_clip(text)}" for kind, text in lost]
    became = {text for _, text in runs}
    problems += [f"emphasis added: {kind} {_clip(text)}" for kind, text in added if text not in became]
    if before.classes != after.classes:
        old, new = Counter(before.classes), Counter(after.classes)
        problems += [f"class lost: {name}" for name in sorted(old - new)]
        problems += [f"class added: {name}" for name in sorted(new - old)]
    return problems


def _unrun(text: str, runs: list[Pair]) -> str:
    for literal, plain in runs:
        text = text.replace(literal, plain)
    return text


def _label(kind: str) -> str:
    return _LABELS.get(kind, f"heading {kind}" if kind.startswith("h") else kind)


def _blocks(old: list[Pair], new: list[Pair]) -> list[str]:
    if old == new:
        return []  # the one answer the matcher could give, without indexing every block
    problems = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            (kind, text), (new_kind, new_text) = old[i1 + k], new[j1 + k]
            where = f"{_label(kind)} {_ordinal(old, i1 + k)}"
            if kind != new_kind:
                problems.append(f"{where} became a {_label(new_kind)}: {_clip(new_text)}")
            else:
                problems.append(f"{where} text differs: {_changed(text, new_text)}")
        for i in range(i1 + paired, i2):
            problems.append(f"{_label(old[i][0])} {_ordinal(old, i)} lost: {_clip(old[i][1])}")
        for j in range(j1 + paired, j2):
            problems.append(f"{_label(new[j][0])} added: {_clip(new[j][1])}")
    return problems


def _ordinal(blocks: list[Pair], index: int) -> int:
    kind = blocks[index][0]
    return sum(1 for k, _ in blocks[: index + 1] if k == kind)


def _pairs(what: str, old: list[Pair], new: list[Pair]) -> list[str]:
    lost, added = unmatched(old, new), unmatched(new, old)
    for url, text in list(lost):
        # http:// -> https:// is the same page or image, fetched safely (mixed-content fixes).
        upgraded = ("https://" + url[7:], text)
        if url.startswith("http://") and upgraded in added:
            lost.remove((url, text))
            added.remove(upgraded)
    problems = []
    for url, text in lost:
        same = next((a for a in added if a[0] == url), None)
        if same is None:
            problems.append(f"{what} lost: {url or '(empty)'}")
        else:
            added.remove(same)
            part = "text" if what == "link" else "alt text"
            problems.append(f"{what} {part} differs: {url}: {_changed(text, same[1])}")
    problems += [f"{what} added: {url or '(empty)'}" for url, _ in added]
    return problems


def unmatched(items: tuple[Pair, ...] | list[Pair], others: tuple[Pair, ...] | list[Pair]) -> list[Pair]:
    """Items not matched one-to-one by an equal item of `others`, in order."""
    left = Counter(others)
    out = []
    for item in items:
        if left[item]:
            left[item] -= 1
        else:
            out.append(item)
    return out


def _changed(old: str, new: str) -> str:
    """'...before...' -> '...after...', cut around the first character that differs."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    begin = max(0, start - 20)
    return f"{_clip(old[begin:], lead=begin > 0)} -> {_clip(new[begin:], lead=begin > 0)}"


def _clip(text: str, width: int = 60, lead: bool = False) -> str:
    cut = text if len(text) <= width else text[:width] + "…"
    return repr(("…" if lead else "") + cut)
