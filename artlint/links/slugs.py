"""Heading ids as each site generator makes them, duplicates numbered the way each one does.

github: github-slugger (GitHub's Markdown view, most static-site plugins that copy it).
jekyll: kramdown's GFM parser, Jekyll's default (`auto_ids` with `input: GFM`).
hugo: Goldmark in Hugo with `autoHeadingIDType = "github"` (the default).
kramdown: kramdown's own parser (`input: kramdown`): ASCII letters, digits and dashes only.

Each flavour names its style (Flavor.heading_ids); `style_for(flavor)` gives it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from artlint.flavors import Flavor


def _github(text: str) -> str:
    kept = (ch for ch in text.lower() if _word(ch, numbers="N") or ch in " -")
    return "".join(kept).replace(" ", "-")


def _jekyll(text: str) -> str:
    # Ruby's \p{Word}: letters, marks, decimal digits, connector punctuation.
    kept = (ch for ch in text.lower() if _word(ch, numbers="Nd") or ch in " \t-")
    return "".join(kept).replace(" ", "-").replace("\t", "-")


def _hugo(text: str) -> str:
    out = []
    for ch in text.strip():
        if ch in " -":
            out.append("-")
        elif ch == "_" or unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) == "Nd":
            out.append(ch.lower())
    return "".join(out)


def _word(ch: str, numbers: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LM" or category.startswith(numbers) or category == "Pc"


def _kramdown(text: str) -> str:
    kept = re.sub(r"^[^a-zA-Z]+", "", text)
    kept = re.sub(r"[^a-zA-Z0-9 -]", "", kept)
    return kept.replace(" ", "-").lower() or "section"


SLUGIFY = {"github": _github, "jekyll": _jekyll, "hugo": _hugo, "kramdown": _kramdown}


def style_for(flavor: Flavor) -> str:
    """The slug style of a flavour's heading ids ("github" when it makes none of its own)."""
    return flavor.heading_ids if flavor.heading_ids in SLUGIFY else "github"


class Slugger:
    """Makes the ids of one page's headings in order, numbering repeats like the generator."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.seen: Counter[str] = Counter()  # github/jekyll: repeats of each base slug
        self.taken: set[str] = set()

    def slug(self, text: str) -> str:
        base = SLUGIFY[self.style](text)
        if self.style == "hugo":
            return self._hugo_unique(base or "heading")
        if self.style in ("jekyll", "kramdown"):
            # kramdown counts repeats of the base only, so "a", "a", "a-1" gives a, a-1, a-1.
            self.seen[base] += 1
            return base if self.seen[base] == 1 else f"{base}-{self.seen[base] - 1}"
        result = base
        while result in self.taken:
            self.seen[base] += 1
            result = f"{base}-{self.seen[base]}"
        self.taken.add(result)
        return result

    def _hugo_unique(self, base: str) -> str:
        result, n = base, 0
        while result in self.taken:
            n += 1
            result = f"{base}-{n}"
        self.taken.add(result)
        return result
