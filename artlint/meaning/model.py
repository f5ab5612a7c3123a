"""What a reader sees in an article body, so two renderings of it can be compared.

`--fix` and the converter both promise not to change what readers see; they check it by
comparing the Meaning of the text before and after:

    before, after = of_document(doc), of_markdown(fixed_body)
    problems = differences(before, after)   # [] when a reader would see the same article

Markdown is rendered with the project's one parser and the HTML is read with html.parser, so
raw HTML in the Markdown and Markdown syntax count alike: `<b>x</b>` and `**x**` mean the same.
URLs are compared percent-decoded, and an http:// URL that became https:// is the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from artlint.meaning.read import Reader

if TYPE_CHECKING:
    from artlint.flavors import Flavor
    from artlint.model.document import Document


@dataclass(frozen=True)
class Meaning:
    text: str  # all visible text, whitespace-normalised
    blocks: tuple[tuple[str, str], ...]  # (kind, text): "paragraph", "h1".."h6", "item", "cell", ...
    headings: tuple[tuple[int, str], ...]
    links: tuple[tuple[str, str], ...]  # (href, text)
    images: tuple[tuple[str, str], ...]  # (src, alt)
    emphasis: tuple[tuple[str, str], ...]  # ("strong" | "em", text)
    # Class names on elements, sorted: what a kramdown attribute list or a wrapper's class styles.
    classes: tuple[str, ...] = ()


def of_html(html: str) -> Meaning:
    reader = Reader()
    reader.feed(html)
    return of_reader(reader)


def of_reader(reader: Reader) -> Meaning:
    """The Meaning of what `reader` was fed (its handle_* methods may be called directly)."""
    reader.close()
    blocks = reader.finished_blocks()
    return Meaning(
        text=reader.visible_text(),
        blocks=blocks,
        headings=tuple((int(kind[1]), text) for kind, text in blocks if _is_heading(kind)),
        links=reader.finished_links(),
        images=tuple(reader.images),
        emphasis=reader.finished_emphasis(),
        classes=tuple(sorted(reader.classes)),
    )


def of_markdown(body: str, flavor: Flavor | None = None) -> Meaning:
    """What `body` shows rendered by `flavor`'s engine (default: the CommonMark parser)."""
    if flavor is not None:
        from artlint.flavors.render import render

        return of_html(render(body, flavor))
    from artlint.parsing.parse import markdown

    return of_html(markdown().render(body))


def of_document(doc: Document) -> Meaning:
    """The Meaning of the body as the file's site renders it; front matter is not shown.

    Template syntax (Liquid, shortcodes) is the generator's, and a fix never edits it: it reads
    as one placeholder each, so that its inside is never taken for the article's text.
    """
    body = doc.body
    if doc.opaque:
        parts, at = [], doc.body_offset
        for start, end in doc.opaque:
            if start < at:
                continue
            parts += [doc.text[at:start], "\u27e6template\u27e7", "\n" * doc.text.count("\n", start, end)]
            at = end
        body = "".join(parts) + doc.text[at:]
    return of_markdown(body, doc.flavor)


def _is_heading(kind: str) -> bool:
    return len(kind) == 2 and kind[0] == "h" and kind[1] in "123456"


def differences(before: Meaning, after: Meaning) -> list[str]:
    """Concrete, human-readable differences; empty when a reader would see the same thing."""
    from artlint.meaning.compare import compare

    return compare(before, after, _emphasis_runs(before, after))


def _emphasis_runs(before: Meaning, after: Meaning) -> list[tuple[str, str]]:
    """(literal, text) for `**text**` or `*text*` runs (and their `_` forms) in `before` that
    render as that emphasis after.

    A fix may make emphasis render that CommonMark left as literal delimiters (common next to
    CJK text and punctuation); the delimiters vanish then, and that is the point of the fix.
    """
    from artlint.meaning.compare import unmatched

    runs = []
    for kind, text in unmatched(after.emphasis, before.emphasis):
        for mark in ("**", "__") if kind == "strong" else ("*", "_"):
            literal = f"{mark}{text}{mark}"
            if literal in before.text:
                runs.append((literal, text))
                break
    return runs

