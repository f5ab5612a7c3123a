"""Attributes the blog or word-processor editor left behind.

What it does:
    Reports attributes that only meant something inside the editor: Tistory's `data-ke-*`
    (`data-ke-size="size16"`), `data-origin-*`, `data-og-*`, `data-filename`, `data-lightbox`,
    `data-start`/`data-end`, `contenteditable`, Word's `Mso*` classes, editor page wrappers such
    as `id="tt-body-page"`, and `width`/`height` set to `NaN`. The fix removes the attribute (or
    the class names) with the space before it; it is safe, nothing visible changes.

Why is this bad:
    The attributes bloat the source, leak the editor into the published page, and make diffs and
    reviews noisy; `NaN` sizes are invalid HTML.

Example:
    <p data-ke-size="size16">Text</p>

Use instead:
    <p>Text</p>

Options:
    attributes: attribute name patterns (`*` wildcards) that are residue.
    classes: class name patterns that are residue.
    ids: id values that are residue.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from fnmatch import translate

from artlint.html.vocabulary import EDITOR_PREFIX, RESIDUE_CLASS_PREFIXES
from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.model.document import Attribute, Document
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT103"
NAME = "editor-residue"
SUMMARY = "Editor residue attribute"
SEVERITY = Severity.INFO
FIX = "safe"
OPTIONS = {
    "attributes": [
        f"{EDITOR_PREFIX}*", "data-origin-*", "data-filename", "data-lightbox", "data-start", "data-end",
        "data-phocus", "data-og-*", "contenteditable",
    ],
    "classes": [f"{prefix}*" for prefix in RESIDUE_CLASS_PREFIXES],
    "ids": ["tt-body-page"],
}


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    names = _globs(tuple(str(p) for p in ctx.options.get("attributes") or ()))
    classes = _globs(tuple(str(p) for p in ctx.options.get("classes") or ()))
    ids = {str(p) for p in ctx.options.get("ids") or ()}
    for _, element in _html.elements(ctx):
        for attribute in element.attrs:
            value = attribute.value or ""
            if attribute.name == "class" and classes is not None:
                found = [c for c in value.split() if classes.match(c)]
                if found:
                    yield _finding(doc, element.tag, attribute, _class_fix(doc, attribute, found))
                continue
            residue = (
                (names is not None and names.match(attribute.name) is not None)
                or (attribute.name == "id" and value in ids)
                or (attribute.name in ("width", "height") and value.strip().lower() == "nan")
            )
            if residue:
                yield _finding(doc, element.tag, attribute, _html.remove_attribute(doc, attribute))


@functools.cache
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The shell-style patterns as one case-sensitive regex (this rule runs on every attribute)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{translate(p)})" for p in patterns))


def _finding(doc: Document, tag: str, attribute: Attribute, edit: Edit) -> Finding:
    written = doc.text[attribute.start : attribute.end]
    end_line, end_column = doc.position(attribute.end)
    return Finding(
        attribute.line, attribute.column, f"editor residue on <{tag}>: {written}",
        end_line=end_line, end_column=end_column,
        fix=Fix((edit,), f"remove {attribute.name}"),
    )


def _class_fix(doc: Document, attribute: Attribute, found: list[str]) -> Edit:
    kept = [c for c in (attribute.value or "").split() if c not in found]
    if not kept:
        return _html.remove_attribute(doc, attribute)
    return Edit(attribute.value_start, attribute.value_end, " ".join(kept))
