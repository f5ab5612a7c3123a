"""CSS colours: parsing to RGBA, alpha compositing and WCAG 2.x contrast."""

from __future__ import annotations

import functools
import re

RGBA = tuple[float, float, float, float]  # channels 0..255, alpha 0..1

_NAMED_HEX = str.split(
    "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc "
    "bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a "
    "burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 "
    "cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b "
    "darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b "
    "darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 "
    "darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f "
    "darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff "
    "dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 "
    "forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 "
    "goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 "
    "hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa "
    "lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 "
    "lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 "
    "lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa "
    "lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 "
    "limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa "
    "mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 "
    "mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 "
    "midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead "
    "navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 "
    "orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee palevioletred db7093 "
    "papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 "
    "purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1 "
    "saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee "
    "sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 "
    "snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 "
    "tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 "
    "yellow ffff00 yellowgreen 9acd32"
)
NAMED: dict[str, str] = dict(zip(_NAMED_HEX[::2], _NAMED_HEX[1::2], strict=True))
# Valid colour values that name no fixed colour (they depend on context).
CONTEXTUAL = frozenset(
    str.split(
        "transparent currentcolor inherit initial unset revert revert-layer canvastext canvas "
        "linktext graytext windowtext window buttontext buttonface highlight highlighttext"
    )
)

_HEX = re.compile(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})")
_FUNC = re.compile(r"(rgba?|hsla?)\((.*)\)")
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?"
_COMPONENT = re.compile(rf"({_NUMBER})(%|deg|turn|rad|grad)?")


@functools.lru_cache(maxsize=4096)  # editor exports repeat the same few colours
def parse_color(value: str) -> RGBA | None:
    """The colour a CSS value names, or None when it is contextual or not a colour."""
    text = value.strip().lower()
    if text in NAMED:
        text = "#" + NAMED[text]
    hexmatch = _HEX.fullmatch(text)
    if hexmatch:
        digits = hexmatch.group(1)
        if len(digits) <= 4:
            digits = "".join(c * 2 for c in digits)
        channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        alpha = channels[3] / 255 if len(channels) == 4 else 1.0
        return float(channels[0]), float(channels[1]), float(channels[2]), alpha
    func = _FUNC.fullmatch(text)
    return _function(func.group(1), func.group(2)) if func else None


@functools.lru_cache(maxsize=4096)
def is_color(value: str) -> bool:
    text = value.strip().lower()
    return text in CONTEXTUAL or text.startswith("var(") or parse_color(text) is not None


def _function(name: str, args: str) -> RGBA | None:
    parts = [p for p in re.split(r"[\s,/]+", args.strip()) if p]
    if len(parts) not in (3, 4):
        return None
    parsed = [_COMPONENT.fullmatch(p) for p in parts]
    if any(p is None for p in parsed):
        return None
    values = [(float(p.group(1)), p.group(2)) for p in parsed if p is not None]
    alpha = 1.0
    if len(values) == 4:
        number, unit = values[3]
        alpha = max(0.0, min(1.0, number / 100 if unit == "%" else number))
    if name.startswith("rgb"):
        rgb = [max(0.0, min(255.0, n * 2.55 if unit == "%" else n)) for n, unit in values[:3]]
        return rgb[0], rgb[1], rgb[2], alpha
    return (*_hsl(values[0][0], values[1][0] / 100, values[2][0] / 100), alpha)


def _hsl(hue: float, sat: float, light: float) -> tuple[float, float, float]:
    sat, light = max(0.0, min(1.0, sat)), max(0.0, min(1.0, light))

    def channel(n: int) -> float:
        k = (n + hue / 30) % 12
        a = sat * min(light, 1 - light)
        return 255 * (light - a * max(-1, min(k - 3, 9 - k, 1)))

    return channel(0), channel(8), channel(4)


def over(top: RGBA, below: RGBA) -> RGBA:
    """`top` painted over an opaque `below` (source-over compositing)."""
    a = top[3]
    return (
        top[0] * a + below[0] * (1 - a),
        top[1] * a + below[1] * (1 - a),
        top[2] * a + below[2] * (1 - a),
        1.0,
    )


def luminance(color: RGBA) -> float:
    def linear(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color[0]) + 0.7152 * linear(color[1]) + 0.0722 * linear(color[2])


def contrast(first: RGBA, second: RGBA) -> float:
    """WCAG 2.x contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def hex_of(color: RGBA) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in color[:3])
