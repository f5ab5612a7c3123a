"""TOML (`+++`) and JSON (`{`) front matter: parsed, validated and located like YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from artlint.api import check_text
from artlint.config.loading import Settings


def where(text: str) -> list[tuple[int, int, str, str]]:
    found = check_text(text, "post.md", Settings())
    return [(d.line, d.column, d.code, d.message) for d in found if d.code.startswith("FM")]


def test_valid_toml_passes() -> None:
    assert where('+++\ntitle = "서울 여행"\ncategories = ["여행", "서울"]\n+++\n본문\n') == []


def test_toml_schema_error_points_at_the_value() -> None:
    found = where('+++\ntitle = "서울 여행"\ncategories = "여행, 서울"\n+++\n본문\n')
    assert [(line, column, code) for line, column, code, _ in found] == [(3, 14, "FM003")]
    assert '"여행, 서울" is not valid here' in found[0][3]


def test_toml_missing_title_points_at_the_block() -> None:
    found = where('+++\ncategories = ["여행"]\n+++\n')
    assert [(line, column, code) for line, column, code, _ in found] == [(1, 1, "FM003")]


@pytest.mark.parametrize(
    ("front", "line", "column"),
    [
        ('title = "서울"\ncategories = [여행]\n', 3, 15),  # a bare word is not a TOML value
        ('title = "서울"\ntitle = "부산"\n', 3, 13),  # a repeated key: stops at its end
    ],
)
def test_toml_syntax_errors_have_the_parsers_position(front: str, line: int, column: int) -> None:
    found = where(f"+++\n{front}+++\n본문\n")
    assert [(ln, col, code) for ln, col, code, _ in found] == [(line, column, "FM001")]
    assert found[0][3].startswith("TOML: ")


def test_valid_json_passes() -> None:
    assert where('{\n  "title": "서울 여행",\n  "tags": ["여행"]\n}\n본문\n') == []


def test_json_schema_error_points_at_the_value() -> None:
    found = where('{\n  "title": "서울 여행",\n  "categories": "여행, 서울"\n}\n본문\n')
    assert [(line, column, code) for line, column, code, _ in found] == [(3, 17, "FM003")]


def test_json_duplicate_key() -> None:
    found = where('{\n  "title": "하나",\n  "tags": [],\n  "title": "둘"\n}\n')
    assert [(line, column, code) for line, column, code, _ in found] == [(4, 3, "FM004")]
    assert "first at line 2" in found[0][3]


@pytest.mark.parametrize(
    ("front", "line", "column"),
    [
        ('{\n  "title": "서울",\n  "tags": ["a",]\n}\n', 3, 15),
        ('{\n  "title": "서울"\n  "tags": []\n}\n', 3, 3),
    ],
)
def test_json_syntax_errors_have_the_parsers_position(front: str, line: int, column: int) -> None:
    found = where(front + "본문\n")
    assert [(ln, col, code) for ln, col, code, _ in found] == [(line, column, "FM001")]
    assert found[0][3].startswith("JSON: ")


def test_a_trailing_comma_is_named_at_the_comma() -> None:
    found = where('{\n  "title": "서울",\n  "tags": ["a",],\n}\n본문\n')
    assert [(ln, col, message) for ln, col, _, message in found] == [
        (3, 15, "JSON: Illegal trailing comma before end of array")
    ]


def test_liquid_at_the_start_is_not_json_front_matter() -> None:
    found = check_text("{% include header.html %}\n본문\n", "page.md", Settings(schema=False))
    assert [d.code for d in found if d.code.startswith("FM")] == []


def test_json_positions_reach_list_items_and_nested_values(tmp_path: Path) -> None:
    schema = {"properties": {
        "tags": {"items": {"type": "string"}},
        "extra": {"properties": {"deep": {"items": {"type": "integer"}}}, "additionalProperties": False},
    }}
    (tmp_path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    text = '{\n  "title": "제목",\n  "tags": ["a", 42],\n  "extra": {"deep": [1, "two"], "x": 0}\n}\n'
    found = check_text(text, "a.md", Settings(root=tmp_path, schema="s.json", select=("FM",)))
    assert [(d.line, d.column, d.end_column, d.pointer) for d in found] == [
        (3, 17, 19, "/tags/1"),
        (4, 25, 30, "/extra/deep/1"),
        (4, 33, None, "/extra/x"),  # an unexpected key points at the key
    ]


def test_toml_positions_reach_tables_arrays_and_keys(tmp_path: Path) -> None:
    schema = {"properties": {
        "tags": {"items": {"type": "string"}},
        "params": {"properties": {"deep": {"items": {"type": "integer"}}}, "additionalProperties": False},
        "posts": {"items": {"properties": {"name": {"type": "string"}}}},
    }}
    (tmp_path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    text = (
        '+++\ntitle = "제목"\ntags = ["a", 42]  # a comment, with a comma\n'
        'note = """\nfake = 1\n[not.a.table]\n"""\n'
        '[params]\ndeep = [\n  1,\n  "two",\n]\nx = 0\n'
        '[[posts]]\nname = "p0"\n[[posts]]\nname = 1\n+++\n'
    )
    found = check_text(text, "a.md", Settings(root=tmp_path, schema="s.json", select=("FM",)))
    assert [(d.line, d.column, d.pointer) for d in found] == [
        (3, 14, "/tags/1"),
        (11, 3, "/params/deep/1"),
        (13, 1, "/params/x"),
        (17, 8, "/posts/1/name"),
    ]
