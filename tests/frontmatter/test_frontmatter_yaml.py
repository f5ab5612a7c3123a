"""YAML front matter: parse errors where the parser stops, and YAML 1.1 values that change type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from artlint.api import check_text
from artlint.config.loading import Settings
from artlint.model.diagnostics import Diagnostic


def fm(text: str, settings: Settings | None = None) -> list[Diagnostic]:
    return [d for d in check_text(text, "post.md", settings or Settings()) if d.code.startswith("FM")]


def where(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in diagnostics]


@pytest.mark.parametrize(
    ("value", "became"),
    [("no", "false"), ("yes", "true"), ("on", "true"), ("Off", "false"), ("NO", "false")],
)
def test_yes_no_on_off_become_booleans(value: str, became: str) -> None:
    found = fm(f"---\ntitle: 여행기\ncountry: {value}\n---\n본문\n")
    assert where(found) == [(3, 10, "FM005")]
    assert f"unquoted {value} became the boolean {became}" in found[0].message
    assert f"'{value}'" in found[0].message
    assert found[0].end_column == 10 + len(value)


def test_draft_no_is_reported() -> None:
    assert where(fm("---\ntitle: 초안\ndraft: no\n---\n")) == [(3, 8, "FM005")]


@pytest.mark.parametrize("value", ["'no'", '"no"', "false", "true"])
def test_quoted_words_and_real_booleans_pass(value: str) -> None:
    assert fm(f"---\ntitle: 초안\ndraft: {value}\n---\n") == []


def test_leading_zero_is_octal() -> None:
    found = fm("---\ntitle: 권한\nmode: 0755\n---\n")
    assert where(found) == [(3, 7, "FM005")]
    assert "became the number 493 (octal" in found[0].message


def test_colon_number_is_base_60() -> None:
    found = fm("---\ntitle: 일정\nstart: 1:30\n---\n")
    assert where(found) == [(3, 8, "FM005")]
    assert "became the number 90 (base 60" in found[0].message


def test_traps_inside_lists_are_found() -> None:
    found = fm("---\ntitle: 국가\nregions:\n  - 서울\n  - no\n---\n")
    assert where(found) == [(5, 5, "FM005")]


def test_trap_where_the_schema_wants_text_is_reported_once() -> None:
    # The built-in schema wants strings in categories: one schema error, with the quote hint.
    found = fm("---\ntitle: 국가\ncategories:\n  - 뉴스\n  - no\n---\n")
    assert where(found) == [(5, 5, "FM003")]
    assert "got boolean false" in found[0].message
    assert "quote it: 'no'" in found[0].message


def _schema(tmp_path: Path, properties: dict[str, object]) -> Settings:
    path = tmp_path / "post.schema.json"
    path.write_text(json.dumps({"type": "object", "properties": properties}), encoding="utf-8")
    return Settings(root=tmp_path, schema=str(path))


def test_date_where_the_schema_wants_a_string(tmp_path: Path) -> None:
    settings = _schema(tmp_path, {"version": {"type": "string"}})
    found = fm("---\nversion: 2024-05-01\n---\n", settings)
    assert where(found) == [(2, 10, "FM005")]
    assert "became a date, but the schema wants a string; quote it: '2024-05-01'" in found[0].message


def test_date_where_the_schema_wants_a_date_passes(tmp_path: Path) -> None:
    settings = _schema(tmp_path, {"date": {"type": "string", "format": "date"}})
    assert fm("---\ndate: 2024-05-01\n---\n", settings) == []


def test_blog_schema_accepts_unquoted_dates() -> None:
    # Jekyll authors write dates unquoted; the built-in schema's date pattern is for them.
    assert fm("---\ntitle: 글\ndate: 2024-05-01 09:30:00 +0900\n---\n") == []


def test_number_where_string_wanted_gets_a_quote_hint() -> None:
    found = fm("---\ntitle: 2024\n---\n")
    assert where(found) == [(2, 8, "FM003")]
    assert found[0].message.startswith("$.title: expected string, got integer 2024")
    assert "quote it: '2024'" in found[0].message
    assert found[0].end_column == 12


def test_quoted_number_where_string_wanted_passes() -> None:
    assert fm("---\ntitle: '2024'\n---\n") == []


@pytest.mark.parametrize(
    ("front", "line", "column", "text"),
    [
        # The parser's own mark: the second colon.
        ("title: 설치: 1단계\n", 2, 10, "mapping values are not allowed"),
        # Bad indentation: where the parser gives up.
        ("title: 글\ntags:\n  - a\n - b\n", 5, 2, "did not find expected key"),
        # Open quote or bracket at the end of the block: where it was opened, not the closing ---.
        ('title: "열린 따옴표\n', 2, 8, "while scanning a quoted scalar"),
        ("title: 글\ntags: [a, b\n", 3, 7, "while parsing a flow sequence"),
    ],
)
def test_yaml_errors_point_where_the_parser_stopped(
    front: str, line: int, column: int, text: str
) -> None:
    found = fm(f"---\n{front}---\n본문\n")
    assert where(found) == [(line, column, "FM001")]
    assert text in found[0].message
    assert found[0].message.startswith("YAML: ")


def test_unclosed_front_matter() -> None:
    found = fm("---\ntitle: 글\n\n본문\n")
    assert where(found) == [(1, 1, "FM001")]
    assert "never closed" in found[0].message


def test_duplicate_key_names_the_first_line() -> None:
    found = fm("---\ntitle: 하나\ntags: [a]\ntitle: 둘\n---\n")
    assert where(found) == [(4, 1, "FM004")]
    assert "duplicate key 'title' (first at line 2)" in found[0].message


def test_duplicate_key_in_nested_mapping() -> None:
    found = fm("---\ntitle: 글\nauthor:\n  name: a\n  name: b\n---\n")
    assert where(found) == [(5, 3, "FM004")]


def test_empty_front_matter_is_an_empty_mapping() -> None:
    found = fm("---\n---\n본문\n")
    assert where(found) == [(1, 1, "FM003")]
    assert "required key 'title' is missing" in found[0].message


def test_crlf_front_matter_positions() -> None:
    found = fm("---\r\ntitle: 글\r\ndraft: no\r\n---\r\n본문\r\n")
    assert where(found) == [(3, 8, "FM005")]


def test_merge_keys_and_aliases() -> None:
    text = "---\ntitle: 글\nbase: &b\n  mode: no\nother:\n  <<: *b\n  mode: 'yes'\ncopy: *b\n---\n"
    # Overriding a merged key is not a duplicate, and the shared value is reported once.
    assert where(fm(text)) == [(4, 9, "FM005")]


def test_recursive_alias_is_a_syntax_error() -> None:
    found = fm("---\ntitle: 글\nloop: &a [*a, 1]\n---\n")
    assert where(found) == [(3, 7, "FM001")]
    assert "alias refers to the value that contains it" in found[0].message


def test_alias_bomb_is_refused_quickly() -> None:
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    found = fm("---\ntitle: 글\n" + "\n".join(rows) + "\n---\n")
    assert where(found) == [(2, 1, "FM001")]
    assert "aliases expand to more than" in found[0].message


@pytest.mark.parametrize("value", ["2024-13-45", "2024-02-30", "2024-01-01 25:61:00"])
def test_a_date_that_is_no_date_is_a_syntax_finding_at_its_value(value: str) -> None:
    text = f"---\ntitle: 글\ndate: {value}\ncategories:\n  - 일상\n---\n본문\n"
    found = check_text(text, "post.md", Settings(schema=False))
    assert [(d.line, d.column, d.code) for d in found] == [(3, 7, "FM001")]
    assert value in found[0].message and "quote it" in found[0].message
