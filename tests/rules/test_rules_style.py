"""Inline-style rules (ST): messages, colour maths, options and what their fixes produce."""

from __future__ import annotations

import pytest
from rulecheck import check, fixed

from artlint.rules.helpers import color as _color


def test_message_names_element_and_declarations() -> None:
    [finding] = check('<p>a <span style="color: #ee2323;">red</span></p>\n', "ST102")
    assert finding.message == "style attribute on <span>: color: #ee2323"
    assert (finding.line, finding.column) == (1, 19)


def test_eight_digit_hex_alpha_is_composited() -> None:
    color = _color.parse_color("#21538527")
    assert color is not None and color[3] == pytest.approx(0x27 / 255)
    assert _color.hex_of(_color.over(color, (255, 255, 255, 1.0))) == "#dde5ec"
    assert _color.parse_color("rgba(0, 0, 0, 50%)") == (0.0, 0.0, 0.0, 0.5)
    assert _color.parse_color("transparentish") is None


def test_contrast_ratio_matches_wcag() -> None:
    white, black = _color.parse_color("white"), _color.parse_color("#000")
    assert white and black
    assert _color.contrast(white, black) == pytest.approx(21)
    grey = _color.parse_color("#777777")
    assert grey and _color.contrast(grey, white) == pytest.approx(4.48, abs=0.01)


def test_contrast_uses_configured_page_background() -> None:
    text = '<span style="color: #333333;">dark grey</span>\n'
    assert check(text, "ST105") == []
    [finding] = check(text, "ST105", {"page_background": "#000000"})
    assert "on background #000000" in finding.message


def test_allowlist_options() -> None:
    text = '<table style="width: 100%;"><tr><td style="height: 17px;">x</td></tr></table>\n'
    assert len(check(text, "ST101")) == 2
    assert [d.message for d in check(text, "ST101", {"allowed_properties": ["width"]})] == [
        "style attribute on <td>: height: 17px"
    ]
    assert check(text, "ST101", {"allowed_by_element": {"td": ["height"], "table": ["width"]}}) == []


def test_removing_the_only_style_unwraps_the_span() -> None:
    text = '<b><span style="color: #ee2323;">Read this.</span></b>\n'
    assert fixed(text, "ST102") == text  # styling removals are unsafe
    assert fixed(text, "ST102", unsafe=True) == "<b>Read this.</b>\n"


def test_removing_some_declarations_keeps_the_rest_tidy() -> None:
    text = '<td style="text-align: center; height: 17px;">x</td>\n'
    assert fixed(text, "ST101", unsafe=True) == '<td style="text-align: center;">x</td>\n'
    text = '<p style="margin: 0; line-height: 1.8; font-size: 18px">x</p>\n'
    assert fixed(text, "ST104", unsafe=True) == '<p style="margin: 0;">x</p>\n'


def test_run_on_declaration_fix_inserts_the_semicolon() -> None:
    text = '<a style="color: #e5e5e5text-decoration:none" href="/">x</a>\n'
    [finding] = check(text, "ST106")
    assert finding.fix is not None and not finding.fix.safe
    result = fixed(text, "ST106", unsafe=True)
    assert result == '<a style="color: #e5e5e5; text-decoration:none" href="/">x</a>\n'
    assert check(result, "ST106") == []


def test_code_highlighting_is_not_colour_emphasis() -> None:
    text = '<pre><code><span style="color: #a71d5d;">if</span></code></pre>\n'
    assert check(text, "ST102") == []
    assert len(check(text, "ST102", {"skip_inside": []})) == 1


def test_contrast_message_names_element_colours_and_ratio() -> None:
    [finding] = check('<p><span style="color: #ee2323;">Red</span></p>\n', "ST105")
    assert finding.message == "<span> text #ee2323 on background #ffffff has contrast 4.28:1, below 4.5:1"
    assert (finding.line, finding.column) == (1, 17)
