"""Golden files: each Tistory construct and each direction, converted exactly as written beside it.

tests/fixtures/convert/CASE/input.md is converted with CASE/options.json (target "to", default
markdown, and conversion options); the result must equal CASE/expected.md (or expected.html.md
for the blog target), verification must hold, and converting the result again changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from artlint.convert import pipeline
from artlint.convert.options import Options

CASES = Path(__file__).parents[1] / "fixtures" / "convert"
NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and (p / "input.md").is_file())


def case(name: str) -> tuple[str, dict[str, Any], str, Path]:
    folder = CASES / name
    options = folder / "options.json"
    settings = json.loads(options.read_text()) if options.is_file() else {}
    to = settings.pop("to", "markdown")
    expected = folder / ("expected.html.md" if to == "blog" else "expected.md")
    return to, settings, (folder / "input.md").read_text(encoding="utf-8"), expected


@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str) -> None:
    to, settings, text, expected = case(name)
    outcome = pipeline.convert(text, "input.md", to, Options(**settings))
    assert outcome.differences == []
    assert not outcome.unstable
    assert outcome.output == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [n for n in NAMES if case(n)[0] == "markdown"])
def test_golden_markdown_is_a_fixed_point(name: str) -> None:
    _, settings, _, expected = case(name)
    text = expected.read_text(encoding="utf-8")
    again = pipeline.convert(text, "expected.md", "markdown", Options(**settings))
    assert again.output == text
    assert again.dropped == {}


@pytest.mark.parametrize("name", [n for n in NAMES if case(n)[0] == "blog"])
def test_golden_blog_reads_back_as_the_markdown(name: str) -> None:
    from artlint.convert.article import split_body
    from artlint.meaning import model as meaning

    _, settings, text, expected = case(name)
    back = pipeline.convert(expected.read_text(encoding="utf-8"), "b.md", "markdown", Options(**settings))
    assert back.output is not None
    before = meaning.of_markdown(split_body(text))
    assert meaning.differences(before, meaning.of_markdown(split_body(back.output))) == []


def test_every_case_has_its_golden_file() -> None:
    missing = [name for name in NAMES if not case(name)[3].is_file()]
    assert missing == []


def test_dropped_residue_is_counted() -> None:
    _, settings, text, _ = case("residue")
    dropped = pipeline.convert(text, "input.md", "markdown", Options(**settings)).dropped
    assert dropped["<script> element"] == 1
    assert dropped["event handler"] == 1
    assert dropped["rel attribute"] == 1
    assert dropped["style attribute"] == 2


def test_spacers_are_counted() -> None:
    _, _, text, _ = case("spacers")
    dropped = pipeline.convert(text, "input.md", "markdown", Options()).dropped
    assert dropped["spacer paragraph"] == text.count("&nbsp;</p>") + text.count("<br /></p>") + 1
