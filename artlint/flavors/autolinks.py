"""GFM's extended autolinks: `www.example.org`, `https://example.org/a` and `me@example.org`
written as plain text are links on github.com (cmark-gfm's autolink extension) and under
remark-gfm. markdown-it-py has no such rule without linkify-it, whose idea of a link is wider
(`example.org` alone) than GitHub's, so the extension is modelled here, after cmark-gfm:

- a URL starts with `http://`, `https://` or `ftp://` right after a character that is not a
  letter; `www.` only at the start, after white space or after one of `*_~(`;
- the domain runs while its characters are neither space nor punctuation (`-` and `_` allowed,
  no `_` in the last two labels); a `www.` domain needs a dot;
- the link runs to the next white space or `<`, less trailing `?!.,:*_~'"`, an entity-like
  `&name;`, a `;`, and a `)` that has no `(` to match inside the link;
- an address is letters, digits and `.-_+` before `@`, a domain with a dot after it, not
  ending in `-` or `_`.

Text inside links (and code, which is never text) is left alone. goldmark's linkify (Hugo,
`markup.goldmark.extensions.linkify`) differs: a URL too must follow white space or `*_~(`, its
host needs a dot and may hold `_`, its path stops at the first non-ASCII character, and `www.`
links get `https://` (Hugo's `linkifyProtocol`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

_START = re.compile(r"(?:https?|ftp)://|www\.|@", re.IGNORECASE)
_TRIM = frozenset("?!.,:*_~'\"")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+")


class Style(NamedTuple):
    www_scheme: str = "http://"
    url_after_space: bool = False  # http:// too only after white space or *_~(
    host_underscores: bool = False
    url_needs_dot: bool = False
    ascii_path: bool = False


GFM = Style()
GOLDMARK = Style("https://", url_after_space=True, host_underscores=True, url_needs_dot=True,
                 ascii_path=True)


def rule(style: Style) -> Callable[[StateCore], None]:
    def autolinks(state: StateCore) -> None:
        _autolinks(state, style)

    return autolinks


def _autolinks(state: StateCore, style: Style) -> None:
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        depth = 0
        changed = False
        for child in token.children:
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            if child.type == "text" and depth == 0 and _START.search(child.content):
                pieces = _split(child, state, style)
                changed = changed or len(pieces) > 1
                children.extend(pieces)
            else:
                children.append(child)
        if changed:
            token.children = children


def _split(text: Token, state: StateCore, style: Style) -> list[Token]:
    from markdown_it.token import Token

    content = text.content
    out: list[Token] = []
    done = 0
    for match in _START.finditer(content):
        if match.start() < done:
            continue
        found = (_email(content, match.start()) if match.group() == "@"
                 else _url(content, match.start(), style))
        if found is None:
            continue
        begin, end, href = found
        if begin < done:
            continue
        if begin > done:
            out.append(_text(content[done:begin]))
        link = Token("link_open", "a", 1, attrs={"href": state.md.normalizeLink(href)},
                     markup="linkify", info="auto")
        out += [link, _text(content[begin:end]), Token("link_close", "a", -1, markup="linkify", info="auto")]
        done = end
    if not out:
        return [text]
    if done < len(content):
        out.append(_text(content[done:]))
    return out


def _text(content: str) -> Token:
    from markdown_it.token import Token

    token = Token("text", "", 0)
    token.content = content
    return token


def _url(s: str, at: int, style: Style) -> tuple[int, int, str] | None:
    www = s[at : at + 4].lower() == "www."
    after_space = at == 0 or s[at - 1].isspace() or s[at - 1] in "*_~("
    if www:
        if not after_space:
            return None
        host = at
    else:
        if (style.url_after_space and not after_space) or (at > 0 and s[at - 1].isalpha()):
            return None  # cmark-gfm reads the letters before `://` as the scheme: "xhttp" is none
        host = s.index("//", at) + 2
        if host >= len(s) or not s[host].isalnum():
            return None
    length = _domain(s, host, www or style.url_needs_dot, style.host_underscores)
    if length == 0:
        return None
    end = host + length
    while end < len(s) and not s[end].isspace() and s[end] != "<":
        if style.ascii_path and not s[end].isascii():
            break
        end += 1
    end = _trim(s, at, end)
    if end <= host:
        return None
    return at, end, (style.www_scheme if www else "") + s[at:end]


def _hostchar(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch)[0] not in "PS"


def _domain(s: str, start: int, need_dot: bool, underscores: bool) -> int:
    dots = underscores_last = underscores_before = 0
    i = start + 1
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            i += 1
            ch = s[i]
        if ch == "_":
            underscores_last += 1
        elif ch == ".":
            underscores_before, underscores_last = underscores_last, 0
            dots += 1
        elif not _hostchar(ch) and ch != "-":
            break
        i += 1
    if (underscores_before or underscores_last) and not underscores:
        return 0
    if need_dot and not dots:
        return 0
    return i - start


def _trim(s: str, start: int, end: int) -> int:
    while end > start:
        last = s[end - 1]
        if last in _TRIM:
            end -= 1
        elif last == ";":
            back = end - 2
            while back > start and s[back].isalpha():
                back -= 1
            end = back if back < end - 2 and s[back] == "&" else end - 1
        elif last == ")":
            link = s[start:end]
            if link.count(")") <= link.count("("):
                break
            end -= 1
        else:
            break
    return end


def _email(s: str, at: int) -> tuple[int, int, str] | None:
    begin = at
    while begin > 0 and s[begin - 1] in _EMAIL_LOCAL:
        begin -= 1
    if begin == at:
        return None
    end, dots = at + 1, 0
    while end < len(s) and (s[end].isalnum() or s[end] in "-_."):
        if s[end] == ".":
            if end + 1 >= len(s) or not s[end + 1].isalnum():
                break
            dots += 1
        end += 1
    if not dots or end == at + 1 or s[end - 1] in "-_":
        return None
    return begin, end, "mailto:" + s[begin:end]
