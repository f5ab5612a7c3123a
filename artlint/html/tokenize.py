"""Find the start and end tags of HTML text, as the HTML standard's tokenizer sees them.

Only tags and their offsets matter here, so the finder jumps from one `<` to the next and reads
each construct by the standard's tokenization rules: a start tag (name, attributes, `/>`), an
end tag, a comment, a bogus comment (`<!x>`, `<?x>`, `</ x>`), or plain text. The content of
raw-text and escapable raw-text elements (`<script>`, `<style>`, `<textarea>`, `<title>`, ...)
is text up to the matching end tag. A construct that the input ends inside is no tag, as in the
standard. The rules are our own and depend on no Python version's html.parser, so every supported
Python finds the same tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from artlint.html.pairing import Builder
from artlint.html.vocabulary import RAW_TEXT

_SPACE = r"[\t\n\r\f ]"
_GAP_TEXT = rf"(?:{_SPACE}|/(?!>))*"
# One attribute: a name, then optionally `=` and a quoted or unquoted value, then the gap to the
# next one. Its groups are the ones the builder reads: 1 name, 2 "=value" with spaces, 3 value.
_ATTRIBUTE_TEXT = (
    r"""([^\t\n\r\f />][^\t\n\r\f /=>]*)"""
    rf"""({_SPACE}*={_SPACE}*('[^']*'|"[^"]*"|(?!['"])[^\t\n\r\f >]*))?"""
    + _GAP_TEXT
)
_ATTRIBUTE = re.compile(_ATTRIBUTE_TEXT)
# A whole tag in one match, read as the tokenizer reads it: each attribute takes the longest text
# it can and never gives any back (atomic groups, possessive repeats), so a tag the input ends
# inside is no tag, and where the attributes end is where a one-by-one reading stops.
_ATTRIBUTES = "(?:(?>" + re.sub(r"\((?!\?)", "(?:", _ATTRIBUTE_TEXT) + "))*+"
_START_TAG = re.compile(rf"<([a-zA-Z][^\t\n\r\f />\x00]*+)(?:{_SPACE}|/(?!>))*+({_ATTRIBUTES})(/?)>")
_END_TAG = re.compile(rf"</([a-zA-Z][^\t\n\r\f />\x00]*+)(?:{_SPACE}|/(?!>))*+{_ATTRIBUTES}/?>")
_CONSTRUCT = re.compile(r"<[a-zA-Z/!?]")


def find_tags(text: str, builder: Builder) -> None:
    """Feed every start and end tag of `text` to `builder`, in document order."""
    n = len(text)
    start, end, attributes = builder.start, builder.end, _ATTRIBUTE.finditer
    start_tag, end_tag, construct = _START_TAG.match, _END_TAG.match, _CONSTRUCT.search
    found = construct(text)
    while found is not None:
        i = found.start()
        following = text[i + 1]
        if following == "/":
            k = _end_tag(text, i, end, end_tag)
        elif following == "!":
            k = _markup_declaration(text, i)
        elif following == "?":
            k = _until_gt(text, i + 2)  # a processing instruction is a bogus comment
        else:
            tag = start_tag(text, i)
            if tag is None:
                return  # the input ends inside the tag: no tag, and nothing after it
            k = tag.end()
            name, slash = tag.group(1, 3)
            name = name.lower()
            closing = slash == "/"
            a, b = tag.span(2)
            start(name, i, k, closing, attributes(text, a, b) if a < b else ())
            if name in RAW_TEXT and not closing:
                k = _raw_text_end(text, k, name)
        if k >= n:
            return
        found = construct(text, k)


def start_tag(text: str, at: int) -> tuple[str, list[tuple[str, str | None]]] | None:
    """The name and the attributes (name, value as written, quotes included) of the start tag a
    browser reads at `at`, or None."""
    tag = _START_TAG.match(text, at)
    if tag is None:
        return None
    a, b = tag.span(2)
    return tag.group(1).lower(), [(m.group(1).lower(), m.group(3)) for m in _ATTRIBUTE.finditer(text, a, b)]


def _raw_text_end(text: str, start: int, tag: str) -> int:
    """Where the raw text of `tag` ends: at its end tag (or at the end of the input)."""
    pattern = re.compile(rf"</{re.escape(tag)}(?=[\t\n\r\f />])", re.IGNORECASE)
    found = pattern.search(text, start)
    return len(text) if found is None else found.start()


def _end_tag(
    text: str, i: int, end: Callable[[str, int], None], match: Callable[..., re.Match[str] | None]
) -> int:
    following = text[i + 2 : i + 3]
    if following == ">":
        return i + 3  # "</>" is dropped
    if not (following.isascii() and following.isalpha()):
        return _until_gt(text, i + 2)  # "</ x>" is a bogus comment
    tag = match(text, i)
    if tag is None:
        return len(text)  # the input ends inside the tag
    end(tag.group(1).lower(), i)
    return tag.end()


def _markup_declaration(text: str, i: int) -> int:
    if text.startswith("<!--", i):
        if text.startswith(">", i + 4):
            return i + 5  # "<!-->" is an empty comment
        if text.startswith("->", i + 4):
            return i + 6  # "<!--->" too
        end = text.find("-->", i + 4)
        bang = text.find("--!>", i + 4)
        if bang >= 0 and (end < 0 or bang < end):
            return bang + 4
        return len(text) if end < 0 else end + 3
    return _until_gt(text, i + 2)  # a doctype, or a bogus comment (CDATA outside SVG/MathML too)


def _until_gt(text: str, k: int) -> int:
    end = text.find(">", k)
    return len(text) if end < 0 else end + 1
