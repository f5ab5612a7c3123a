"""Tables: simple ones become GFM tables, the rest clean (sanitised) HTML.

Simple means every cell holds inline content and spans one row and one column: that is all a
GFM table can say. A table without a header row gets its first row as the header, never an
empty one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bs4.element import Tag

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

BLOCKS = ("table", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "figure",
          "iframe")
_BLOCK_NAMES = frozenset(BLOCKS)
_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def rows(table: Tag) -> list[Tag]:
    """The <tr> elements whose nearest table is `table`, in document order.

    The same as `find_all("tr")` keeping those whose `find_parent("table")` is `table`, without
    bs4's generic searches (they cost more than converting the table).
    """
    found: list[Tag] = []

    def walk(node: Tag) -> None:
        for child in node.contents:
            if isinstance(child, Tag) and child.name != "table":
                if child.name == "tr":
                    found.append(child)
                walk(child)

    walk(table)
    return found


def cells(row: Tag) -> list[Tag]:
    """The <td> and <th> children of `row` (`find_all(["td", "th"], recursive=False)`)."""
    return [child for child in row.contents if isinstance(child, Tag) and child.name in ("td", "th")]


def is_simple(table: Tag) -> bool:
    known = table.__dict__.get("_artlint_simple")
    if known is not None:
        return bool(known)
    simple = _simple(table)
    table.__dict__["_artlint_simple"] = simple
    return simple


def _simple(table: Tag) -> bool:
    found = rows(table)
    if not found:
        return False
    for row in found:
        for cell in cells(row):
            for span in ("colspan", "rowspan"):
                value = str(cell.get(span) or "1").strip()
                if value not in ("", "1"):
                    return False
            if not _inline_cell(cell):
                return False
    return True


def _inline_cell(cell: Tag) -> bool:
    """No block element inside, and at most one <p> or <div>."""
    paragraphs = 0
    for node in cell.descendants:
        if isinstance(node, Tag):
            if node.name in _BLOCK_NAMES:
                return False
            if node.name in ("p", "div"):
                paragraphs += 1
                if paragraphs > 1:
                    return False
    return True


def prepare(soup: BeautifulSoup, table: Tag) -> None:
    """Give a simple table without a header row its first row as the header."""
    if not is_simple(table):
        return
    first = rows(table)[0]
    for cell in cells(first):
        cell.name = "th"


def to_gfm(table: Tag, cell_text: Callable[[Tag], str]) -> str:
    grid = [[_cell(cell_text(cell)) for cell in cells(row)] for row in rows(table)]
    width = max(len(row) for row in grid)
    if width == 0:
        return ""
    grid = [row + [""] * (width - len(row)) for row in grid]
    lines = [_line(grid[0]), _line(["---"] * width)]
    lines.extend(_line(row) for row in grid[1:])
    return "\n\n" + "\n".join(lines) + "\n\n"


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return _PIPE.sub(lambda m: m.group(1) + "\\|", text)


def _line(values: list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def to_html(sanitised: str) -> str:
    """Sanitised table HTML as one CommonMark HTML block: no blank line may end it early."""
    text = _BLANK_LINES.sub("", sanitised.strip())
    return "\n\n" + text + "\n\n"
