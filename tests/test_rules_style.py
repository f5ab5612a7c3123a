"""Inline-style rules (ST): fixture files, colour maths, options and what their fixes produce."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from artlint import engine
from artlint.config import Settings, from_mapping
from artlint.diagnostics import Diagnostic
from artlint.parse import parse
from artlint.rules import _color

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = sorted(p for p in FIXTURES.glob("ST*/*.md"))


def check(text: str, code: str, options: dict[str, Any] | None = None) -> list[Diagnostic]:
    settings = (
        from_mapping({"rules": {code: options}}, root=Path.cwd()) if options else Settings(root=Path.cwd())
    )
    return engine.check_document(parse(text, "post.md"), settings.with_cli(select=(code,)))


def fixed(text: str, code: str, unsafe: bool = False, rounds: int = 5) -> str:
    """Apply the rule's fixes as a fixer would: whole findings, skipping overlaps, until stable."""
    for _ in range(rounds):
        taken: list[tuple[int, int, str]] = []
        for diagnostic in check(text, code):
            fix = diagnostic.fix
            if fix is None or (not fix.safe and not unsafe):
                continue
            edits = [(e.start, e.end, e.text) for e in fix.edits]
            if any((s < e2 and s2 < e) or s == s2 for s, e, _ in edits for s2, e2, _ in taken):
                continue
            taken += edits
        if not taken:
            return text
        for start, end, new in sorted(taken, reverse=True):
            text = text[:start] + new + text[end:]
    return text


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(case: Path) -> None:
    found = [f"{d.line}:{d.column} {d.code}" for d in check(case.read_text("utf-8"), case.parent.name)]
    if case.name.startswith("pass"):
        assert found == []
    else:
        expected = Path(f"{case}.expected").read_text("utf-8").splitlines()
        assert found == expected


def test_every_style_rule_has_passing_and_failing_fixtures() -> None:
    from artlint.rules import all_rules

    codes = {r.code for r in all_rules() if r.code.startswith("ST")}
    assert codes
    for code in codes:
        assert (FIXTURES / code / "pass.md").is_file()
        assert (FIXTURES / code / "fail.md.expected").read_text("utf-8").strip()


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
