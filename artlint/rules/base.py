"""What a rule is: metadata as data, plus a `check` generator over a Document.

A rule module's docstring is its documentation, in sections headed by lines ending with a colon:
"What it does:", "Why is this bad:", "Example:", "Use instead:", "Options:" (the last only when
the rule has options). `artlint explain` and docs/rules.md print it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from artlint.model.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from artlint.config.loading import Settings
    from artlint.model.document import Document


class Context:
    """What a rule gets: the document, its own options, and the run's settings.

    A plain class: one is made for every rule on every file, and the dataclass machinery would
    cost each run's start as much as checking an article."""

    __slots__ = ("cache", "document", "options", "settings")

    def __init__(
        self, document: Document, options: Mapping[str, Any], settings: Settings,
        cache: dict[str, Any] | None = None,
    ) -> None:
        self.document = document
        self.options = options
        self.settings = settings
        # Per-document scratch space shared by rules (e.g. one schema validation for several rules).
        self.cache: dict[str, Any] = {} if cache is None else cache


Check = Callable[[Context], Iterable[Finding]]


class Rule(NamedTuple):
    """A tuple, not a frozen dataclass: defining one of those costs a millisecond of every run's start."""

    code: str  # e.g. "FM001"
    name: str  # kebab-case, e.g. "front-matter-syntax"
    summary: str  # one line, sentence case, no period
    severity: Severity  # default; config may change it
    check: Check
    doc: str
    fix: str = "none"  # "none", "safe", "unsafe" or "sometimes"
    options: Mapping[str, Any] = MappingProxyType({})  # name -> default
    enabled: bool = True  # off-by-default rules are opted into with select

    @property
    def group(self) -> str:
        return self.code.rstrip("0123456789")


def rule_from_module(module: ModuleType) -> Rule:
    """Build a Rule from a module that defines CODE, NAME, SUMMARY, SEVERITY, check and a docstring."""
    doc = inspect.cleandoc(module.__doc__ or "")
    return Rule(
        code=module.CODE,
        name=module.NAME,
        summary=module.SUMMARY,
        severity=module.SEVERITY,
        check=module.check,
        doc=doc,
        fix=getattr(module, "FIX", "none"),
        options=dict(getattr(module, "OPTIONS", {})),
        enabled=getattr(module, "ENABLED", True),
    )


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its headed sections."""
    sections: dict[str, list[str]] = {}
    current = "summary"
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.endswith(":") and stripped[:-1] in SECTION_TITLES:
            current = stripped[:-1]
            sections[current] = []
            continue
        sections.setdefault(current, []).append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


SECTION_TITLES = ("What it does", "Why is this bad", "Example", "Use instead", "Options")
