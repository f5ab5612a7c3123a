"""Flavours: a named model of one Markdown engine, as the site's generator configures it.

A page is what its site's engine renders, so every judgement (a rule, "the fix changed nothing a
reader sees", "the conversion lost nothing") is made with the flavour of the file's site. A Flavor
is plain data; the parsers, slugs and writers built from it live beside this module.
"""

from __future__ import annotations

from typing import NamedTuple

# Characters a backslash escapes. CommonMark (and so GFM, goldmark, remark) escapes every ASCII
# punctuation character; kramdown only its own list, so `\&` prints the backslash there.
ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
KRAMDOWN_ESCAPABLE = frozenset("\\.*_+-=`()[]{}#!:|\"'$<>")
# kramdown's GFM parser adds `~` (its strikethrough delimiter).
KRAMDOWN_GFM_ESCAPABLE = KRAMDOWN_ESCAPABLE | {"~"}


class Flavor(NamedTuple):
    """What one engine, with one site's settings, does with Markdown."""

    name: str  # one of NAMES
    engine: str  # "markdown-it" (our CommonMark model), "kramdown", "goldmark", "remark"
    raw_html: bool = True  # raw HTML blocks and tags reach the page (goldmark: renderer.unsafe)
    escapable: frozenset[str] = ASCII_PUNCTUATION
    smart_quotes: bool = False  # "..." -> curly quotes, ... -> ellipsis, -- -> en dash
    # Emphasis delimiters next to CJK letters or punctuation: CommonMark's flanking rules reject
    # `**굵게(b)**은`; kramdown renders it.
    cjk_emphasis_renders: bool = False
    attribute_lists: str = ""  # "kramdown" ({: .c #id}), "goldmark" ({#id .c}), or "" (none)
    block_attributes: bool = False  # goldmark parser.attribute.block: `{.c}` after a block
    heading_ids: str = "github"  # slug style: "github", "jekyll", "kramdown", "hugo", or "none"
    tables: bool = True
    strikethrough: bool = True
    footnotes: bool = False
    definition_lists: bool = False
    autolinks: str = ""  # bare www.x.org, https://x.org, me@x.org as links: "gfm", "goldmark" or ""
    definition_term_ids: bool = False  # goldmark parser.autoDefinitionTermID
    hard_wrap: bool = False
    parse_block_html: bool = False  # kramdown: Markdown inside HTML blocks is parsed
    input: str = ""  # kramdown's `input:` (GFM or kramdown); "" for the other engines
    templates: tuple[str, ...] = ()  # template syntaxes kept opaque: "liquid", "shortcode", "mdx"
    options: tuple[tuple[str, object], ...] = ()  # engine settings, as read

    def with_options(self, **changes: object) -> Flavor:
        return self._replace(**changes)  # type: ignore[arg-type]

    @property
    def label(self) -> str:
        """The name with the settings that make it differ from the built-in flavour."""
        base = BUILTIN.get(self.name)
        if base is None or base == self:
            return self.name
        changed = [
            f"{f}={getattr(self, f)!r}" for f in _SHOWN
            if getattr(self, f) != getattr(base, f)
        ]
        return f"{self.name} ({', '.join(changed)})" if changed else self.name


_SHOWN = ("raw_html", "smart_quotes", "heading_ids", "definition_term_ids", "block_attributes",
          "hard_wrap", "parse_block_html", "input")

COMMONMARK = Flavor("commonmark", "markdown-it", tables=False, strikethrough=False)
GFM = Flavor("gfm", "markdown-it", footnotes=True, autolinks="gfm")
KRAMDOWN = Flavor(
    "kramdown",
    "kramdown",
    escapable=KRAMDOWN_GFM_ESCAPABLE,
    smart_quotes=True,
    cjk_emphasis_renders=True,
    attribute_lists="kramdown",
    heading_ids="jekyll",
    footnotes=True,
    definition_lists=True,
    input="GFM",
    templates=("liquid",),
)
GOLDMARK = Flavor(
    "goldmark",
    "goldmark",
    raw_html=False,
    heading_ids="hugo",
    footnotes=True,
    definition_lists=True,
    attribute_lists="goldmark",
    smart_quotes=True,
    autolinks="goldmark",
    templates=("shortcode",),
)
MDX = Flavor("mdx", "remark", footnotes=True, templates=("mdx",))

BUILTIN = {f.name: f for f in (COMMONMARK, GFM, KRAMDOWN, GOLDMARK, MDX)}
NAMES = tuple(BUILTIN)


class UnknownFlavor(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown flavor {name!r}; valid flavors: {', '.join(NAMES)}")


def get(name: str) -> Flavor:
    try:
        return BUILTIN[name]
    except KeyError:
        raise UnknownFlavor(name) from None


def kramdown(input_format: str = "GFM") -> Flavor:
    """kramdown with `input: GFM` (Jekyll's default) or `input: kramdown` (the plain parser)."""
    if input_format.lower() == "gfm":
        return KRAMDOWN
    return KRAMDOWN._replace(
        input="kramdown", escapable=KRAMDOWN_ESCAPABLE, heading_ids="kramdown",
        tables=True, strikethrough=False,
    )
