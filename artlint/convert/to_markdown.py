"""Blog body -> clean Markdown: Markdown blocks kept as written, HTML blocks converted.

Also returns the HTML the output is meant to mean (the input's rendering with editor residue
removed on purpose), which verification compares the output with.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from artlint.convert import (
    cleanup,
    emphasis,
    flavored,
    groups,
    kramdown_source,
    residue,
)
from artlint.convert.article import Body
from artlint.convert.mdconv import Converter
from artlint.convert.options import ConvertError, Options
from artlint.convert.readtree import TreeReader
from artlint.convert.soup import nesting, release
from artlint.convert.soup import parse as parse_html
from artlint.model.limits import nesting_message

if TYPE_CHECKING:
    from artlint.meaning.model import Meaning

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass
class BodyResult:
    markdown: str
    expected: Meaning | None  # what the input means once residue is removed; None unless verifying
    html_blocks: frozenset[str] = frozenset()  # blocks written as sanitised HTML
    dropped: dict[str, int] = field(default_factory=dict)


@functools.cache
def _converter(options: Options) -> Converter:
    allow = options.allow()
    if options.iframes == "html":
        allow = allow.with_tags(("iframe",))
    return Converter(allow, flavor=options.flavor)


def convert(
    body: Body, options: Options, verify: bool = False, keep: frozenset[str] = frozenset(),
    careful: bool = False, anchors: frozenset[str] = frozenset(),
) -> BodyResult:
    """`keep`: HTML blocks this converter wrote itself, kept as they are when met again.

    `careful`: each HTML group whose Markdown would read differently is kept as written (the
    second attempt at a file whose conversion as a whole would read differently), and so is each
    that holds one of the ids in `anchors`, which a link of the page points to."""
    from artlint.parsing.parse import markdown

    md = markdown()
    converter = _converter(options)
    converter.emitted = []
    lines = body.text.split("\n")
    parts: list[str] = []
    expected = TreeReader() if verify else None
    dropped: dict[str, int] = {}
    covered = 0
    verbatim_end = -1
    for group in groups.split(body.tokens):
        gap = [line for line in lines[covered : group.start] if line.strip()]
        if gap:  # link reference definitions make no token of their own
            parts.append("\n".join(line.rstrip() for line in gap))
        covered = max(covered, group.end)
        if not group.html:
            touching = verbatim_end == group.start > 0 and lines[group.start - 1].strip() != ""
            if options.kramdown_source and parts and touching:
                # Blocks CommonMark splits may be one block to kramdown (a list runs on into a
                # heading line): lines that touch in the input touch in the output.
                parts[-1] += "\n" + _verbatim(lines, group)
            else:
                parts.append(_verbatim(lines, group))
            verbatim_end = group.end
            if expected is not None:
                expected.tokens(group.tokens)
            continue
        source = "\n".join(lines[group.start : group.end]).strip("\n")
        if source in keep:
            parts.append(source)
            continue
        raw = any(token.type == "html_block" for token in group.tokens)
        if options.kramdown_source:
            if not raw and kramdown_source.has_math(source):
                parts.append(source)
                if expected is not None:
                    expected.tokens(group.tokens)
                residue.count(dropped, "kept as written (math in HTML)")
                continue
            raw = raw or kramdown_source.plain_typography(source)
        if options.kramdown_source and group.tokens[0].type == "html_block":
            # kramdown leaves an HTML block's content as it is, Markdown and attribute lists too,
            # but where an element says markdown="1"; Markdown there is typographed.
            if "markdown=" in source:
                rendered = kramdown_source.with_markdown(source, md)
            else:
                rendered = kramdown_source.raw_html(source)
        else:
            rendered = md.renderer.render(group.tokens, md.options, {})
            if options.kramdown_source and "{:" in rendered:
                rendered = kramdown_source.strip(rendered, dropped)
        # kramdown and goldmark leave the text of an HTML block as it is, but substitute
        # typography in Markdown paragraphs, even inside their inline HTML.
        converter.raw = raw
        if careful:
            parts.append(_careful(rendered, source, group, options, dropped, expected, converter, anchors))
        else:
            parts.append(_convert_html(rendered, options, dropped, expected))
    tail = [line for line in lines[covered:] if line.strip()]
    if tail:
        parts.append("\n".join(line.rstrip() for line in tail))
    markdown_text = "\n\n".join(part for part in (p.strip("\n") for p in parts) if part.strip())
    meaning = expected.meaning() if expected is not None else None
    markdown_text = cleanup.with_separators(flavored.hard_breaks(markdown_text, options.flavor), options)
    return BodyResult(emphasis.resolve(markdown_text), meaning, frozenset(converter.emitted), dropped)


def _careful(
    html: str, source: str, group: groups.Group, options: Options, dropped: dict[str, int],
    expected: TreeReader | None, converter: Converter, anchors: frozenset[str],
) -> str:
    from artlint.meaning import model as meaning

    scratch: dict[str, int] = {}
    soup = parse_html(residue.strip_residue(html, options, scratch))
    cleanup.clean(soup, options, scratch)
    local = TreeReader()
    local.tree(soup)
    converter.dropped = scratch
    text = tidy(converter.convert_soup(soup))
    written = emphasis.resolve(cleanup.with_separators(flavored.hard_breaks(text, options.flavor), options))
    separator = options.excerpt_separator
    if meaning.differences(local.meaning(), meaning.of_markdown(written)) or (
        separator and source.count(separator) != written.count(separator)
    ) or any(_holds_id(source, name) for name in anchors):
        release(soup)
        residue.count(dropped, "HTML kept as written (as Markdown it would read differently)")
        converter.emitted.append(source)
        if expected is not None:
            expected.tokens(group.tokens)
        return source
    for what, n in scratch.items():
        residue.count(dropped, what, n)
    if expected is not None:
        expected.tree(soup)
    release(soup)
    return text


def _holds_id(html: str, name: str) -> bool:
    return re.search(rf"""\b(?:id|name)\s*=\s*["']?{re.escape(name)}(?:["'\s>/]|$)""", html) is not None


def _convert_html(html: str, options: Options, dropped: dict[str, int], expected: TreeReader | None) -> str:
    html = residue.strip_residue(html, options, dropped)
    soup = parse_html(html)
    depth = nesting(soup)
    if depth > options.max_nesting:
        # The tree walks below recurse once per level; a refusal beats a stack overflow.
        raise ConvertError(f"not converted: {nesting_message(options.max_nesting, 'HTML')}")
    cleanup.clean(soup, options, dropped)
    if expected is not None:
        expected.tree(soup)
    converter = _converter(options)
    converter.dropped = dropped
    text = converter.convert_soup(soup)
    release(soup)
    return tidy(text)


def _verbatim(lines: list[str], group: groups.Group) -> str:
    out: list[str] = []
    for number in range(group.start, min(group.end, len(lines))):
        line = lines[number]
        if number in group.code_lines:
            out.append(line)
        elif number in group.break_lines and line.endswith("  "):
            out.append(line.rstrip() + flavored.BREAK)
        else:
            out.append(line.rstrip())
    return "\n".join(out).strip("\n")


def tidy(text: str) -> str:
    """No trailing spaces and at most one blank line in a row, outside fenced code."""
    out: list[str] = []
    fence: str | None = None
    closed = False
    for line in text.split("\n"):
        found = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if found and found.group(1).startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
                closed = True
            continue
        line = line.rstrip()
        if not line and out and not out[-1]:
            continue
        # A fence needs a blank line on each side (a list item may follow it at once).
        if line and out and out[-1] and (found or closed):
            out.append("")
        closed = False
        out.append(line)
        if found:
            fence = found.group(1)
    return "\n".join(_lone_breaks(out)).strip("\n")


def _lone_breaks(lines: list[str]) -> list[str]:
    """A hard break alone between blank lines (a top-level <br>) would show as a backslash."""
    return [
        line for i, line in enumerate(lines)
        if line != flavored.BREAK or (i > 0 and lines[i - 1]) or (i + 1 < len(lines) and lines[i + 1])
    ]
