"""Rule fixture files, the same for every rule: each `fail*.md` yields exactly the findings in its
`.expected` (position and message), each `pass*.md` none, and a rule with fixes turns each
`fail*.md` into its `.fixed` through the real fix path. See rulecheck.py for the layout."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from linkserver import Server
from rulecheck import RULE_FIXTURES, findings, fix_path, is_external

from artlint.rules import all_rules

CASES = sorted(RULE_FIXTURES.glob("*/*.md"))
LOCAL = [case for case in CASES if not is_external(case.parent.name)]
EXTERNAL = [case for case in CASES if is_external(case.parent.name)]


def _id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


def _expected(case: Path) -> list[str]:
    if case.name.startswith("pass"):
        return []
    return Path(f"{case}.expected").read_text("utf-8").splitlines()


@pytest.mark.parametrize("case", LOCAL, ids=_id)
def test_fixture_findings(case: Path) -> None:
    assert findings(case) == _expected(case)


@pytest.fixture(scope="module")
def link_server() -> Iterator[str]:
    """The external link checks' test server (404, 301, 429 ... by path), as host:port."""
    running = Server()
    thread = threading.Thread(target=running.loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(running.start(), running.loop).result(5)
    yield f"127.0.0.1:{running.port}"
    asyncio.run_coroutine_threadsafe(running.runner.cleanup(), running.loop).result(5)
    running.loop.call_soon_threadsafe(running.loop.stop)
    thread.join(5)


@pytest.mark.parametrize("case", EXTERNAL, ids=_id)
def test_external_fixture_findings(case: Path, link_server: str) -> None:
    assert findings(case, link_server) == _expected(case)


FIXABLE = {rule.code for rule in all_rules() if rule.fix != "none" and not is_external(rule.code)}


@pytest.mark.parametrize("case", [c for c in LOCAL if c.name.startswith("fail")], ids=_id)
def test_fixes_give_the_golden(case: Path) -> None:
    golden = Path(f"{case}.fixed")
    if case.parent.name not in FIXABLE:
        assert not golden.exists()
        assert fix_path(case) == case.read_text("utf-8")  # a rule without fixes changes nothing
        return
    assert fix_path(case) == golden.read_text("utf-8")


@pytest.mark.parametrize("code", sorted(FIXABLE))
def test_some_fixture_of_a_fixable_rule_is_fixed(code: str) -> None:
    changed = [
        case for case in (RULE_FIXTURES / code).glob("fail*.md")
        if Path(f"{case}.fixed").read_text("utf-8") != case.read_text("utf-8")
    ]
    assert changed, f"no fixture of {code} shows its fix applied"


@pytest.mark.parametrize("code", [rule.code for rule in all_rules()])
def test_every_rule_has_passing_and_failing_fixtures(code: str) -> None:
    assert (RULE_FIXTURES / code / "pass.md").is_file()
    assert (RULE_FIXTURES / code / "fail.md.expected").read_text("utf-8").strip()
