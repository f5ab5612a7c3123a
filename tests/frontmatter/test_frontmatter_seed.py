"""The reference article is clean; each way of breaking its front matter is reported once, at the
right place, with exit code 1, in every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, Run

FORMATS = ("text", "json", "github", "sarif")


def test_reference_article_is_clean(run: Run, seed_text: str) -> None:
    done = run("check", "--select", "FM", str(SEED))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems" in done.stdout


def _line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def _drop_title(text: str) -> tuple[str, int, int, str, str]:
    lines = text.splitlines(keepends=True)
    line = _line_of(text, "title:")
    del lines[line - 1]
    return "".join(lines), 1, 1, "FM003", "required key 'title' is missing"


def _categories_string(text: str) -> tuple[str, int, int, str, str]:
    changed = text.replace("categories:\n  - News\n", "categories: News, Events\n", 1)
    assert changed != text
    line = _line_of(changed, "categories:")
    return changed, line, len("categories: ") + 1, "FM003", "$.categories: \"News, Events\" is not valid here"


def _duplicate_key(text: str) -> tuple[str, int, int, str, str]:
    at = text.index("excerpt:")
    changed = text[:at] + "title: 다른 제목\n" + text[at:]
    return changed, _line_of(changed, "excerpt:") - 1, 1, "FM004", "duplicate key 'title' (first at line 2)"


def _broken_yaml(text: str) -> tuple[str, int, int, str, str]:
    # An unquoted second colon: the parser stops at it.
    line = _line_of(text, "title:")
    lines = text.splitlines(keepends=True)
    lines[line - 1] = "title: 속보: 과기정통부 해명\n"
    return "".join(lines), line, len("title: 속보:"), "FM001", "mapping values are not allowed"


CHANGES = {
    "drop-title": _drop_title,
    "categories-string": _categories_string,
    "duplicate-key": _duplicate_key,
    "broken-yaml": _broken_yaml,
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("output_format", FORMATS)
def test_each_break_is_reported_in_every_format(
    run: Run, seed_text: str, tmp_path: Path, change: str, output_format: str
) -> None:
    text, line, column, code, message = CHANGES[change](seed_text)
    path = tmp_path / "뉴스 #1.md"
    path.write_text(text, encoding="utf-8")
    done = run("check", "--select", "FM", "--format", output_format, path.name, cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    found = _diagnostics(output_format, done.stdout)
    assert [(d[0], d[1], d[2]) for d in found] == [(line, column, code)]
    assert message in found[0][3]


def _diagnostics(output_format: str, out: str) -> list[tuple[int, int, str, str]]:
    """(line, column, code, message) of each diagnostic, read back from the format."""
    if output_format == "json":
        return [(d["line"], d["column"], d["code"], d["message"]) for d in json.loads(out)["diagnostics"]]
    if output_format == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        return [
            (
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                r["ruleId"],
                r["message"]["text"],
            )
            for r in results
        ]
    found = []
    for row in out.splitlines():
        if output_format == "github" and row.startswith("::"):
            props, _, message = row[2:].partition("::")
            fields = dict(p.split("=", 1) for p in props.split(" ", 1)[1].split(","))
            code = fields["title"].split("%20")[0].split(" ")[0]
            found.append((int(fields["line"]), int(fields["col"]), code, message.replace("%3A", ":")))
        elif output_format == "text" and not row.startswith(" ") and ": " in row and ".md:" in row:
            _, _, rest = row.partition(".md:")
            line, column, tail = rest.split(":", 2)
            code, _name, message = tail.strip().split(" ", 2)
            found.append((int(line), int(column), code, message))
    return found
