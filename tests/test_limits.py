"""Limits are settings, each with a diagnostic that names it; the alias message is only for aliases."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run

from artlint.api import check_text
from artlint.config.loading import ConfigError, Settings, from_mapping
from artlint.convert import pipeline
from artlint.convert.options import ConvertError, Options
from artlint.parsing.parse import parse


def _settings(**data: object) -> Settings:
    return from_mapping(data, root=Path.cwd())


def test_a_long_list_without_aliases_is_not_an_alias_expansion() -> None:
    text = "---\ntitle: x\ntags:\n" + "".join(f"  - t{i}\n" for i in range(100_001)) + "---\nbody\n"
    fm = parse(text).front_matter
    assert fm is not None and fm.error is None
    assert len(fm.data["tags"]) == 100_001


def test_aliases_of_aliases_are_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for this, before in zip("bcdef", "abcde", strict=True):
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{before}"] * 10) + "]")
    fm = parse("---\n" + "\n".join(lines) + "\n---\n").front_matter
    assert fm is not None and fm.error is not None
    assert fm.error.message == "YAML: aliases expand to more than 100000 values"


def test_front_matter_size_is_a_setting() -> None:
    text = "---\ntitle: x\ndescription: " + "가" * 500 + "\n---\nbody\n"
    assert not [d for d in check_text(text, "a.md", _settings(schema=False)) if d.code == "FM001"]
    found = check_text(text, "a.md", _settings(schema=False, max_front_matter_size=100))
    [diagnostic] = [d for d in found if d.code == "FM001"]
    assert "over the limit of 100 (the max_front_matter_size setting)" in diagnostic.message


def test_attributes_per_element_is_a_setting() -> None:
    text = "<div " + " ".join(f'data-a{i}="{i}"' for i in range(20)) + ">x</div>\n"
    assert not [d for d in check_text(text, "a.md", _settings(schema=False)) if d.code == "AL002"]
    [diagnostic] = [d for d in check_text(text, "a.md", _settings(schema=False, max_attributes=10))
                    if d.code == "AL002"]
    assert (diagnostic.line, diagnostic.column) == (1, 1)
    assert diagnostic.message == "<div> has 20 attributes, over the limit of 10 (the max_attributes setting)"


def test_nesting_is_a_setting_for_check_and_convert() -> None:
    text = "<div>" * 30 + "x" + "</div>" * 30 + "\n"
    assert not [d for d in check_text(text, "a.md", _settings(schema=False)) if d.code == "AL002"]
    deep = _settings(schema=False, max_nesting=20)
    found = [d for d in check_text(text, "a.md", deep) if d.code == "AL002"]
    assert "HTML nested deeper than 20 levels (the max_nesting setting)" in found[0].message
    assert pipeline.convert(text, "a.md", "markdown", Options()).output is not None
    with pytest.raises(ConvertError, match="nested deeper than 20 levels"):
        pipeline.convert(text, "a.md", "markdown", Options(max_nesting=20))


def test_deep_front_matter_is_refused_before_any_walk() -> None:
    for text in ("---\nd: " + "[" * 500 + "]" * 500 + "\n---\n",
                 '{"d": ' + "[" * 500 + "]" * 500 + "}\n"):
        fm = parse(text).front_matter
        assert fm is not None and fm.error is not None
        assert "nested deeper than 200 levels (the max_nesting setting)" in fm.error.message


def test_a_limit_must_be_a_positive_integer() -> None:
    for bad in (0, -1, "10", True):
        with pytest.raises(ConfigError, match="'max_nesting' must be a positive integer"):
            _settings(max_nesting=bad)


def test_deep_html_is_refused_by_convert_with_a_sentence(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text("max_nesting = 50\n")
    (tmp_path / "a.md").write_text("<div>" * 60 + "x" + "</div>" * 60 + "\n")
    done = run("convert", "--to", "markdown", "a.md", cwd=tmp_path)
    assert done.returncode == 1
    assert "a.md: not converted: HTML nested deeper than 50 levels (the max_nesting setting)" in done.stderr
