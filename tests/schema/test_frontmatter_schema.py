"""Choosing and loading front-matter schemas: per-glob, by name, across files, invalid, none."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

from artlint.api import check_text
from artlint.config.loading import Settings

Write = Callable[[str, str], Path]

TAGS = {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]}


def dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def fm_codes(text: str, settings: Settings) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.code, d.message) for d in check_text(text, "a.md", settings)
            if d.code.startswith("FM")]


def test_any_of_reports_the_closest_alternative(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text(dump({"properties": {"tags": TAGS}}), encoding="utf-8")
    settings = Settings(root=tmp_path, schema="s.json")
    found = fm_codes("---\ntags:\n  - 여행\n  - 42\n---\n", settings)
    # The list is the right shape; its second item is what is wrong.
    assert [(line, column, code) for line, column, code, _ in found] == [(4, 5, "FM003")]
    assert found[0][3].startswith("$.tags[1]: expected string, got integer 42")


def test_one_of_with_no_fitting_type_names_all_types(tmp_path: Path) -> None:
    schema = {"properties": {"tags": {"oneOf": TAGS["anyOf"]}}}
    (tmp_path / "s.json").write_text(dump(schema), encoding="utf-8")
    found = fm_codes("---\ntags: 42\n---\n", Settings(root=tmp_path, schema="s.json"))
    assert [(line, column, code) for line, column, code, _ in found] == [(2, 7, "FM003")]
    assert "expected array or string, got integer 42" in found[0][3]
    assert "quote it: '42'" in found[0][3]


def test_additional_property_points_at_the_key(tmp_path: Path) -> None:
    schema = {"properties": {"title": {"type": "string"}}, "additionalProperties": False}
    (tmp_path / "s.json").write_text(dump(schema), encoding="utf-8")
    found = fm_codes("---\ntitle: 글\nsubtitle: 부제\n---\n", Settings(root=tmp_path, schema="s.json"))
    assert [(line, column, code) for line, column, code, _ in found] == [(3, 1, "FM003")]
    assert "unexpected key 'subtitle'" in found[0][3]


def test_per_glob_schemas_and_local_refs_across_files(run: Run, write: Write, tmp_path: Path) -> None:
    write("schemas/common.json", dump({"$defs": {"tags": TAGS}}))
    write("schemas/post.json", dump({
        "type": "object", "required": ["title", "date"],
        "properties": {"title": {"type": "string"}, "tags": {"$ref": "common.json#/$defs/tags"}},
    }))
    write(".artlint.toml", '[schemas]\n"_posts/**" = "schemas/post.json"\n"drafts/*.md" = "none"\n')
    write("_posts/2024/a.md", "---\ntitle: 글\ndate: 2024-01-02\ntags: [여행, 7]\n---\n")
    write("_posts/b.md", "---\ntitle: 글\n---\n")
    write("drafts/c.md", "메모\n")
    write("about.md", "---\ndate: 2024-01-02\n---\n")  # the built-in blog schema: title required
    done = run("check", "--select", "FM", "--format", "json", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    diagnostics = json.loads(done.stdout)["diagnostics"]
    found = {(d["path"], d["line"], d["column"]): d["message"] for d in diagnostics}
    assert set(found) == {("_posts/2024/a.md", 4, 12), ("_posts/b.md", 1, 1), ("about.md", 1, 1)}
    assert found[("_posts/2024/a.md", 4, 12)].startswith("$.tags[1]: expected string")
    assert "'date' is missing" in found[("_posts/b.md", 1, 1)]
    assert "'title' is missing" in found[("about.md", 1, 1)]


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ('{"type": "objekt"}', "invalid schema at type"),
        ('{"type": "object",', "invalid JSON"),
        ('{"properties": {"t": {"$ref": "gone.json"}}}', "$ref 'gone.json' at /properties/t: no such file"),
        ('{"properties": {"t": {"$ref": "https://example.com/t.json"}}}', "remote schemas are not fetched"),
    ],
)
def test_invalid_schema_is_one_error_exit_2(
    run: Run, write: Write, tmp_path: Path, schema: str, message: str
) -> None:
    write("bad.json", schema)
    for name in ("a.md", "b.md", "c.md"):
        write(name, "---\ntitle: 글\n---\n")
    done = run("check", "--schema", "bad.json", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert "bad.json" in done.stderr and message in done.stderr


def test_missing_schema_names_the_built_in_ones(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", "---\ntitle: 글\n---\n")
    done = run("check", "--schema", "bolg", "a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "'bolg'" in done.stderr and "blog" in done.stderr
    assert "report" not in done.stderr and "article" not in done.stderr  # output schemas, not front matter


def test_schema_by_built_in_name(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", "---\ncategories: 뉴스, 일상\n---\n")
    done = run("check", "--select", "FM", "--schema", "blog", "--format", "json", "a.md", cwd=tmp_path)
    codes = [(d["line"], d["code"]) for d in json.loads(done.stdout)["diagnostics"]]
    assert codes == [(1, "FM003"), (2, "FM003")]


def test_schema_none_turns_validation_off_even_over_config(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", '[schemas]\n"**" = "blog"\n')
    write("a.md", "no front matter\n")
    write("b.md", "---\ncategories: 뉴스, 일상\n---\n")
    assert run("check", "--select", "FM", ".", cwd=tmp_path).returncode == 1
    done = run("check", "--select", "FM", "--schema", "none", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "2 files checked, no problems" in done.stdout


def test_schema_none_still_reports_syntax_errors(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", "---\ntitle: [열림\n---\n")
    done = run("check", "--select", "FM", "--schema", "none", "a.md", cwd=tmp_path)
    assert done.returncode == 1
    assert "a.md:2:8: FM001" in done.stdout


def test_missing_front_matter_where_required(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", "# 제목\n\n본문\n")
    write("blog/_config.yml", "title: x\n")
    write("blog/_posts/2024-01-01-a.md", "# 제목\n\n본문\n")
    expected = "FM002 front-matter-missing no front matter; the schema requires 'title'"
    # A file of no site is read as it is (on GitHub, say): nothing reads its front matter.
    done = run("check", "--select", "FM", "a.md", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "1 file checked, no problems\n")
    # Jekyll reads it: a post without front matter is not rendered as a post.
    done = run("check", "--select", "FM", "blog", cwd=tmp_path)
    assert done.returncode == 1 and f"2024-01-01-a.md:1:1: {expected}" in done.stdout
    # A schema chosen in the configuration, or on the command line, requires it everywhere.
    done = run("check", "--select", "FM", "--schema", "blog", "a.md", cwd=tmp_path)
    assert done.returncode == 1 and f"a.md:1:1: {expected}" in done.stdout
    write(".artlint.toml", 'schema = "blog"\n')
    done = run("check", "--select", "FM", "a.md", cwd=tmp_path)
    assert done.returncode == 1 and f"a.md:1:1: {expected}" in done.stdout


def test_command_line_schema_path_is_relative_to_the_working_folder(
    run: Run, write: Write, tmp_path: Path
) -> None:
    write(".artlint.toml", "ignore = []\n")  # the configuration's folder is not where we run
    write("site/s.json", dump({"required": ["date"]}))
    write("site/a.md", "---\ntitle: 글\n---\n")
    done = run("check", "--select", "FM", "--schema", "s.json", "a.md", cwd=tmp_path / "site")
    assert done.returncode == 1, done.stderr
    assert "required key 'date' is missing" in done.stdout


def test_pattern_properties_are_not_unexpected(tmp_path: Path) -> None:
    schema = {"properties": {"title": {}}, "patternProperties": {"^x-": {}}, "additionalProperties": False}
    (tmp_path / "s.json").write_text(dump(schema), encoding="utf-8")
    settings = Settings(root=tmp_path, schema="s.json")
    found = fm_codes("---\ntitle: 글\nx-note: 메모\nextra: 1\n---\n", settings)
    assert [(line, column, message) for line, column, _, message in found] == [
        (4, 1, "$: unexpected key 'extra'")
    ]


@pytest.mark.parametrize("names", ["jekyll update", "[jekyll, update]", "", "뉴스"])
def test_blog_schema_takes_names_as_jekyll_and_hugo_read_them(names: str) -> None:
    # `jekyll new` writes `categories: jekyll update`; Jekyll and Hugo split such a string at
    # spaces, and an empty value means no names.
    text = f"---\ntitle: Welcome\ncategories: {names}\ntags: {names}\n---\n본문\n"
    assert fm_codes(text, Settings()) == []


def test_blog_schema_reports_a_comma_that_would_stay_in_a_name() -> None:
    found = fm_codes("---\ntitle: Welcome\ntags: 여행, 서울\n---\n", Settings())
    assert [(line, column, code) for line, column, code, _ in found] == [(3, 7, "FM003")]
    assert "a comma would stay in a name" in found[0][3]
