"""Run one rule over a text, and apply its fixes the way `--fix` does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from artlint.config.loading import Settings, from_mapping
from artlint.fix.edits import apply_fixes
from artlint.lint import engine
from artlint.model.diagnostics import Diagnostic
from artlint.parsing.parse import parse

RULE_FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def check(
    text: str, code: str, options: dict[str, Any] | None = None, flavor: str | None = None
) -> list[Diagnostic]:
    """Run rule `code` over `text` parsed as `flavor` (default: GFM, a file of no site)."""
    from artlint import flavors

    settings = (
        from_mapping({"rules": {code: options}}, root=Path.cwd()) if options else Settings(root=Path.cwd())
    )
    model = flavors.get(flavor) if flavor else None
    return engine.check_document(parse(text, "post.md", flavor=model), settings.with_cli(select=(code,)))


def fixture_flavor(case: Path) -> str | None:
    """`name.FLAVOR.md` is read as that flavour; else the folder's `flavor` file names one."""
    from artlint.flavors import NAMES

    parts = case.name.split(".")
    if len(parts) == 3 and parts[1] in NAMES:
        return parts[1]
    marker = case.parent / "flavor"
    return marker.read_text("utf-8").strip() if marker.is_file() else None


def fixed(text: str, code: str, unsafe: bool = False, rounds: int = 5) -> str:
    """Apply the rule's fixes pass after pass (whole fixes, never two that overlap) until stable."""
    for _ in range(rounds):
        fixes = [d.fix for d in check(text, code) if d.fix is not None and (d.fix.safe or unsafe)]
        text, applied = apply_fixes(text, fixes)
        if not applied:
            break
    return text
