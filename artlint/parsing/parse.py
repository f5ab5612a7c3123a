"""The one place that turns bytes or text into a Document."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from artlint.flavors import GFM, Flavor
from artlint.flavors.render import parser
from artlint.frontmatter import split as frontmatter
from artlint.html import scan as htmlscan
from artlint.model.document import Document, LineIndex
from artlint.parsing import extract

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class DecodeError(Exception):
    """The file is not text artlint can read; carries the position of the first bad byte."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@functools.cache
def markdown() -> MarkdownIt:
    """The CommonMark parser (HTML on, GFM tables and strikethrough), built once per process."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@functools.cache
def _no_footnotes(flavor: Flavor) -> Flavor:
    # Without "[^" there is no footnote to find: the parser without the plugin reads the same
    # tokens, and a one-file check does not import it.
    return flavor.with_options(footnotes=False) if flavor.footnotes else flavor


def decode(data: bytes) -> tuple[str, bool, str]:
    """Return (text, had_bom, encoding); UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", data[3:]), True, "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", data), True, "utf-16"
    return _decode(data, "utf-8", data), False, "utf-8"


def _decode(data: bytes, encoding: str, raw: bytes) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        good = raw[: exc.start]
        line = good.count(b"\n") + 1
        column = len(good[good.rfind(b"\n") + 1 :].decode(encoding, errors="replace")) + 1
        raise DecodeError(
            f"not valid {encoding.upper()}: byte 0x{raw[exc.start]:02x} cannot be decoded",
            line,
            column,
        ) from None


def newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def parse_bytes(data: bytes, path: str, flavor: Flavor | None = None, site: Any = None) -> Document:
    text, bom, encoding = decode(data)
    return parse(text, path, bom=bom, encoding=encoding, flavor=flavor, site=site)


def parse(
    text: str,
    path: str = "<text>",
    *,
    bom: bool = False,
    encoding: str = "utf-8",
    flavor: Flavor | None = None,
    site: Any = None,
) -> Document:
    """Parse with `flavor`'s parser (default GFM); `site` is the file's artlint.site.Site."""
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    newline = newline_style(text)
    if newline == "\r":
        # Bare CR files are rare; markdown-it and line maps want "\n", and offsets stay equal.
        text = text.replace("\r", "\n")
    index = LineIndex(text)
    fm, body_offset = frontmatter.split(text)
    if fm is not None:
        frontmatter.load(fm)
    body = text[body_offset:]
    body_line = index.position(body_offset)[0]
    doc = Document(
        path=path,
        text=text,
        lines=index,
        newline=newline,
        bom=bom,
        encoding=encoding,
        front_matter=fm,
        body=body,
        body_offset=body_offset,
        body_line=body_line,
    )
    doc.flavor = flavor or GFM
    doc.site = site
    md = parser(doc.flavor if "[^" in body else _no_footnotes(doc.flavor))
    doc.tokens = md.parse(body)
    if doc.flavor.templates or doc.flavor.attribute_lists == "kramdown":
        from artlint.parsing import templates

        doc.opaque = templates.spans(body, body_offset, doc.flavor)
    masked, doc.code_spans = htmlscan.masked_text(text, body_offset, body_line, doc.tokens, index)
    doc.elements, doc.html_problems = htmlscan.scan(masked, index)
    doc.links = extract.markdown_links(doc, md) + extract.html_links(doc)
    doc.links.sort(key=lambda link: link.start)
    doc.directives = extract.directives(masked, doc)  # not in front matter, not in code
    return doc
