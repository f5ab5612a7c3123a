"""Configuration: where it is found, what the command line overrides, and errors for typos."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

from artlint.discovery.globs import matches_any

Write = Callable[[str, str], Path]

# One file with an error (FM003: categories is a string) and a warning (FM005: draft: no).
ARTICLE = "---\ntitle: 글\ncategories: 뉴스, 일상\ndraft: no\n---\n본문\n"


def codes(done: object) -> list[tuple[str, str, str]]:
    report = json.loads(done.stdout)  # type: ignore[attr-defined]
    return [(d["path"], d["code"], d["severity"]) for d in report["diagnostics"]]


def check(run: Run, cwd: Path, *args: str) -> list[tuple[str, str, str]]:
    done = run("check", "--select", "FM", "--format", "json", *args, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return codes(done)


def test_artlint_toml_found_walking_up(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", 'ignore = ["FM005"]\n')
    write("blog/posts/a.md", ARTICLE)
    assert check(run, tmp_path / "blog" / "posts", "a.md") == [("a.md", "FM003", "error")]


def test_pyproject_tool_section_found_walking_up(run: Run, write: Write, tmp_path: Path) -> None:
    write("pyproject.toml", '[project]\nname = "site"\n\n[tool.artlint]\nignore = ["schema-violation"]\n')
    write("posts/a.md", ARTICLE)
    assert check(run, tmp_path / "posts", "a.md") == [("a.md", "FM005", "warning")]


def test_pyproject_without_tool_section_is_skipped(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", 'ignore = ["FM005"]\n')
    write("site/pyproject.toml", '[project]\nname = "site"\n')
    write("site/a.md", ARTICLE)
    assert check(run, tmp_path / "site", "a.md") == [("a.md", "FM003", "error")]


def test_pyproject_naming_the_section_with_escapes_is_found(run: Run, write: Write, tmp_path: Path) -> None:
    # The quick look for the word "artlint" must not skip a key spelt with escapes.
    write("pyproject.toml", '[tool."\\u0061rtlint"]\nignore = ["schema-violation"]\n')
    write("posts/a.md", ARTICLE)
    assert check(run, tmp_path / "posts", "a.md") == [("a.md", "FM005", "warning")]


def test_nearest_config_wins(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", 'ignore = ["FM005"]\n')
    write("site/.artlint.toml", 'ignore = ["FM003"]\n')
    write("site/a.md", ARTICLE)
    assert check(run, tmp_path / "site", "a.md") == [("a.md", "FM005", "warning")]


def test_explicit_config_file(run: Run, write: Write, tmp_path: Path) -> None:
    write("ci.toml", 'ignore = ["FM003"]\n')
    write("a.md", ARTICLE)
    assert check(run, tmp_path, "--config", "ci.toml", "a.md") == [("a.md", "FM005", "warning")]
    done = run("check", "--config", "missing.toml", "a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "missing.toml" in done.stderr


@pytest.mark.parametrize("selector", ["FM005", "implicit-type", "FM00"])
def test_ignore_by_code_name_or_prefix(run: Run, write: Write, tmp_path: Path, selector: str) -> None:
    write("a.md", ARTICLE)
    found = check(run, tmp_path, "--ignore", selector, "a.md")
    assert ("a.md", "FM005", "warning") not in found
    assert (("a.md", "FM003", "error") in found) == (selector != "FM00")


@pytest.mark.parametrize("selector", ["FM003", "schema-violation"])
def test_select_by_code_or_name(run: Run, write: Write, tmp_path: Path, selector: str) -> None:
    write("a.md", ARTICLE)
    done = run("check", "--select", selector, "--format", "json", "a.md", cwd=tmp_path)
    assert codes(done) == [("a.md", "FM003", "error")]


def test_command_line_overrides_config(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", 'select = ["FM003"]\n')
    write("a.md", ARTICLE)
    assert check(run, tmp_path, "a.md") == [("a.md", "FM003", "error"), ("a.md", "FM005", "warning")]
    # --ignore adds to the configured ignore list
    write(".artlint.toml", 'ignore = ["FM003"]\n')
    assert check(run, tmp_path, "--ignore", "FM005", "a.md") == []


def test_rule_severity_and_options(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", '[rules.FM005]\nseverity = "error"\n[rules.schema-violation]\nseverity = "info"\n')
    write("a.md", ARTICLE)
    assert check(run, tmp_path, "a.md") == [("a.md", "FM003", "info"), ("a.md", "FM005", "error")]
    write(".artlint.toml", '[rules.implicit-type]\nignore-keys = ["draft"]\n')
    assert check(run, tmp_path, "a.md") == [("a.md", "FM003", "error")]


def test_per_glob_overrides(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", (
        '[[overrides]]\nfiles = ["drafts/**"]\nignore = ["FM003"]\n'
        '[overrides.rules.FM005]\nseverity = "info"\n'
    ))
    write("drafts/a.md", ARTICLE)
    write("posts/a.md", ARTICLE)
    assert check(run, tmp_path, ".") == [
        ("drafts/a.md", "FM005", "info"),
        ("posts/a.md", "FM003", "error"),
        ("posts/a.md", "FM005", "warning"),
    ]


def test_exclude(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", 'exclude = ["vendor", "*.draft.md"]\n')
    write("vendor/a.md", ARTICLE)
    write("b.draft.md", ARTICLE)
    write("c.md", ARTICLE)
    assert {path for path, _, _ in check(run, tmp_path, ".")} == {"c.md"}


def test_config_strict_makes_warnings_fail(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", "---\ntitle: 글\ndraft: no\n---\n")
    assert run("check", "--select", "FM", "a.md", cwd=tmp_path).returncode == 0
    write(".artlint.toml", "strict = true\n")
    assert run("check", "--select", "FM", "a.md", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize(
    ("config", "names"),
    [
        ('slect = ["FM"]\n', ["'slect'", "select", "ignore", "schemas"]),
        ('[rules.FM005]\nignore-key = ["x"]\n', ["[rules.FM005]", "'ignore-key'", "ignore-keys", "severity"]),
        ('[[overrides]]\nfiles = ["a"]\nignored = ["FM005"]\n', ["[[overrides]]", "'ignored'", "files"]),
        ('[links]\nexternl = true\n', ["[links]", "'externl'", "external"]),
    ],
)
def test_unknown_keys_are_errors_listing_valid_ones(
    run: Run, write: Write, tmp_path: Path, config: str, names: list[str]
) -> None:
    write(".artlint.toml", config)
    write("a.md", ARTICLE)
    done = run("check", "a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert ".artlint.toml" in done.stderr
    for name in names:
        assert name in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("config", "text"),
    [
        ('[rules.FM999]\nseverity = "error"\n', "no rule has that code or name"),
        ('[rules.FM005]\nseverity = "fatal"\n', "unknown severity 'fatal'"),
        ('[rules.FM005]\nignore-keys = "draft"\n', "ignore-keys: expected a list"),
        ('select = ["FM9"]\n', "'FM9' is not a rule code, name or code prefix"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_values_are_errors(run: Run, write: Write, tmp_path: Path, config: str, text: str) -> None:
    write(".artlint.toml", config)
    write("a.md", ARTICLE)
    done = run("check", "a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert text in done.stderr, done.stderr


def test_unknown_selector_on_the_command_line(run: Run, write: Write, tmp_path: Path) -> None:
    write("a.md", ARTICLE)
    done = run("check", "--ignore", "FM05", "a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "'FM05' is not a rule code" in done.stderr


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a.md", True),
        ("*.md", "deep/er/a.md", True),  # no slash: any depth
        ("_posts/**", "_posts/2024/a.md", True),
        ("_posts/**", "blog/_posts/a.md", False),  # a slash anchors at the root
        ("**/_posts/**", "blog/_posts/a.md", True),
        ("drafts", "drafts/x/y.md", True),  # a folder covers what is below it
        ("a/*.md", "a/b/c.md", False),  # * stays within a folder
        (".hidden", "./.hidden/a.md", True),
        ("[!ab].md", "a.md", False),
    ],
)
def test_globs(pattern: str, path: str, matches: bool) -> None:
    assert matches_any([pattern], path) is matches


@pytest.mark.parametrize(
    ("config", "text"),
    [
        ('[links]\nslug = "bogus"\n',
         "[links] slug: expected one of github, jekyll, hugo, kramdown; got 'bogus'"),
        ("[links]\nconcurrency = -3\n", "[links] concurrency: expected a whole number of at least 0, got -3"),
        ('[links]\naccepted_status = ["ok"]\n', "[links] accepted_status: cannot read 'ok'"),
        (
            '[convert]\nspans = "loud"\n',
            "[convert] spans: expected one of text, drop, mark, emphasis; got 'loud'",
        ),
        ('[convert]\nverify = "yes"\n', "[convert] verify: expected true or false, got 'yes'"),
    ],
)
def test_a_bad_table_value_is_one_configuration_error(
    run: Run, write: Write, tmp_path: Path, config: str, text: str
) -> None:
    """Checked once when the configuration loads: not a finding on every file."""
    write(".artlint.toml", config)
    write("a.md", "---\ntitle: 글\n---\n[위로](#y)\n")
    write("b.md", "---\ntitle: 글\n---\n[아래](#z)\n")
    done = run("check", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count(text) == 1 and len(done.stderr.splitlines()) == 1, done.stderr


def test_a_bad_convert_value_stops_convert_before_any_file(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", '[convert]\niframes = "embed"\n')
    write("post.html", "<p>본문</p>\n")
    done = run("convert", "post.html", "--to", "markdown", "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    assert "[convert] iframes: expected one of html, link; got 'embed'" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_rule_typo_stops_convert_as_it_stops_check(run: Run, write: Write, tmp_path: Path) -> None:
    write(".artlint.toml", 'ignore = ["HT99"]\n')
    write("post.html", "<p>본문</p>\n")
    for args in (["check", "post.html"], ["convert", "post.html", "--to", "markdown"]):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2, args
        assert "'HT99' is not a rule code, name or code prefix" in done.stderr
