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


def check(text: str, code: str, options: dict[str, Any] | None = None) -> list[Diagnostic]:
    settings = (
        from_mapping({"rules": {code: options}}, root=Path.cwd()) if options else Settings(root=Path.cwd())
    )
    return engine.check_document(parse(text, "post.md"), settings.with_cli(select=(code,)))


def fixed(text: str, code: str, unsafe: bool = False, rounds: int = 5) -> str:
    """Apply the rule's fixes pass after pass (whole fixes, never two that overlap) until stable."""
    for _ in range(rounds):
        fixes = [d.fix for d in check(text, code) if d.fix is not None and (d.fix.safe or unsafe)]
        text, applied = apply_fixes(text, fixes)
        if not applied:
            break
    return text
