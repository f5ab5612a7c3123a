"""What checking one file gives the reporters: its diagnostics, its text, and what a run needs more."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from artlint.model.diagnostics import INTERNAL_CODE, Severity

if TYPE_CHECKING:
    from artlint.model.diagnostics import Diagnostic
    from artlint.model.document import Directive, Link


class Tally(NamedTuple):
    """How many diagnostics of each severity a file has, and how many carry a fix."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    fixable: int = 0  # with a safe fix
    unsafe: int = 0  # with a fix that needs --unsafe-fixes

    @classmethod
    def of(cls, diagnostics: list[Diagnostic]) -> Tally:
        by = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        fixable = unsafe = 0
        for d in diagnostics:
            by[d.severity] += 1
            if d.fix is not None:
                if d.fix.safe:
                    fixable += 1
                else:
                    unsafe += 1
        return cls(by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO], fixable, unsafe)


class FileResult:
    """What checking one file gave (a plain class: StoredResult, the cache's kind, makes some of
    its fields properties)."""

    def __init__(
        self, path: str, diagnostics: list[Diagnostic] | None = None, text: str | None = None,
        links: list[Link] | None = None, directives: list[Directive] | None = None, unpublished: str = "",
    ) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.text = text  # the decoded source, for reporters that quote lines
        self.links = [] if links is None else links  # for the run-wide external link check
        self.directives = [] if directives is None else directives
        self.unpublished = unpublished  # why the site's generator does not publish the file; "" when it does

    @property
    def crashed(self) -> bool:
        return any(d.code == INTERNAL_CODE for d in self.diagnostics)

    def tally(self) -> Tally:
        return Tally.of(self.diagnostics)

    def plain_text_report(self) -> str | None:
        """The text reporter's uncoloured lines for this file when they are known already (a
        result as the cache holds it), else None: the reporter renders the diagnostics."""
        return None
