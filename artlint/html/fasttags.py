"""Find start and end tags the way html.parser does, several times faster, or say "cannot".

html.parser walks every character run and entity of a document in Python; most of that work is
thrown away here, since only tags and their offsets matter. This finder jumps from one `<` to the
next and decides each with html.parser's own regular expressions and its decision rules (Python
3.11's goahead, parse_starttag, check_for_whole_start_tag and parse_endtag). Whatever it does
not model returns None, and the caller runs html.parser instead: comments, declarations,
processing instructions, <script> and <style> content, unusual end tags, entity forms that make
html.parser stop early, NUL characters, or a Python whose html.parser differs from the one this
was written against (its code and patterns are fingerprinted below; any change, as in the
security releases that reworked it, turns this finder off). A test compares both finders on the
corpus and on constructed and random cases.
"""

from __future__ import annotations

import html.parser as _hp
import re
import types
import zlib
from typing import Any

from artlint.html.pairing import Builder

# crc32 of the html.parser functions and patterns modelled here, as in CPython 3.11.7.
_MODELLED = frozenset({4192363745})
_FUNCTIONS = ("goahead", "parse_starttag", "check_for_whole_start_tag", "parse_endtag")
_PATTERNS = ("locatestarttagend_tolerant", "tagfind_tolerant", "attrfind_tolerant", "endtagfind",
             "interesting_normal", "charref", "entityref", "incomplete", "starttagopen", "endendtag")


def fingerprint() -> int:
    """A checksum of the html.parser code this module reproduces."""
    parts = []
    for name in _FUNCTIONS:
        code = getattr(_hp.HTMLParser, name).__code__
        consts = tuple(c for c in code.co_consts if not isinstance(c, types.CodeType))
        parts.append(code.co_code + repr((consts, code.co_names)).encode())
    for name in _PATTERNS:
        pattern = getattr(_hp, name, None)
        parts.append(pattern.pattern.encode() if pattern is not None else b"?")
    return zlib.crc32(b"".join(parts))


_SUPPORTED = fingerprint() in _MODELLED
_LOCATE: Any = getattr(_hp, "locatestarttagend_tolerant", None)
_TAGFIND: Any = getattr(_hp, "tagfind_tolerant", None)
_ATTRFIND: Any = getattr(_hp, "attrfind_tolerant", None)
_ENDTAGFIND: Any = getattr(_hp, "endtagfind", None)
_CDATA = frozenset(getattr(_hp.HTMLParser, "CDATA_CONTENT_ELEMENTS", ("script", "style")))
_AVAILABLE = _SUPPORTED and None not in (_LOCATE, _TAGFIND, _ATTRFIND, _ENDTAGFIND)

# Text on which html.parser stops early or treats the rest as data: a `&#` that is not a
# character reference, an entity name or lone `&` running into the end, and NUL.
_RISKY = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])|&[a-zA-Z][-.a-zA-Z0-9]*\Z|&\Z|\x00")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_INCOMPLETE_NEXT = frozenset("abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def find_tags(text: str, builder: Builder) -> bool:
    """Feed every tag of `text` to `builder`; False (builder untouched or partly fed) if it cannot."""
    if not _AVAILABLE or _RISKY.search(text):
        return False
    n = len(text)
    i = text.find("<")
    while i >= 0:
        following = text[i + 1 : i + 2]
        if following in _ASCII_LETTERS and following:
            k = _start_tag(text, i, builder)
            if k is None:
                return False
        elif following == "/":
            match = _ENDTAGFIND.match(text, i)
            if match is None:
                if text.find(">", i + 1) >= 0:
                    return False  # the tolerant or bogus-comment end tag forms
                k = _skip_incomplete(text, i)
            else:
                builder.end(match.group(1).lower(), i)
                k = match.end()
        elif following in ("!", "?"):
            return False
        elif i + 1 < n:
            k = i + 1  # a lone "<" is text
        else:
            break
        i = text.find("<", k)
    return True


def _start_tag(text: str, i: int, builder: Builder) -> int | None:
    """Handle the start tag at `i`; the offset to go on from, or None to give up."""
    j: int = _LOCATE.match(text, i).end()
    following = text[j : j + 1]
    if following == ">":
        endpos = j + 1
    elif following == "/" and text.startswith("/>", j):
        endpos = j + 2
    elif following == "/" or following == "" or following in _INCOMPLETE_NEXT:
        return _skip_incomplete(text, i)
    else:
        endpos = j  # html.parser's "bogus input": the tag ends where the pattern stopped
    found = _TAGFIND.match(text, i + 1)
    k: int = found.end()
    tag = found.group(1).lower()
    attributes = []
    while k < endpos:
        attribute = _ATTRFIND.match(text, k)
        if not attribute:
            break
        attributes.append(attribute)
        k = attribute.end()
    end = text[k:endpos].strip()
    if end not in (">", "/>"):
        return endpos  # html.parser reports this as text
    # Here every attribute match ends inside the tag, so it equals what the builder would find
    # in the tag's own text (the pattern differs only by a look-behind that always holds there).
    if end.endswith("/>"):
        builder.start(tag, i, text[i:endpos], self_closing=True, found=attributes)
    elif tag in _CDATA:
        return None
    else:
        builder.start(tag, i, text[i:endpos], self_closing=False, found=attributes)
    return endpos


def _skip_incomplete(text: str, i: int) -> int:
    """What html.parser does at the end of its input with a construct it cannot finish."""
    k = text.find(">", i + 1)
    if k >= 0:
        return k + 1
    k = text.find("<", i + 1)
    return k if k >= 0 else i + 1
