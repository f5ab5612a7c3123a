"""CSS property names and value checks for the properties blog editors write most."""

from __future__ import annotations

import functools
import re

from artlint.rules.helpers import color as _color

PROPERTIES = frozenset(
    str.split("""
    accent-color align-content align-items align-self all animation animation-delay
    animation-direction animation-duration animation-fill-mode animation-iteration-count
    animation-name animation-play-state animation-timing-function appearance aspect-ratio
    backdrop-filter backface-visibility background background-attachment background-blend-mode
    background-clip background-color background-image background-origin background-position
    background-position-x background-position-y background-repeat background-size block-size
    border border-block border-block-end border-block-start border-bottom border-bottom-color
    border-bottom-left-radius border-bottom-right-radius border-bottom-style border-bottom-width
    border-collapse border-color border-image border-inline border-inline-end border-inline-start
    border-left border-left-color border-left-style border-left-width border-radius border-right
    border-right-color border-right-style border-right-width border-spacing border-style
    border-top border-top-color border-top-left-radius border-top-right-radius border-top-style
    border-top-width border-width bottom box-decoration-break box-shadow box-sizing break-after
    break-before break-inside caption-side caret-color clear clip clip-path color color-scheme
    column-count column-fill column-gap column-rule column-span column-width columns contain
    content counter-increment counter-reset cursor direction display empty-cells filter flex
    flex-basis flex-direction flex-flow flex-grow flex-shrink flex-wrap float font font-family
    font-feature-settings font-kerning font-size font-size-adjust font-stretch font-style
    font-variant font-variant-ligatures font-variant-numeric font-weight gap grid grid-area
    grid-auto-columns grid-auto-flow grid-auto-rows grid-column grid-column-end grid-column-start
    grid-gap grid-row grid-row-end grid-row-start grid-template grid-template-areas
    grid-template-columns grid-template-rows height hyphens image-rendering inline-size inset
    isolation justify-content justify-items justify-self left letter-spacing line-break
    line-height list-style list-style-image list-style-position list-style-type margin
    margin-block margin-block-end margin-block-start margin-bottom margin-inline
    margin-inline-end margin-inline-start margin-left margin-right margin-top max-block-size
    max-height max-inline-size max-width min-block-size min-height min-inline-size min-width
    mix-blend-mode object-fit object-position opacity order orphans outline outline-color
    outline-offset outline-style outline-width overflow overflow-wrap overflow-x overflow-y
    padding padding-block padding-block-end padding-block-start padding-bottom padding-inline
    padding-inline-end padding-inline-start padding-left padding-right padding-top page-break-after
    page-break-before page-break-inside perspective place-content place-items place-self
    pointer-events position quotes resize right rotate row-gap scale scroll-behavior
    scroll-margin scroll-padding tab-size table-layout text-align text-align-last
    text-decoration text-decoration-color text-decoration-line text-decoration-style
    text-decoration-thickness text-emphasis text-indent text-justify text-orientation
    text-overflow text-rendering text-shadow text-transform text-underline-offset
    text-underline-position top touch-action transform transform-origin transform-style
    transition transition-delay transition-duration transition-property
    transition-timing-function translate unicode-bidi user-select vertical-align visibility
    white-space widows width will-change word-break word-spacing word-wrap writing-mode z-index
    zoom
    """)
)
# Prefixes of properties that are not in the standard list but are not typos either.
PREFIXES = ("--", "-webkit-", "-moz-", "-ms-", "-o-", "mso-")

GLOBAL = frozenset(str.split("inherit initial unset revert revert-layer"))
_LENGTH = re.compile(
    r"[+-]?(\d+\.?\d*|\.\d+)(px|em|rem|%|pt|pc|cm|mm|in|q|ex|ch|vw|vh|vmin|vmax|svh|lvh|dvh|fr)?",
    re.IGNORECASE,
)
_FUNCTION = re.compile(r"(calc|var|min|max|clamp|env)\(.*\)", re.IGNORECASE)
_SIZE_WORDS = frozenset(
    str.split(
        "auto normal none max-content min-content fit-content xx-small x-small small medium large "
        "x-large xx-large xxx-large smaller larger thin thick"
    )
)
_ALIGN = frozenset(str.split("left right center justify start end match-parent -webkit-center"))
LENGTH_PROPERTIES = frozenset(
    str.split("""width height min-width min-height max-width max-height font-size line-height
    letter-spacing word-spacing text-indent top right bottom left margin margin-top margin-right
    margin-bottom margin-left padding padding-top padding-right padding-bottom padding-left
    border-radius border-width gap""")
)
COLOR_PROPERTIES = frozenset(
    str.split("""color background-color border-color border-top-color border-right-color
    border-bottom-color border-left-color outline-color text-decoration-color caret-color""")
)


def known(prop: str) -> bool:
    return prop in PROPERTIES or prop.startswith(PREFIXES)


@functools.lru_cache(maxsize=4096)  # editor exports repeat the same declarations
def value_problem(prop: str, value: str) -> str | None:
    """Why `value` is not valid for `prop`, for the properties checked; None when fine."""
    lowered = value.lower().strip()
    if lowered in GLOBAL or _FUNCTION.fullmatch(lowered):
        return None
    if prop in COLOR_PROPERTIES:
        return None if _color.is_color(lowered) else "not a colour"
    if prop == "text-align":
        return None if lowered in _ALIGN else "not a text-align keyword"
    if prop in LENGTH_PROPERTIES:
        parts = lowered.split()
        if len(parts) > 4 or (len(parts) > 1 and not prop.startswith(("margin", "padding", "border"))):
            return "too many values"
        for part in parts:
            if part in _SIZE_WORDS or _FUNCTION.fullmatch(part):
                continue
            found = _LENGTH.fullmatch(part)
            if not found:
                return "not a length"
            unitless = found.group(2) is None and float(found.group(1)) != 0
            if unitless and prop != "line-height":
                return "a length needs a unit"
    return None
