"""Split a body into top-level block groups: plain Markdown kept as written, HTML to convert.

A group is one or more consecutive top-level blocks of the markdown-it token stream. Blocks are
merged while an HTML element opened in one is closed in a later one (a `<div>` wrapping
paragraphs), so every HTML group renders to balanced HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from artlint.html.vocabulary import OPTIONAL_END, VOID

if TYPE_CHECKING:
    from markdown_it.token import Token

# Elements that never hold others open: void ones, and those whose end tag HTML lets an author
# omit (an unclosed <p> must not swallow the rest of the body).
_NO_SPAN = VOID | OPTIONAL_END
# The attributes are matched greedily and a final "/" looked for afterwards: a lazy match that
# tries `/?>` after every character costs twice as much on long tags.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^>]*|/?)>")
_SKIP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


@dataclass
class Group:
    start: int  # first body line (0-based)
    end: int  # line past the last
    tokens: list[Token] = field(default_factory=list)
    html: bool = False
    code_lines: set[int] = field(default_factory=set)  # lines whose text is code, kept verbatim
    break_lines: set[int] = field(default_factory=set)  # lines that end in a hard line break


def _blocks(tokens: list[Token]) -> list[tuple[int, int, list[Token]]]:
    blocks: list[tuple[int, int, list[Token]]] = []
    depth = 0
    current: list[Token] = []
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            first = current[0]
            if first.map is not None:
                blocks.append((first.map[0], first.map[1], current))
            current = []
    return blocks


def split_blocks(tokens: list[Token]) -> list[list[Token]]:
    """The tokens of each top-level block."""
    return [block for _, _, block in _blocks(tokens)]


def _has_html(tokens: list[Token]) -> bool:
    for token in tokens:
        if token.type == "html_block":
            return True
        if token.children and any(child.type == "html_inline" for child in token.children):
            return True
    return False


def _html_of(tokens: list[Token]) -> str:
    parts = []
    for token in tokens:
        if token.type == "html_block":
            parts.append(token.content)
        elif token.children:
            parts.extend(child.content for child in token.children if child.type == "html_inline")
    return "".join(parts)


def _track(stack: list[str], html: str) -> None:
    """Open elements left after `html`, on top of `stack`."""
    for closing, tag, rest in _TAG.findall(_SKIP.sub("", html)):
        name = tag.lower()
        if name in _NO_SPAN or rest.endswith("/"):
            continue
        if not closing:
            stack.append(name)
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name) :]


def split(tokens: list[Token]) -> list[Group]:
    groups: list[Group] = []
    stack: list[str] = []  # elements still open at the end of the last group
    pending: list[Token] = []  # the last block's HTML, tracked only once another block follows
    for start, end, block in _blocks(tokens):
        if pending:
            _track(stack, _html_of(pending))
        html = _has_html(block)
        if groups and stack:
            group = groups[-1]  # an element opened earlier is still open here
            group.end = max(group.end, end)
            group.tokens.extend(block)
        else:
            group = Group(start, end, list(block), html)
            groups.append(group)
        _mark(group, block)
        pending = block if html else []
    return groups


def _mark(group: Group, tokens: list[Token]) -> None:
    for token in tokens:
        if token.map is None:
            continue
        if token.type in ("fence", "code_block"):
            group.code_lines.update(range(*token.map))
        elif token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "hardbreak":
                    group.break_lines.update(range(token.map[0], token.map[1] - 1))
                    break
