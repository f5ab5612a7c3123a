"""Rule fixture files: each `fail*.md` yields exactly the positions in its `.expected`, each
`pass*.md` nothing, and every style (ST) and HTML (HT) rule has both."""

from __future__ import annotations

from pathlib import Path

import pytest
from rulecheck import RULE_FIXTURES, check, fixture_flavor

from artlint.rules import all_rules

PREFIXES = ("ST", "HT")
CASES = sorted(p for prefix in PREFIXES for p in RULE_FIXTURES.glob(f"{prefix}*/*.md"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(case: Path) -> None:
    text, code = case.read_text("utf-8"), case.parent.name
    found = [f"{d.line}:{d.column} {d.code}" for d in check(text, code, flavor=fixture_flavor(case))]
    if case.name.startswith("pass"):
        assert found == []
    else:
        assert found == Path(f"{case}.expected").read_text("utf-8").splitlines()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_rule_has_passing_and_failing_fixtures(prefix: str) -> None:
    codes = {r.code for r in all_rules() if r.code.startswith(prefix)}
    assert codes
    for code in codes:
        assert (RULE_FIXTURES / code / "pass.md").is_file()
        assert (RULE_FIXTURES / code / "fail.md.expected").read_text("utf-8").strip()
