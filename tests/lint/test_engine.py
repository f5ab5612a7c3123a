"""The engine: inline directives, rule selection, and a crashing rule that stops nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from artlint import rules as registry
from artlint.api import check_text
from artlint.commands.check import CheckOptions, run_check
from artlint.config.loading import Settings
from artlint.lint.engine import check_document
from artlint.model.diagnostics import Finding
from artlint.parsing.parse import parse
from artlint.rules.base import Context

SETTINGS = Settings(select=("FM",), schema=False)


def lines(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in check_text(text, "a.md", SETTINGS)]


FRONT = "---\ntitle: 글\ndraft: no\n---\n"  # FM005 on line 3


def test_without_directives_the_warning_shows() -> None:
    assert lines(FRONT + "본문\n") == [(3, "FM005")]


@pytest.mark.parametrize("rules", ["", " FM005", " implicit-type", " FM001, implicit-type"])
def test_disable_file(rules: str) -> None:
    assert lines(FRONT + f"본문\n<!-- artlint-disable-file{rules} -->\n") == []


@pytest.mark.parametrize("rules", [" FM004", " duplicate-key"])
def test_disable_file_for_another_rule_keeps_this_one(rules: str) -> None:
    assert lines(FRONT + f"<!-- artlint-disable-file{rules} -->\n") == [(3, "FM005")]


def _body_rule_text(*directive_lines: str) -> str:
    """A document whose body triggers a diagnostic on chosen lines: a fake rule reports every
    line holding the word CHECKME."""
    return "---\ntitle: 글\n---\n" + "\n".join(directive_lines) + "\n"


def _check_me(ctx: Context) -> Iterator[Finding]:
    for number, line in enumerate(ctx.document.text.splitlines(), 1):
        if "CHECKME" in line and "artlint" not in line:
            yield Finding(number, line.index("CHECKME") + 1, "found CHECKME")


# The registry plus a rule that reports each line containing CHECKME, as a body rule would.
CHECK_ME = registry.all_rules()[0]._replace(code="FM900", name="check-me", check=_check_me)
WITH_CHECK_ME = (*registry.all_rules(), CHECK_ME)


def body(*rows: str) -> list[tuple[int, str]]:
    doc = parse(_body_rule_text(*rows), "a.md")
    return [(d.line, d.code) for d in check_document(doc, SETTINGS, rules=WITH_CHECK_ME)]


def test_disable_and_enable() -> None:
    found = body(
        "CHECKME",  # 4
        "<!-- artlint-disable FM900 -->",
        "CHECKME",  # 6: silenced
        "CHECKME",  # 7: silenced
        "<!-- artlint-enable FM900 -->",
        "CHECKME",  # 9
    )
    assert found == [(4, "FM900"), (9, "FM900")]


def test_disable_without_rules_silences_all() -> None:
    assert body("<!-- artlint-disable -->", "CHECKME") == []


def test_disable_by_name() -> None:
    assert body("<!-- artlint-disable check-me -->", "CHECKME") == []


def test_disable_other_rule_does_not_silence() -> None:
    assert body("<!-- artlint-disable FM001 -->", "CHECKME") == [(5, "FM900")]


def test_disable_next_line() -> None:
    found = body("<!-- artlint-disable-next-line FM900 -->", "CHECKME", "CHECKME")
    assert found == [(6, "FM900")]


def test_directive_inside_code_is_not_a_directive() -> None:
    found = body("`<!-- artlint-disable-file -->`", "CHECKME")
    assert found == [(5, "FM900")]


def test_diagnostics_are_sorted_by_position() -> None:
    found = check_text("---\nmode: 0755\ntitle: 1:30\ncategories: x, y\n---\n", "a.md", Settings())
    positions = [(d.line, d.column) for d in found]
    assert positions == sorted(positions)
    assert len(positions) >= 2


def test_a_crashing_rule_is_reported_and_others_still_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(ctx: Context) -> Iterator[Finding]:
        raise ValueError("simulated failure")

    original = registry.all_rules()
    crashing = tuple(r._replace(check=boom) if r.code == "FM004" else r for r in original)
    (tmp_path / "a.md").write_text("---\ntitle: 글\ndraft: no\n---\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: 글\ncategories: x, y\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = run_check(CheckOptions(paths=(".",), select=("FM",), output_format="text"), rules=crashing)
    output = capsys.readouterr().out
    assert code == 3, output
    crash = "a.md:1:1: AL000 internal-error rule FM004 (duplicate-key) failed: ValueError: simulated failure"
    assert crash in output
    assert "a.md:3:8: FM005" in output  # the other rules ran
    assert "b.md:3:13: FM003" in output  # and the other file was checked
