"""Template syntax a site's engine never shows as text: found so rules and fixes leave it alone.

Liquid (`{% ... %}`, `{{ ... }}`) runs before kramdown on Jekyll sites, Hugo shortcodes
(`{{< ... >}}`, `{{% ... %}}`) before goldmark, kramdown has its own extensions (`{::comment}`,
`{::nomarkdown}`, `{::options /}`), and MDX has imports, exports and `{expressions}`. Their text
is the generator's, not the reader's: never reported as a text problem, never edited by a fix.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from artlint.flavors import Flavor

_PATTERNS = {
    "liquid": re.compile(r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}", re.S),
    "shortcode": re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}", re.S),
    "kramdown": re.compile(r"\{::(\w+)\b[^}]*/\}|\{::(\w+)\b[^}]*\}.*?\{:/\w*\}", re.S),
    "mdx": re.compile(r"^(?:import|export)\b.*?(?=\n\s*\n|\Z)|\{(?:[^{}\n]|\{[^{}\n]*\})*\}", re.S | re.M),
}


def spans(body: str, offset: int, flavor: Flavor) -> list[tuple[int, int]]:
    """Offsets (in the whole text, `offset` being the body's) of template syntax in `body`."""
    kinds = list(flavor.templates)
    if flavor.attribute_lists == "kramdown":
        kinds.append("kramdown")
    found: list[tuple[int, int]] = []
    for kind in kinds:
        pattern = _PATTERNS[kind]
        if kind == "mdx" or "{" in body:
            found += [(offset + m.start(), offset + m.end()) for m in pattern.finditer(body)]
    return sorted(found)


def inside(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """Whether offsets start..end touch any of `spans`."""
    stop = start if end is None else end
    return any(a < b and start < b and a <= stop for a, b in spans)
