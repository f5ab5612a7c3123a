"""Fixture articles under tests/fixtures/frontmatter: pass_*.md report nothing, and each fail_*.md
reports exactly the lines of the .expected file beside it (`line:column CODE message`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from artlint.api import check_file
from artlint.config.loading import Settings

FOLDER = FIXTURES / "frontmatter"
SETTINGS = Settings(root=FOLDER, select=("FM",), schema_given=True)  # as `schema = "blog"` says


def reported(path: Path) -> list[str]:
    result = check_file(str(path), SETTINGS)
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics]


@pytest.mark.parametrize("path", sorted(FOLDER.glob("pass_*.md")), ids=lambda p: p.name)
def test_passing_fixture(path: Path) -> None:
    assert reported(path) == []


@pytest.mark.parametrize("path", sorted(FOLDER.glob("fail_*.md")), ids=lambda p: p.name)
def test_failing_fixture(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert expected, f"{path.name}: a failing fixture needs at least one expected line"
    assert reported(path) == expected
