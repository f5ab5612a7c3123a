"""A BeautifulSoup element written back as HTML: the same text as `str(element)`, faster.

bs4's own serialiser compares tags structurally at every step; on the large tables editors
write it costs more than converting them. This one handles what html.parser trees hold (tags,
plain text, comments) and leaves anything else (CDATA, doctypes, ...) to bs4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bs4.element import Comment, NavigableString, Tag

if TYPE_CHECKING:
    from bs4.element import PageElement

_RAW_TEXT = frozenset({"script", "style"})  # bs4's minimal formatter leaves their text alone


class _Unusual(Exception):
    pass


def html(element: Tag) -> str:
    try:
        parts: list[str] = []
        _write(element, parts)
        return "".join(parts)
    except _Unusual:
        return str(element)


def _write(node: PageElement, parts: list[str]) -> None:
    kind = type(node)
    if kind is Tag:
        assert isinstance(node, Tag)
        if node.prefix or node.hidden:
            raise _Unusual
        attributes = "".join(f" {key}={_attribute(value)}" for key, value in sorted(node.attrs.items()))
        if not node.contents and node.can_be_empty_element:
            parts.append(f"<{node.name}{attributes}/>")
            return
        parts.append(f"<{node.name}{attributes}>")
        for child in node.contents:
            _write(child, parts)
        parts.append(f"</{node.name}>")
    elif kind is NavigableString:
        parent = node.parent
        text = str(node)
        parts.append(text if parent is not None and parent.name in _RAW_TEXT else _escape(text))
    elif kind is Comment:
        parts.append(f"<!--{node}-->")
    else:
        raise _Unusual


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: object) -> str:
    if value is None:
        raise _Unusual  # a bare attribute name: rare, and bs4 knows how to write it
    if isinstance(value, list | tuple):
        value = " ".join(value)
    text = _escape(str(value))
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'
