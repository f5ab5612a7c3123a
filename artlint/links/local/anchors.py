"""The fragment targets of a page: heading ids (Markdown and <h1>-<h6>), `id`s and `<a name>`s.

Linked files are read and parsed once per run: the cache is keyed by path and checked
against the file's modification time and size, so a long run over thousands of files that
link to the same pages parses each of them once.
"""

from __future__ import annotations

import os
import re
from html import unescape
from typing import TYPE_CHECKING

from artlint.links.slugs import SLUGIFY, Slugger
from artlint.model import reads

if TYPE_CHECKING:
    from markdown_it.token import Token

    from artlint.model.document import Document

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\n]+")
# kramdown and Hugo attribute lists: "## Title {#custom-id}" or "{: #custom-id .class}".
_EXPLICIT_ID = re.compile(r"\s*\{:?\s*#([^\s}]+)[^}]*\}\s*$")
# Footnote definitions: kramdown, Goldmark and GitHub give their notes and back-links ids.
_FOOTNOTE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
# Always valid: "#top" scrolls to the top of any HTML page.
IMPLICIT = ("top",)

_files: dict[tuple[str, str], tuple[tuple[int, int], tuple[str, ...]]] = {}


def document_anchors(doc: Document, style: str) -> tuple[str, ...]:
    """Every id the page will have, in document order (duplicates kept once).

    On a kramdown or goldmark site the ids are the ones the flavour's parser gave the headings
    (and, with autoDefinitionTermID, the definition terms): `{#id}`, auto_ids off and the site's
    slug style included. Elsewhere they are made here in `style` ([links] slug).
    """
    items: list[tuple[int, str, str]] = []  # (offset, "heading" or "id", text)
    engine_ids = doc.flavor is not None and doc.flavor.engine in ("kramdown", "goldmark")
    for i, token in enumerate(doc.tokens):
        if engine_ids and token.type in ("heading_open", "dt_open") and token.map:
            given = token.attrGet("id")
            if given is not None:
                items.append((doc.lines.offset(doc.body_line + token.map[0]), "id", str(given)))
            continue
        if token.type == "heading_open" and token.map and i + 1 < len(doc.tokens):
            offset = doc.lines.offset(doc.body_line + token.map[0])
            inline = doc.tokens[i + 1]
            # kramdown makes the id from the heading's source text, markup included.
            text = inline.content if style == "jekyll" else _inline_text(inline)
            items.append((offset, "heading", text))
    for element in doc.elements:
        if element.tag in _HEADINGS and element.end_tag_start is not None:
            inner = doc.text[element.start_tag_end : element.end_tag_start]
            # Only ASCII white space folds: generators drop a &nbsp; rather than read it as a space.
            text = _SPACE.sub(" ", unescape(_TAG.sub("", inner)))
            items.append((element.start, "heading", text))
        for name in ("id", "name") if element.tag == "a" else ("id",):
            value = element.get(name)
            if value:
                items.append((element.start, "id", value))
    for match in _FOOTNOTE.finditer(doc.body):
        label = match.group(1)
        for prefix in ("fn:", "fnref:", "fn-", "fnref-", "fn", "fnref"):
            items.append((doc.body_offset + match.start(), "id", prefix + label))
    items.sort(key=lambda item: item[0])
    slugger = Slugger(style)
    found: dict[str, None] = {}
    for _, kind, text in items:
        if kind == "id":
            found[text] = None
            continue
        text = text.strip(" \t\r\n")
        explicit = _EXPLICIT_ID.search(text)
        if explicit:
            found[explicit.group(1)] = None
            if style != "github":
                continue  # kramdown and Hugo use the given id instead of making one
        found[slugger.slug(text)] = None
        if "\xa0" in text:
            # Tistory headings are full of &nbsp;: accept the id with it read as a space too.
            found[SLUGIFY[style](_SPACE.sub(" ", text.replace("\xa0", " ")))] = None
    return tuple(found)


def _inline_text(token: Token) -> str:
    """A heading's plain text as Markdown renders it: markup gone, line breaks as spaces."""
    parts = {"text": None, "code_inline": None, "softbreak": " ", "hardbreak": " "}
    return "".join(
        parts[c.type] or c.content for c in token.children or () if c.type in parts
    )


def file_anchors(path: str, style: str) -> tuple[str, ...] | None:
    """Anchors of a Markdown or HTML file on disk; None when it cannot be read."""
    anchors = _file_anchors(path, style)
    reads.record("anchors", (path, style), anchors)
    return anchors


def _file_anchors(path: str, style: str) -> tuple[str, ...] | None:
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _files.get((path, style))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    from artlint import site as sites
    from artlint.config.values import ConfigError
    from artlint.parsing.parse import parse_bytes
    from artlint.text.decode import DecodeError

    try:
        site = sites.detect(path)
        with open(path, "rb") as handle:
            anchors = document_anchors(parse_bytes(handle.read(), path, site.flavor_for(path), site), style)
    except (OSError, DecodeError, ConfigError):
        return None
    _files[(path, style)] = (stamp, anchors)
    return anchors
