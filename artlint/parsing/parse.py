"""The one place that turns bytes or text into a Document."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from artlint.flavors import GFM, Flavor
from artlint.flavors.render import parser
from artlint.frontmatter import split as frontmatter
from artlint.html import scan as htmlscan
from artlint.model.document import Document, LineIndex, SyntaxProblem
from artlint.model.limits import Limits, nesting_message
from artlint.parsing import extract
from artlint.text.decode import DecodeError, decode, newline_style

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Decoding lives in artlint.text.decode; its error stays importable beside parse_bytes, which raises it.
__all__ = ["DecodeError", "markdown", "parse", "parse_bytes"]


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


def parse_bytes(
    data: bytes, path: str, flavor: Flavor | None = None, site: Any = None, encoding: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Decode (see artlint.text.decode: `encoding` is a codec name, "auto", or None for UTF-8)."""
    text, bom, encoding = decode(data, encoding)
    return parse(text, path, bom=bom, encoding=encoding, flavor=flavor, site=site, limits=limits)


def parse(
    text: str,
    path: str = "<text>",
    *,
    bom: bool = False,
    encoding: str = "utf-8",
    flavor: Flavor | None = None,
    site: Any = None,
    limits: Limits | None = None,
) -> Document:
    """Parse with `flavor`'s parser (default GFM); `site` is the file's artlint.site.Site."""
    limits = limits or Limits()
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    newline = newline_style(text)
    if newline == "\r":
        # Bare CR files are rare; markdown-it and line maps want "\n", and offsets stay equal.
        text = text.replace("\r", "\n")
    index = LineIndex(text)
    fm, body_offset = frontmatter.split(text)
    if fm is not None:
        frontmatter.load(fm, limits)
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
    block_text: re.Pattern[str] | None = None
    if doc.flavor.engine == "kramdown":
        # kramdown reads HTML blocks with its own parser, which writes a `<` opening no tag as text.
        from artlint.flavors.syntax import KRAMDOWN_NOT_A_TAG as block_text
    masked, doc.code_spans = htmlscan.masked_text(text, body_offset, body_line, doc.tokens, index, block_text)
    doc.elements, doc.html_problems = htmlscan.scan(masked, index)
    doc.limit_problems = _over_limits(doc, limits)
    doc.links = extract.markdown_links(doc, md) + extract.html_links(doc)
    doc.links.sort(key=lambda link: link.start)
    doc.directives = extract.directives(masked, doc)  # not in front matter, not in code
    return doc


def _over_limits(doc: Document, limits: Limits) -> list[SyntaxProblem]:
    problems: list[SyntaxProblem] = []
    crowded = next((e for e in doc.elements if len(e.attrs) > limits.attributes), None)
    if crowded is not None:
        problems.append(SyntaxProblem(
            f"<{crowded.tag}> has {len(crowded.attrs)} attributes, over the limit of "
            f"{limits.attributes} (the max_attributes setting)", crowded.line, crowded.column))
    deep = next((e for e in doc.elements if e.depth >= limits.nesting), None)
    if deep is not None:
        problems.append(SyntaxProblem(
            nesting_message(limits.nesting, "HTML") + "; artlint convert refuses such a file",
            deep.line, deep.column))
    return problems
