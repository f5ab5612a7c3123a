"""One engine batch per engine and site settings for a whole `check --fix` run.

An engine that pays per batch (a `hugo` build) would otherwise run once per file. Every file's
page before and after its fixes is rendered first, one batch for each renderer the run's files
need; the fix loop then finds those renderings in the renderer's cache and renders only what a
withheld rule's trial adds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from artlint.config.loading import Settings
from artlint.fix.loop import fix_text
from artlint.text import files as textio

if TYPE_CHECKING:
    from artlint.engines import Renderer
    from artlint.engines.choose import Verifiers


def prefetch(verifiers: Verifiers, paths: Sequence[str], settings: Settings, unsafe: bool) -> None:
    from artlint import site as sites

    batches: dict[int, tuple[Renderer, list[str]]] = {}
    for path in paths:
        try:
            site = sites.for_file(path, settings)
            flavor = site.flavor_for(path)
            chosen = verifiers.choice(flavor, site.config)
            if chosen is None or chosen[0] != "hugo":
                continue  # kramdown answers page by page: nothing to gain from a batch
            renderer = verifiers.renderer(flavor, site.config)
            assert renderer is not None
            result = fix_text(textio.read_text(path), path, settings, unsafe)
        except Exception:  # unreadable, crashing or no engine: the real pass reports it with its file
            continue
        bodies = batches.setdefault(id(renderer), (renderer, []))[1]
        bodies += [result.original.body, result.document.body]
    for renderer, bodies in batches.values():
        renderer(bodies)
