"""One engine batch for a whole `check --fix` run.

An engine that pays per batch (a `hugo` build) would otherwise run once per file. Every file's
page before and after its fixes is rendered first, in one batch; the fix loop then finds those
renderings in the renderer's cache and renders only what a withheld rule's trial adds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from artlint.config.loading import Settings
from artlint.fix.loop import fix_text
from artlint.text import files as textio

if TYPE_CHECKING:
    from artlint.engines import Renderer


def prefetch(renderer: Renderer, paths: Sequence[str], settings: Settings, unsafe: bool) -> None:
    bodies: list[str] = []
    for path in paths:
        try:
            result = fix_text(textio.read_text(path), path, settings, unsafe)
        except Exception:  # unreadable or crashing: the real pass reports it with its file
            continue
        bodies += [result.original.body, result.document.body]
    if bodies:
        renderer(bodies)
