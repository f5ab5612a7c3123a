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

from artlint.html.pairing import Builder
from artlint.html.vocabulary import RAW_TEXT

_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_END_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_GAP = re.compile(r"(?:[\t\n\r\f ]|/(?!>))*")
# One attribute: a name, then optionally `=` and a quoted or unquoted value, then the gap to the
# next one. Its groups are the ones the builder reads: 1 name, 2 "=value" with spaces, 3 value.
_ATTRIBUTE = re.compile(
    r"""([^\t\n\r\f />][^\t\n\r\f /=>]*)"""
    r"""([\t\n\r\f ]*=[\t\n\r\f ]*('[^']*'|"[^"]*"|(?!['"])[^\t\n\r\f >]*))?"""
    r"""(?:[\t\n\r\f ]|/(?!>))*"""
)


def find_tags(text: str, builder: Builder) -> None:
    """Feed every start and end tag of `text` to `builder`, in document order."""
    n = len(text)
    i = text.find("<")
    while 0 <= i < n - 1:
        following = text[i + 1]
        if following.isascii() and following.isalpha():
            k = _start_tag(text, i, builder)
        elif following == "/":
            k = _end_tag(text, i, builder)
        elif following == "!":
            k = _markup_declaration(text, i)
        elif following == "?":
            k = _until_gt(text, i + 2)  # a processing instruction is a bogus comment
        else:
            k = i + 1  # a lone "<" is text
        i = text.find("<", k)


def _start_tag(text: str, i: int, builder: Builder) -> int:
    name = _TAG_NAME.match(text, i + 1)
    assert name is not None  # the caller saw a letter after "<"
    k = _GAP.match(text, name.end()).end()  # type: ignore[union-attr]
    attributes: list[re.Match[str]] = []
    while k < len(text) and text[k] != ">" and not text.startswith("/>", k):
        attribute = _ATTRIBUTE.match(text, k)
        if attribute is None or attribute.end() == k:
            break
        attributes.append(attribute)
        k = attribute.end()
    if text.startswith("/>", k):
        end, self_closing = k + 2, True
    elif text.startswith(">", k):
        end, self_closing = k + 1, False
    else:
        return len(text)  # the input ends inside the tag: no tag, and nothing after it
    tag = name.group().lower()
    builder.start(tag, i, text[i:end], self_closing=self_closing, found=attributes)
    if tag in RAW_TEXT and not self_closing:
        return _raw_text_end(text, end, tag)
    return end


def _raw_text_end(text: str, start: int, tag: str) -> int:
    """Where the raw text of `tag` ends: at its end tag (or at the end of the input)."""
    pattern = re.compile(rf"</{re.escape(tag)}(?=[\t\n\r\f />])", re.IGNORECASE)
    found = pattern.search(text, start)
    return len(text) if found is None else found.start()


def _end_tag(text: str, i: int, builder: Builder) -> int:
    following = text[i + 2 : i + 3]
    if following == ">":
        return i + 3  # "</>" is dropped
    if not (following.isascii() and following.isalpha()):
        return _until_gt(text, i + 2)  # "</ x>" is a bogus comment
    name = _END_NAME.match(text, i + 2)
    assert name is not None
    close = _tag_close(text, name.end())
    if close < 0:
        return len(text)
    builder.end(name.group().lower(), i)
    return close + 1


def _tag_close(text: str, k: int) -> int:
    """The `>` ending a tag whose attributes start at `k` (quoted values may hold `>`), or -1."""
    k = _GAP.match(text, k).end()  # type: ignore[union-attr]
    while k < len(text):
        attribute = _ATTRIBUTE.match(text, k)
        if attribute is None or attribute.end() == k:
            return k if text[k] == ">" else (k + 1 if text.startswith("/>", k) else -1)
        k = attribute.end()
    return -1


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
