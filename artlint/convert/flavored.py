"""Text written for the output's engine: escapes it honours, typography it leaves alone.

markdownify escapes for CommonMark, where a backslash escapes any ASCII punctuation. kramdown
escapes only its own list, so `\\&` or `\\~` would print the backslash there: those characters are
written as character references, which every engine reads as the character. Engines with
typographic substitutions (kramdown's smart quotes, goldmark's typographer) would turn text
that was raw HTML in the input (never substituted there) into curly quotes and ellipses; the
characters they act on are escaped, which CommonMark reads as the plain characters too. Hard
line breaks are written in the one form every engine honours where a backslash is not.
"""

from __future__ import annotations

import re

from artlint.flavors import KRAMDOWN_ESCAPABLE

# Output flavours: the engines the Markdown must read the same under.
TARGETS = ("gfm", "commonmark", "mdx", "kramdown", "goldmark", "portable")
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# Typographic triggers: straight quotes, "..." (ellipsis), "--" (dashes), "<<" / ">>" (guillemets;
# markdownify already escapes < and >).
_TYPOGRAPHY = re.compile(r"\\.|\.{3,}|--|[\"']")  # escapes first: they stay as they are
_MATH = re.compile(r"\$\$")
_IAL_START = re.compile(r"\{:")
# A hard line break while the Markdown is built: breaks at the edge of a block or of an emphasis
# run move or go first (mdconv), then `hard_breaks` writes each in the form the engine honours.
BREAK = "\ue006"
_BREAK_LINE = re.compile(f"^([ \t>]*)\u00a0?{BREAK}$", re.MULTILINE)
_AFTER_BACKSLASH = re.compile(f"\\\\{BREAK}")
_SPACED_BREAK = re.compile(f"[ \t\u00a0]*{BREAK}")  # what stands before a break is trailing space


def kramdown_reads(flavor: str) -> bool:
    return flavor in ("kramdown", "portable")


def hard_breaks(text: str, flavor: str) -> str:
    """`text` with each BREAK written for `flavor`'s engine.

    A backslash before the newline, CommonMark's break, is no break to kramdown's own parser,
    nor to its GFM parser inside raw HTML (`<strong>`): there the backslash shows. Two spaces
    break the line in every engine (hard_wrap too); raw `<br>` would not do for Hugo without
    `unsafe`. A line that is only a break keeps a no-break space, or it would be blank. After an
    escaped backslash (`C:\\\\`), goldmark takes the break's backslash for text: two spaces there too.
    """
    if BREAK not in text:
        return text
    if not kramdown_reads(flavor):
        return _AFTER_BACKSLASH.sub("\\\\  ", text).replace(BREAK, "\\")
    return _SPACED_BREAK.sub("  ", _BREAK_LINE.sub(lambda found: found.group(1) + "&nbsp;  ", text))


def typographic(flavor: str) -> bool:
    return flavor in ("kramdown", "goldmark", "portable")


def escape(text: str, flavor: str, raw: bool) -> str:
    """`text`, escaped for CommonMark already, made to read the same under `flavor`'s engine.

    `raw`: the text was raw HTML in the input, which engines with typography leave untouched.
    """
    if kramdown_reads(flavor):
        if "\\" in text:
            text = _ESCAPED.sub(_kramdown_escape, text)
        if "$$" in text:
            text = _MATH.sub(r"\\$\\$", text)
        if "{:" in text:
            text = _IAL_START.sub(r"\\{:", text)
    if raw and typographic(flavor):
        text = _TYPOGRAPHY.sub(_plain, text)
    return text


def _kramdown_escape(found: re.Match[str]) -> str:
    ch = found.group(1)
    if ch in KRAMDOWN_ESCAPABLE:
        return found.group()
    if ch == "&":
        return "&amp;"
    return f"&#{ord(ch)};" if ch.isascii() and not ch.isalnum() and not ch.isspace() else found.group()


def _plain(found: re.Match[str]) -> str:
    hit = found.group()
    if hit[0] == "\\":
        return hit
    if hit[0] == ".":
        return "\\." * len(hit)
    if hit == "--":
        return "\\-\\-"
    return "\\" + hit
