"""markdownify's tree walk, the same output, without a tree search per element.

markdownify asks `node.find_parent("pre")` for every element it converts: a generic bs4 search
that costs more than the conversion itself on large articles. The names of the ancestors are
already in `parent_tags`; this walk uses them. Otherwise it follows markdownify 1.x exactly.
"""

from __future__ import annotations

import re
from typing import Any

import markdownify
from bs4.element import Comment, Doctype, NavigableString, Tag

# markdownify's stubs describe little beyond its constructor: its converter is used untyped.
MarkdownConverter: Any = markdownify.MarkdownConverter
should_remove_whitespace_inside: Any = getattr(markdownify, "should_remove_whitespace_inside")  # noqa: B009
should_remove_whitespace_outside: Any = getattr(markdownify, "should_remove_whitespace_outside")  # noqa: B009

_EXTRACT_NEWLINES = re.compile(r"^(\n*)((?:.*[^\n])?)(\n*)$", flags=re.DOTALL)
_WHITESPACE = re.compile(r"[\t ]+")
_ALL_WHITESPACE = re.compile(r"[\t \r\n]+")
_NEWLINE_WHITESPACE = re.compile(r"[\t \r\n]*[\r\n][\t \r\n]*")
_LEADING = frozenset(" \t\r\n")
_HEADING = re.compile(r"h(\d+)")
_CELLS = frozenset(("td", "th"))


_INSIDE: dict[str, bool] = {}


def _inside(tag: Tag) -> bool:
    """markdownify's should_remove_whitespace_inside, which reads nothing of a tag but its name."""
    found = _INSIDE.get(tag.name)
    if found is None:
        found = bool(should_remove_whitespace_inside(tag))
        if len(_INSIDE) < 1024:  # names come from the input: remember a bounded number
            _INSIDE[tag.name] = found
    return found


def _ignorable(el: Any, inside: bool) -> bool:
    """Whitespace at the edge of a block, or next to one, says nothing."""
    if inside and (not el.previous_sibling or not el.next_sibling):
        return True
    return bool(
        should_remove_whitespace_outside(el.previous_sibling)
        or should_remove_whitespace_outside(el.next_sibling)
    )


class FastWalk(MarkdownConverter):  # type: ignore[misc]
    # Elements whose converter reads the tree itself: their children are not converted first.
    OPAQUE: frozenset[str] = frozenset()

    def process_text(self, el: Any, parent_tags: set[str] | None = None) -> str:
        """markdownify's, asking only what can change the text: most text has no run of
        whitespace to collapse and no whitespace at an edge to strip."""
        if parent_tags is None:
            parent_tags = set()
        text = str(el) or ""
        if "pre" not in parent_tags:
            if self.options["wrap"]:
                text = _ALL_WHITESPACE.sub(" ", text)
            elif "\n" in text or "\r" in text or "\t" in text or "  " in text:
                text = _WHITESPACE.sub(" ", _NEWLINE_WHITESPACE.sub("\n", text))
        if "_noformat" not in parent_tags:
            text = self.escape(text, parent_tags)
        if text[:1] in _LEADING and (
            should_remove_whitespace_outside(el.previous_sibling)
            or (should_remove_whitespace_inside(el.parent) and not el.previous_sibling)
        ):
            text = text.lstrip(" \t\r\n")
        if text[-1:].isspace() and (
            should_remove_whitespace_outside(el.next_sibling)
            or (should_remove_whitespace_inside(el.parent) and not el.next_sibling)
        ):
            text = text.rstrip()
        return str(text)

    def process_tag(self, node: Any, parent_tags: set[str] | None = None) -> str:
        parent_tags = parent_tags or set()
        name = node.name
        if name in self.OPAQUE:
            return str(self.get_conv_fn_cached(name)(node, "", parent_tags=parent_tags))
        inside = _inside(node)
        children: list[Any] = []
        for el in node.contents:
            if isinstance(el, Tag) or (
                isinstance(el, NavigableString)
                and not isinstance(el, (Comment, Doctype))
                and (el.strip() != "" or not _ignorable(el, inside))
            ):
                children.append(el)
        child_tags = set(parent_tags)
        child_tags.add(name)
        if name in _CELLS or _HEADING.match(name) is not None:
            child_tags.add("_inline")
        if name in ("pre", "code", "kbd", "samp"):
            child_tags.add("_noformat")
        strings = [
            s for s in (
                self.process_text(el, parent_tags=child_tags) if isinstance(el, NavigableString)
                else self.process_tag(el, parent_tags=child_tags)
                for el in children
            ) if s
        ]
        if name != "pre" and "pre" not in parent_tags:
            collapsed = [""]
            for string in strings:
                if string[0] != "\n" and string[-1] != "\n":
                    collapsed.extend(("", string, ""))  # what the pattern splits it into
                    continue
                match = _EXTRACT_NEWLINES.match(string)
                assert match is not None
                leading, content, trailing = match.groups()
                if collapsed[-1] and leading:
                    previous = collapsed.pop()
                    leading = "\n" * min(2, max(len(previous), len(leading)))
                collapsed.extend([leading, content, trailing])
            strings = collapsed
        text = "".join(strings)
        convert = self.get_conv_fn_cached(node.name)
        if convert is not None:
            text = convert(node, text, parent_tags=parent_tags)
        return str(text)
