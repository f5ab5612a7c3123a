"""The one place that turns bytes or text into a Document."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

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


def parse_bytes(
    data: bytes, path: str, encoding: str | None = None, limits: Limits | None = None
) -> Document:
    """Decode (see artlint.text.decode: `encoding` is a codec name, "auto", or None for UTF-8)."""
    text, bom, encoding = decode(data, encoding)
    return parse(text, path, bom=bom, encoding=encoding, limits=limits)


def parse(
    text: str, path: str = "<text>", *, bom: bool = False, encoding: str = "utf-8",
    limits: Limits | None = None,
) -> Document:
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
    md = markdown()
    doc.tokens = md.parse(body)
    masked, doc.code_spans = htmlscan.masked_text(text, body_offset, body_line, doc.tokens, index)
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
