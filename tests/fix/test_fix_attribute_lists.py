"""A fix never detaches a kramdown attribute list from its element.

`<span>위험 조항</span>{: .text-red-400 }` is a red span on a kramdown site; unwrapped, the list
would print as text and the styling would be gone. Fixes keep such wrappers.
"""

from __future__ import annotations

import shutil

import pytest

from artlint.config.loading import Settings
from artlint.fix.loop import fix_text
from artlint.text.files import decode_bytes

BODY = (
    "---\ntitle: T\n---\n\n"
    "<span>위험 조항</span>{: .text-red-400 } 입니다.\n\n"
    '<span style="font-family: Arial">글꼴</span>{: .note} 그리고 <span>평범</span> 끝.\n'
)


def _fixed(text: str) -> str:
    style = decode_bytes(text.encode("utf-8"))
    return fix_text(style, "post.md", Settings(), unsafe=True).text


def test_wrappers_with_attribute_lists_are_kept() -> None:
    fixed = _fixed(BODY)
    assert "<span>위험 조항</span>{: .text-red-400 }" in fixed
    assert "<span>글꼴</span>{: .note}" in fixed  # the style goes, the span stays
    assert "<span>평범</span>" not in fixed and " 평범 끝" in fixed  # a bare span is still unwrapped


@pytest.mark.skipif(shutil.which("ruby") is None, reason="ruby with kramdown is not installed")
def test_kramdown_renders_the_fixed_page_with_the_same_classes() -> None:
    from artlint import engines
    from artlint.parsing.parse import parse

    if not engines.available("kramdown"):
        pytest.skip("kramdown is not installed")
    render = engines.renderer("kramdown")
    before, after = render([parse(BODY, "a.md").body, parse(_fixed(BODY), "b.md").body])
    assert '<span class="text-red-400">위험 조항</span>' in before
    assert '<span class="text-red-400">위험 조항</span>' in after
    assert 'class="note">글꼴</span>' in before and '<span class="note">글꼴</span>' in after
    assert "{:" not in after
