"""Emphasis delimiters that CommonMark leaves as literal asterisks, common next to Korean text.

What it does:
    Finds `**…**`, `*…*` and `__…__` pairs that are still plain text after Markdown parsing.
    CommonMark's flanking rules refuse a closing `**` that follows punctuation and precedes a
    letter, which Korean and other CJK text does constantly: `**"강조"**를` or `**(주)**는`
    print their asterisks. The safe fix writes the pair as `<strong>…</strong>` (`<em>` for a
    single `*`), which renders the same everywhere. `__` pairs are only reported next to CJK
    text, since `snake__case__` names are usually meant literally.

    The judgement is the site's engine's: on a kramdown site (Jekyll), which opens emphasis before
    any non-space and closes it after one, `**굵게(b)**은` renders bold and is not reported; only
    pairs kramdown also leaves as asterisks are. On a goldmark site that drops raw HTML (Hugo
    without `unsafe`), no `<strong>` fix is offered, since Hugo would drop the tags.

Why is this bad:
    Readers see asterisks instead of bold text; the editor preview (often not CommonMark) showed
    it fine, so nobody notices.

Example:
    이 제품은 **"최고"**입니다.

Use instead:
    이 제품은 <strong>"최고"</strong>입니다.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.rules.base import Context

CODE = "HT117"
NAME = "unrendered-emphasis"
SUMMARY = "Emphasis delimiters are not rendered"
SEVERITY = Severity.ERROR
FIX = "safe"

_PAIR = re.compile(
    r"(?<![*\\])(\*\*|\*)(?![\s*])([^*\n]*?[^\s*\\])\1(?!\*)"
    r"|(?<![_\\])(__)(?![\s_])([^_\n]*?[^\s_\\])__(?!_)"
)
# Compiled on first use (by re's own cache): the class spans most of the BMP, and building it
# costs milliseconds that a file without `__` never needs.
_CJK = r"[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]"


def _pairs(content: str) -> Iterator[tuple[str, str, int, int]]:
    """(delimiter, whole match, start, end) of delimiter pairs in a text token."""
    for match in _PAIR.finditer(content):
        delimiter = match.group(1) or match.group(3)
        if delimiter == "__":
            near = content[max(0, match.start() - 1) : match.end() + 1]
            if not re.search(_CJK, near):
                continue
        if "$" in match.group():
            continue  # TeX such as $a^*$ is not emphasis
        yield delimiter, match.group(), match.start(), match.end()


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    for token in doc.tokens:
        if token.type != "inline" or not token.children:
            continue
        if "*" not in token.content and "_" not in token.content:
            continue
        span = doc.token_offsets(token)
        if span is None:
            continue
        position = span[0]
        for child in token.children:
            if child.type != "text":
                continue
            for delimiter, whole, start, end in _pairs(child.content):
                before = child.content[max(0, start - 1) : start]
                after = child.content[end : end + 1]
                at = doc.text.find(before + whole + after, position, span[1])
                if at < 0:
                    continue
                at += len(before)
                if doc.text[at - 1 : at] == "\\":
                    continue
                position = at + len(whole)
                yield _finding(ctx, delimiter, whole, at)


def _rules(ctx: Context) -> str:
    flavor = ctx.document.flavor
    if flavor is not None and flavor.engine == "kramdown":
        return "kramdown's emphasis rules"
    return "CommonMark's flanking rules"


def _finding(ctx: Context, delimiter: str, whole: str, at: int) -> Finding:
    tag = "em" if delimiter == "*" else "strong"
    size = len(delimiter)
    close = at + len(whole) - size
    edits = (Edit(at, at + size, f"<{tag}>"), Edit(close, close + size, f"</{tag}>"))
    line, column = ctx.document.position(at)
    end_line, end_column = ctx.document.position(at + len(whole))
    flavor = ctx.document.flavor
    fix = None if flavor is not None and not flavor.raw_html else Fix(edits, f"write it as <{tag}>")
    return Finding(
        line, column, f"{whole} is not rendered as emphasis: the delimiters fail {_rules(ctx)}",
        end_line=end_line, end_column=end_column, fix=fix,
    )
