""""Did you mean" for broken links: the near misses that look right and still break.

Percent-encoded versus raw names, composed versus decomposed Hangul (macOS saves file names
decomposed, NFD), names that differ only in case (fine on macOS and Windows, broken on a Linux
server), and otherwise the closest name or anchor that exists.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from artlint.links.classify import Target
from artlint.links.local.fs import Miss
from artlint.model.document import Link

_FORM = {
    "nfd": "exists in decomposed form (NFD, as macOS saves Hangul) and the link is composed (NFC): "
    "fails on Linux, rename the file to NFC",
    "nfc": "exists in composed form (NFC) and the link is decomposed (NFD, as typed or pasted on "
    "macOS): fails on Linux, retype the link",
    "case": "differs only in case: passes on macOS and Windows, fails on Linux",
}


# "www.example.com/page" or "naver.com": a web address written without "https://". Hints are
# for broken links only, so this compiles (in re's cache) and difflib loads when one is met.
_DOMAIN = r"(?i)^(?:www\.[^/]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|dev|me|kr))(?:/|$)"


def file_hint(miss: Miss | None, target: Target) -> str:
    if target.kind == "local" and re.match(_DOMAIN, target.raw_path):
        return f"; a web address needs its scheme: 'https://{target.raw_path}'"
    if miss is None or miss.suggestion is None:
        return ""
    parts = target.path.split("/")
    if miss.segment in parts:
        parts[parts.index(miss.segment)] = miss.suggestion
    wanted = "/".join(parts)
    if miss.reason in _FORM:
        return f"; '{wanted}' {_FORM[miss.reason]}"
    return f"; did you mean '{wanted}'"


def percent_hint(target: Target, decoded_alternative: bool) -> str:
    if decoded_alternative:
        return f"; the path is percent-encoded twice, did you mean '{unquote(target.raw_path)}'"
    return f"; the file name holds a literal '%': write it as '%25' ('{target.raw_path.replace('%', '%25')}')"


def anchor_hint(target: Target, anchors: tuple[str, ...]) -> str:
    fragment = target.fragment or ""
    twice = unquote(fragment)
    if twice != fragment and twice in anchors:
        return f"; the fragment is percent-encoded twice, did you mean #{twice}"
    if target.raw_fragment in anchors:
        return f"; the id holds a literal '%': write it as #{(target.raw_fragment or '').replace('%', '%25')}"
    nfc = unicodedata.normalize("NFC", fragment)
    for anchor in anchors:
        if anchor != fragment and unicodedata.normalize("NFC", anchor) == nfc:
            if unicodedata.is_normalized("NFC", anchor):
                forms = "the link is decomposed Unicode (NFD, as macOS input gives) and the id composed (NFC)"
            else:
                forms = "the id is decomposed Unicode (NFD) and the link composed (NFC)"
            return f"; {forms}: they look alike and do not match, retype one of them"
    for anchor in anchors:
        if unicodedata.normalize("NFC", anchor).casefold() == nfc.casefold():
            return f"; did you mean #{anchor} (ids are case-sensitive)"
    import difflib

    close = difflib.get_close_matches(fragment, anchors, n=1, cutoff=0.6)
    return f"; did you mean #{close[0]}" if close else ""


def describe(link: Link) -> str:
    if link.kind == "front-matter":
        return f"front-matter field '{link.attribute}'"
    if link.element:
        return f"<{link.element} {link.attribute}>"
    names = {"image": "image source", "definition": "reference definition", "autolink": "autolink"}
    return names.get(link.kind, "Markdown link")


def shorten(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
