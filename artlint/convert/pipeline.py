"""One article from one format to another, verified.

Verification renders the input and the output and compares what a reader sees
(artlint.meaning.model); the output is refused (Outcome.output is None) when they differ or when
converting the output again would change it, unless `force` is given.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import unquote

from artlint.convert import article as articles
from artlint.convert import jsondoc, to_html, to_markdown
from artlint.convert.article import Article, Body
from artlint.convert.options import ConvertError, Options, Outcome
from artlint.convert.readtree import TreeReader
from artlint.meaning import model as meaning

if TYPE_CHECKING:
    from artlint.engines import Renderer

TARGETS = ("markdown", "blog", "json")
_COMMENT = re.compile(r"<!--(?:(?!-->).)*-->", re.DOTALL)
# A link to a place on the same page, in Markdown or HTML: the id it points to.
_SAME_PAGE_LINK = re.compile(
    r"""(?:\]\(\s*<?|\bhref\s*=\s*["']?|^ {0,3}\[[^\]\n]+\]:\s*<?)#([^\s"'<>)]+)""",
    re.MULTILINE | re.IGNORECASE,
)
# An id written in HTML (or an <a name>), which a link may point to.
_ID_ATTRIBUTE = re.compile(r"""\s(?:id|name)\s*=\s*["']?([^\s"'<>]+)""", re.IGNORECASE)


def detect(text: str, path: str) -> str:
    """json for .json/.jsonl files, blog when the body holds HTML, else markdown."""
    if path.lower().endswith((".json", ".jsonl")):
        return "json"
    _, body = articles.from_text(text, path)
    return "blog" if body.has_html else "markdown"


def convert(text: str, path: str, to: str, options: Options, source: str | None = None,
            force: bool = False, renderer: Renderer | None = None) -> Outcome:
    """`renderer`: the real engine that judges "reads the same" (the model's rendering without)."""
    if to not in TARGETS:
        raise ConvertError(f"unknown target format {to!r}")
    if source == "json" or (source is None and path.lower().endswith((".json", ".jsonl"))):
        documents = jsondoc.loads(text, path)
        if len(documents) != 1:
            raise ConvertError(f"{path}: holds {len(documents)} articles; convert it as an archive")
        outcome = from_json(documents[0], path, to, options)
    else:
        article, body = articles.from_text(text, path)
        source = source or ("blog" if body.has_html else "markdown")
        own = article.fm_data.get("excerpt_separator") if isinstance(article.fm_data, dict) else None
        if isinstance(own, str) and own.strip():
            options = replace(options, excerpt_separator=own)  # a Jekyll post may set its own
        outcome = _from_text(article, body, source, to, options, path)
        if not outcome.verified and to == "markdown" and source == "blog" and not force:
            # Keep the HTML groups that would read differently as they are; convert the rest.
            lost = frozenset(_lost_anchors(article.body, outcome.output or "", options))
            outcome = _from_text(article, body, source, to, options, path, careful=True, anchors=lost)
        if renderer is not None and options.verify and to == "markdown" and outcome.output is not None:
            outcome.differences = _engine_differences(article, outcome.output, options, renderer)
            outcome.differences += _unseen_differences(article.body, outcome.output, options)
        elif options.drops_html and options.verify and to == "markdown" and outcome.output is not None:
            outcome.differences += _dropped_html(outcome.output, options.drops_html)
    if not outcome.verified and not force:
        outcome.output = None
    return outcome


def from_json(document: dict[str, object], path: str, to: str, options: Options) -> Outcome:
    newline, bom = jsondoc.style(document)
    text = jsondoc.markdown_text(document)
    article, body = articles.from_text(text, path)
    article = Article(article.front_matter, article.body, newline, bom, article.fm_kind, article.fm_raw,
                      article.fm_data)
    name = str(document.get("path") or path)
    if to == "markdown":
        # The JSON holds the Markdown file itself: it comes back byte for byte, not converted again.
        outcome = Outcome(_styled(text, article), "json", name)
    else:
        outcome = _from_text(article, body, "markdown", to, options, name)
    html = document["body"].get("html") if isinstance(document["body"], dict) else None
    if options.verify and isinstance(html, str):
        # The HTML stored beside the Markdown must say the same: a hand edit to one shows here.
        stored = meaning.differences(meaning.of_html(html), meaning.of_markdown(article.body))
        outcome.differences[:0] = [f"body.html and body.markdown differ: {d}" for d in stored]
    outcome.source_format = "json"
    return outcome


def _front(article: Article, options: Options) -> str:
    if options.normalize_front_matter:
        return articles.normalized_front_matter(article)
    return article.front_matter


def _styled(text: str, article: Article) -> str:
    if article.newline != "\n":
        text = text.replace("\n", article.newline)
    return ("\ufeff" if article.bom else "") + text


def _from_text(article: Article, parsed: Body, source: str, to: str, options: Options, path: str,
               careful: bool = False, anchors: frozenset[str] = frozenset()) -> Outcome:
    front = _front(article, options)
    outcome = Outcome(None, source, path)
    expected: meaning.Meaning | None = None
    keep: frozenset[str] = frozenset()
    if source == "markdown" and to == "json":
        body = article.body
    elif source == "markdown" and to == "blog":
        body = article.body
        expected = meaning_of(parsed) if options.verify else None
    else:
        result = to_markdown.convert(parsed, options, verify=options.verify, careful=careful, anchors=anchors)
        keep = result.html_blocks
        outcome.dropped = result.dropped
        body = articles.join_body(front, result.markdown)[len(front) :]
        expected = result.expected
    if to == "markdown":
        text = front + body
        if options.verify and body == article.body and not parsed.has_html:
            # The same plain Markdown, unchanged: it parses, reads and converts the same.
            after = expected if expected is not None else meaning_of(parsed)
        elif options.verify:
            again, after = _markdown_again(text, options, keep, article.front_matter)
            outcome.unstable = again != text
    elif to == "json":
        after = meaning_of(articles.parse_body(body))
        outcome.document = jsondoc.build(article, front, body, outcome.path, source, after)
        text = jsondoc.dumps(outcome.document)
    else:
        html = _blog_body(body, options)
        text = articles.join_body(front, html)
        if options.verify:
            again, after = _blog_again(text, options)
            outcome.unstable = again != text
    if expected is not None:
        outcome.differences = meaning.differences(expected, after)
    if to == "markdown" and options.verify:
        outcome.differences += _unseen_differences(article.body, text, options)
    # JSON carries the file's newline style and BOM as fields; the JSON text itself is plain.
    outcome.output = text if to == "json" else _styled(text, article)
    return outcome


def _engine_differences(article: Article, output: str, options: Options, renderer: Renderer) -> list[str]:
    """What the engine shows differently: the input's page against the output's page, both
    rendered in one batch and both read less what conversion drops on purpose.

    Both, not only the input's: HTML kept as written (because as Markdown it would read
    differently) still holds what conversion drops elsewhere, such as paragraphs inside <pre>,
    and the output's page shows it just as the input's does."""
    converted, _ = articles.from_text(output.lstrip("\ufeff").replace("\r\n", "\n"), "<output>")
    before, after = renderer([article.body, converted.body])
    return page_differences(before, after, options)


def page_differences(before: str, after: str, options: Options) -> list[str]:
    """How the rendered page `after` reads differently from `before`, both read less what
    conversion drops on purpose."""
    return meaning.differences(_cleaned_page(before, options), _cleaned_page(after, options))


def _cleaned_page(html: str, options: Options) -> meaning.Meaning:
    from artlint.convert import cleanup, residue
    from artlint.convert.soup import parse as parse_html

    dropped: dict[str, int] = {}  # counted once, by the conversion itself
    soup = parse_html(residue.strip_residue(html, options, dropped))
    cleanup.clean(soup, options, dropped)
    reader = TreeReader()
    reader.tree(soup)
    return reader.meaning()


def _unseen_differences(body: str, output: str, options: Options) -> list[str]:
    """What the output loses that no rendering of it shows: the excerpt separator, anchors."""
    found = _lost_separators(body, output, options.excerpt_separator)
    lost = _lost_anchors(body, output, options)
    return found + [f"anchor lost: #{name}, the target of a link on the page" for name in lost]


def _lost_anchors(body: str, output: str, options: Options) -> list[str]:
    """The ids a link of the page itself points to (`#id`) that the page no longer has.

    Markdown has no id for a <div> or a <p>: conversion drops it, and the link then goes nowhere.
    Only an id written in the HTML can go; looking for those in the text spares parsing the page
    (a table of contents links every section), and the output is parsed only when one is
    missing there, for the ids its Markdown headings get."""
    linked = {unquote(found) for found in _SAME_PAGE_LINK.findall(body)}
    if not linked:
        return []
    targets = {name for name in _ID_ATTRIBUTE.findall(body) if name in linked}
    if not targets:
        return []
    written = articles.split_body(output.lstrip("\ufeff").replace("\r\n", "\n"))
    missing = targets.difference(_ID_ATTRIBUTE.findall(written))
    if not missing:
        return []
    from artlint import flavors
    from artlint.links.local.anchors import document_anchors
    from artlint.links.slugs import style_for
    from artlint.parsing.parse import parse

    flavor = flavors.get(options.flavor) if options.flavor in flavors.NAMES else flavors.GFM
    return sorted(missing.difference(document_anchors(parse(written, flavor=flavor), style_for(flavor))))


def _lost_separators(body: str, output: str, separator: str) -> list[str]:
    """The site's excerpt separator, looked for in the Markdown as the generator looks: no
    rendering shows it, but the excerpts and summaries it cuts change without it."""
    wanted = body.count(separator) if separator else 0
    if not wanted:
        return []
    found = articles.split_body(output.lstrip("\ufeff").replace("\r\n", "\n")).count(separator)
    if found == wanted:
        return []
    return [f"excerpt separator {separator!r} {'lost' if found < wanted else 'added'}: "
            f"{wanted} in the input, {found} in the output"]


def _dropped_html(output: str, why: str) -> list[str]:
    """The raw HTML left in the output, which the site's engine drops from the page."""
    _, body = articles.from_text(output.lstrip("\ufeff").replace("\r\n", "\n"), "<output>")
    if not body.has_html:
        return []
    pieces = [t.content for t in body.tokens if t.type == "html_block"]
    pieces += [c.content for t in body.tokens for c in t.children or () if c.type == "html_inline"]
    # A comment shows nothing either way; Hugo's <!--more--> is read before goldmark sees the page.
    pieces = [piece for piece in pieces if not _COMMENT.fullmatch(piece.strip())]
    if not pieces:
        return []
    tags = re.findall(r"<([A-Za-z][A-Za-z0-9-]*)", "".join(pieces))
    shown = ", ".join(f"<{t}>" for t in dict.fromkeys(tag.lower() for tag in tags)) or "raw HTML"
    return [f"raw HTML kept ({shown}), which the site's Hugo drops from the page ({why})"]


def meaning_of(body: Body) -> meaning.Meaning:
    """What the Markdown body shows, read from its tokens (the same as meaning.of_markdown)."""
    reader = TreeReader()
    reader.tokens(body.tokens)
    return reader.meaning()


def _blog_body(markdown_body: str, options: Options) -> str:
    return to_html.convert(articles.parse_body(markdown_body), options)


def _markdown_again(
    text: str, options: Options, keep: frozenset[str], loaded: str
) -> tuple[str, meaning.Meaning]:
    """The output converted again, and its Meaning (from the same parse).

    `loaded`: the input's front-matter block, already loaded without error; an output that
    starts with that very block has its body parsed without loading the block again.
    """
    offset = len(loaded)
    if loaded and text.startswith(loaded) and articles.split_body(text) == text[offset:]:
        front, body = loaded, articles.parse_body(text[offset:])
    else:
        article, body = articles.from_text(text, "<output>")
        front = article.front_matter
    after = meaning_of(body)
    if not body.has_html:
        return text, after  # plain Markdown is kept line by line, already tidied: nothing changes
    converted = to_markdown.convert(body, options, keep=keep).markdown
    return articles.join_body(front, converted), after


def _blog_again(text: str, options: Options) -> tuple[str, meaning.Meaning]:
    """The blog output given to markdown -> blog again (its HTML blocks must come back
    unchanged), and what the output shows, from the same parse."""
    article, body = articles.from_text(text, "<output>")
    again = articles.join_body(article.front_matter, to_html.convert(body, options))
    return again, meaning_of(body)
