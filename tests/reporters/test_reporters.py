"""Output formats: text with carets, JSON against its schema, GitHub annotations, SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import REPO, SHARED, Run

from artlint.reporters.text import display_width

Write = Callable[[str, str], Path]

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = REPO / "schemas" / "report.schema.json"

# FM003 at 2:12 (the `no` in the list) after Korean text, FM005 at 3:8.
ARTICLE = "---\ntags: [서울, no]\ndraft: no\n---\n본문\n"


def test_text_line_source_and_caret_under_the_character(run: Run, write: Write, tmp_path: Path) -> None:
    write("글.md", ARTICLE)
    done = run("check", "--select", "FM", "--format", "text", "글.md", cwd=tmp_path)
    out = done.stdout.splitlines()
    assert out[0].startswith("글.md:1:1: FM003 schema-violation $: required key 'title' is missing")
    at = out.index(next(r for r in out if r.startswith("글.md:2:12: FM003 schema-violation $.tags[1]: ")))
    assert out[at + 1] == "    tags: [서울, no]"
    # "tags: [서울, " is 13 terminal columns wide: 서 and 울 take two each.
    assert out[at + 2] == "    " + " " * 13 + "^~"
    assert out[-1] == "1 file checked: 2 errors, 1 warning"


def test_text_has_no_colour_when_not_a_terminal(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ARTICLE)
    plain = run("check", "--select", "FM", "--format", "text", "a.md", cwd=tmp_path)
    assert "\x1b[" not in plain.stdout
    forced = run("check", "--select", "FM", "--format", "text", "--color", "a.md", cwd=tmp_path)
    assert "\x1b[31mFM003\x1b[0m" in forced.stdout


def test_clean_run_summary(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", "---\ntitle: 글\n---\n")
    write("b.md", "---\ntitle: 글\n---\n")
    done = run("check", "--select", "FM", "--format", "text", ".", cwd=tmp_path)
    assert done.stdout == "2 files checked, no problems\n"


def test_json_report_matches_its_schema(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ARTICLE)
    write("b.md", "---\ntitle: 글\n---\n")
    done = run("check", "--select", "FM", "--format", "json", ".", cwd=tmp_path)
    report = json.loads(done.stdout)
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["version"] == 1
    assert report["summary"] == {"files": 2, "error": 2, "warning": 1, "info": 0}
    first = report["diagnostics"][1]
    assert (first["path"], first["line"], first["column"], first["end_column"]) == ("a.md", 2, 12, 14)
    assert first["pointer"] == "/tags/1"


def test_report_schema_rejects_a_wrong_version() -> None:
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    report = {"version": 2, "tool": {"name": "artlint", "version": "1"},
              "summary": {"files": 0, "error": 0, "warning": 0, "info": 0}, "diagnostics": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(report)


def test_github_annotations_escape_properties_and_data(run: Run, write: Write, tmp_path: Path) -> None:
    write("a, b: c.md", "---\ntitle: 글\ncategories: 100%, 50%\n---\n")
    done = run("check", "--select", "FM", "--format", "github", "a, b: c.md", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "::error file=a%2C b%3A c.md,line=3,col=13,endLine=3,endColumn=22,title=FM003 schema-violation"
        '::$.categories: "100%25, 50%25" is not valid here: names separated by spaces, or a list '
        '(Jekyll and Hugo split a string at spaces, so a comma would stay in a name)'
    ]


def test_format_auto_is_github_inside_actions(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ARTICLE)
    inside = run("check", "--select", "FM", "a.md", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert inside.stdout.startswith("::error file=a.md,line=1,col=1,")
    outside = run("check", "--select", "FM", "a.md", cwd=tmp_path)
    assert outside.stdout.startswith("a.md:1:1: FM003")


def _sarif(run: Run, cwd: Path, *paths: str) -> dict[str, Any]:
    done = run("check", "--select", "FM", "--format", "sarif", *paths, cwd=cwd)
    assert done.returncode == 1, done.stderr
    log: dict[str, Any] = json.loads(done.stdout)
    return log


def test_sarif_is_valid_and_escapes_file_names(run: Run, write: Write, tmp_path: Path) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("the SARIF 2.1.0 schema is not here (../shared/schemas)")
    names = ["my post.md", "c#1.md", "why?.md", "한글 글.md"]
    for name in names:
        write(f"posts/{name}", ARTICLE)
    (tmp_path / "posts" / "binary.md").write_bytes(b"\xff\xfe\xfd")  # AL001: no rule metadata
    log = _sarif(run, tmp_path, "posts")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    results = log["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {
        "posts/my%20post.md", "posts/c%231.md", "posts/why%3F.md", "posts/%ED%95%9C%EA%B8%80%20%EA%B8%80.md",
        "posts/binary.md",
    }
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    region = next(r for r in results if r["ruleId"] == "FM005")["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 10}


def test_output_to_a_file(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ARTICLE)
    done = run("check", "--select", "FM", "--format", "json", "-o", "out.json", "a.md", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["error"] == 2


def test_long_lines_are_quoted_around_the_column(run: Run, write: Write, tmp_path: Path) -> None:
    words = ", ".join(["태그"] * 100)
    write("a.md", f"---\ntitle: 글\ntags: [{words}, 42]\n---\n")
    done = run("check", "--select", "FM", "--format", "text", "a.md", cwd=tmp_path)
    out = done.stdout.splitlines()
    assert out[0].startswith("a.md:3:")
    source, caret = out[1], out[2]
    assert source.startswith("    …") and "42]" in source
    assert len(source) < 140
    # The caret sits under the 4 of 42, counting two columns for each Hangul syllable.
    assert display_width(caret.index("^") * " ") == display_width(source[: source.index("42")])
