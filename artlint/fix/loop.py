"""Fix one article: apply rule fixes until the text settles, then make sure readers see the same.

    result = fix_file("post.md", settings, unsafe=False)
    result.changed, result.fixed, result.refused, result.withheld, result.diagnostics

Fixes are kept only when the Meaning of the body (text, blocks, links, images, emphasis,
classes), rendered with the flavour of the file's site, is unchanged and the front matter is
byte-identical. When the fixes of some rules would change it, those rules' fixes are withheld
(`withheld`, with the reasons in `refused`) and the others are still applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from artlint.config.loading import Settings
from artlint.fix.edits import apply_fixes
from artlint.lint import engine
from artlint.meaning import model as meaning
from artlint.model.diagnostics import Diagnostic, Fix
from artlint.model.document import Document
from artlint.parsing.parse import parse
from artlint.rules.base import Rule
from artlint.text import files as textio

if TYPE_CHECKING:
    from artlint.engines import Renderer

MAX_PASSES = 10


@dataclass
class FixResult:
    path: str
    style: textio.TextFile  # the original file's byte-level style
    original: Document
    document: Document  # the fixed text, parsed (`original` when nothing was fixed or kept)
    diagnostics: list[Diagnostic]  # what remains in `document`
    fixed: int = 0  # fixes applied
    refused: list[str] = field(default_factory=list)  # what the withheld fixes would change
    withheld: tuple[str, ...] = ()  # rule codes whose fixes were not applied because of that
    unsettled: tuple[str, ...] = ()  # rule codes still changing the text when we stopped

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def changed(self) -> bool:
        return self.document.text != self.original.text

    def output(self) -> bytes:
        """The bytes to write: the fixed text in the original file's encoding and newlines."""
        return textio.encode(self.text, self.style)


@dataclass
class _Run:
    doc: Document
    diagnostics: list[Diagnostic]
    fixed: int = 0
    touched: set[str] = field(default_factory=set)  # codes whose fixes changed the text
    unsettled: tuple[str, ...] = ()


def fix_file(
    path: str, settings: Settings, unsafe: bool = False, write: bool = True, debug: bool = False,
    rules: Sequence[Rule] | None = None,
) -> FixResult:
    """Fix a file in place (when `write` and something changed); raises OSError or DecodeError.
    `rules`: the rules to choose from (default: the registry)."""
    style = textio.read_text(path, settings.encoding_for(path))
    result = fix_text(style, path, settings, unsafe, debug, rules)
    if write and result.changed:
        textio.write_atomic(path, result.text, like=result.style)
    return result


def fix_text(
    style: textio.TextFile, path: str, settings: Settings, unsafe: bool = False, debug: bool = False,
    rules: Sequence[Rule] | None = None,
    renderer: Renderer | None = None,
) -> FixResult:
    """`renderer`: the real engine that judges "readers see the same" (the model without)."""
    from artlint import site as sites

    site = sites.for_file(path, settings)
    original = parse(style.text, path, bom=style.bom, encoding=style.encoding,
                     flavor=site.flavor_for(path), site=site, limits=settings.limits)
    start = _Run(original, engine.check_document(original, settings, debug, rules))

    def run(base: _Run, allowed: set[str] | None) -> _Run:
        return _fix_loop(base, style, settings, unsafe, debug, allowed, rules)

    full = run(start, None)
    if full.doc is original:
        return _result(path, style, original, full)
    if renderer is not None:
        renderer([original.body, full.doc.body])  # both pages in one engine batch (it caches them)
    seen = _meaning(original, renderer)
    refused = verify(original, full.doc, seen, renderer)
    if not refused:
        return _result(path, style, original, full)
    # Find the rules whose fixes change what readers see, adding one rule's fixes at a time
    # to the text fixed so far, and keep the fixes of all the others.
    kept: set[str] = set()
    best, withheld, reasons = start, [], []
    for code in sorted(full.touched):
        trial = run(best, kept | {code})
        problems = verify(original, trial.doc, seen, renderer) if trial.doc is not best.doc else []
        if problems:
            withheld.append(code)
            reasons += problems
        else:
            kept.add(code)
            best = trial
    result = _result(path, style, original, best)
    result.refused, result.withheld = reasons, tuple(withheld)
    return result


def _result(path: str, style: textio.TextFile, original: Document, run: _Run) -> FixResult:
    return FixResult(
        path, style, original, run.doc, run.diagnostics, run.fixed, unsettled=run.unsettled
    )


def _fix_loop(
    start: _Run,
    style: textio.TextFile,
    settings: Settings,
    unsafe: bool,
    debug: bool,
    allowed: set[str] | None,
    rules: Sequence[Rule] | None,
) -> _Run:
    """Apply fixes (of `allowed` codes, or all) until the text stops changing."""
    # A bare-CR file's Document.text has "\n" line ends (textio turns them back on writing).
    newline = "\n" if start.doc.newline == "\r" else start.doc.newline
    run = _Run(start.doc, start.diagnostics, start.fixed, set(start.touched))
    seen = {start.doc.text}
    for done in range(MAX_PASSES + 1):
        chosen = [
            d.fix for d in run.diagnostics
            if d.fix is not None and (d.fix.safe or unsafe) and (allowed is None or d.code in allowed)
            and not _touches_template(run.doc, d.fix)
        ]
        text, applied = apply_fixes(run.doc.text, chosen, run.doc.body_offset, newline)
        if not applied or text == run.doc.text:
            break
        run.touched |= _codes(run.diagnostics, applied)
        if text in seen or done == MAX_PASSES:
            # The fixes keep undoing each other (or never settle): keep what we have.
            run.unsettled = tuple(sorted(run.touched))
            break
        seen.add(text)
        run.fixed += len(applied)
        run.doc = _reparse(run.doc, text, style, settings)
        run.diagnostics = engine.check_document(run.doc, settings, debug, rules)
    styled = textio.apply_style(run.doc.text, style._replace(newline=newline))
    if styled != run.doc.text and run.doc is not start.doc:
        run.doc = _reparse(run.doc, styled, style, settings)
        run.diagnostics = engine.check_document(run.doc, settings, debug, rules)
    return run


def verify(
    original: Document, fixed: Document, seen: meaning.Meaning | None = None,
    renderer: Renderer | None = None,
) -> list[str]:
    """Why `fixed` may not replace `original` (whose Meaning `seen` may be given); [] if it may."""
    head = original.text[: original.body_offset]
    if fixed.text[: len(head)] != head or fixed.body_offset != original.body_offset:
        return ["front matter changed"]
    before = seen if seen is not None else _meaning(original, renderer)
    return meaning.differences(before, _meaning(fixed, renderer))


def _meaning(doc: Document, renderer: Renderer | None) -> meaning.Meaning:
    if renderer is None:
        return meaning.of_document(doc)
    return meaning.of_html(renderer([doc.body])[0])


def _reparse(doc: Document, text: str, style: textio.TextFile, settings: Settings) -> Document:
    return parse(text, doc.path, bom=style.bom, encoding=style.encoding, flavor=doc.flavor, site=doc.site,
                 limits=settings.limits)


def _touches_template(doc: Document, fix: Fix) -> bool:
    """Template syntax is the generator's: a fix that would edit it is never applied."""
    if not doc.opaque:
        return False
    from artlint.parsing.templates import inside

    return any(inside(doc.opaque, e.start, e.end) for e in fix.edits)


def _codes(diagnostics: list[Diagnostic], applied: list[Fix]) -> set[str]:
    ids = {id(fix) for fix in applied}
    return {d.code for d in diagnostics if d.fix is not None and id(d.fix) in ids}
