"""Versioned JSON output, described by schemas/report.schema.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from artlint import __version__
from artlint.reporters import records

if TYPE_CHECKING:
    from artlint.model.results import FileResult

REPORT_VERSION = 1


class JsonReporter:
    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.diagnostics: list[dict[str, Any]] = []
        self.unpublished: list[dict[str, str]] = []
        self.files = 0

    def file(self, result: FileResult) -> None:
        self.files += 1
        if result.unpublished:
            self.unpublished.append({"path": result.path, "reason": result.unpublished})
        self.diagnostics.extend(d.to_dict() for d in result.diagnostics)

    def finish(self) -> None:
        counts = {"error": 0, "warning": 0, "info": 0}
        for d in self.diagnostics:
            counts[d["severity"]] += 1
        report = {
            "version": REPORT_VERSION,
            "tool": {"name": "artlint", "version": __version__},
            "summary": {"files": self.files, **counts},
            "diagnostics": self.diagnostics,
        }
        if self.unpublished:  # checked like the others, but the site's generator skips them
            report["unpublished"] = self.unpublished
        # One write of the whole report: json.dump with indent hands the stream every token.
        self.stream.write(records.dumps(report, ("diagnostics", "unpublished")) + "\n")
