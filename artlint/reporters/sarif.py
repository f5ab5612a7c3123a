"""SARIF 2.1.0, for code-scanning dashboards. Columns count Unicode code points, as artlint does."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from artlint import __version__
from artlint.model.diagnostics import Severity
from artlint.reporters import records

if TYPE_CHECKING:
    from artlint.model.diagnostics import Diagnostic
    from artlint.model.results import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative URI reference: forward slashes, and `#`, `?`, spaces and the like escaped."""
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/"))
    return quote(os.path.normpath(path).replace(os.sep, "/"))


class SarifReporter:
    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.results: list[dict[str, Any]] = []
        self.rule_index: dict[str, int] = {}
        self.rules: list[dict[str, Any]] = []
        self.uris: dict[str, str] = {}  # quoting a path byte by byte, once per file, not per finding

    def _rule(self, d: Diagnostic) -> int:
        if d.code not in self.rule_index:
            from artlint import rules as registry

            rule = registry.lookup(d.code)
            descriptor: dict[str, Any] = {"id": d.code, "name": d.name}
            if rule is not None:
                descriptor["shortDescription"] = {"text": rule.summary}
                descriptor["fullDescription"] = {"text": rule.doc or rule.summary}
                descriptor["defaultConfiguration"] = {"level": _LEVEL[rule.severity]}
                descriptor["helpUri"] = (
                    f"https://github.com/artlint/artlint/blob/main/docs/rules.md#{d.code.lower()}"
                )
            self.rule_index[d.code] = len(self.rules)
            self.rules.append(descriptor)
        return self.rule_index[d.code]

    def _uri(self, path: str) -> str:
        uri = self.uris.get(path)
        if uri is None:
            uri = self.uris[path] = artifact_uri(path)
        return uri

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            region: dict[str, int] = {"startLine": d.line, "startColumn": d.column}
            if d.end_line is not None:
                region["endLine"] = d.end_line
            if d.end_column is not None:
                region["endColumn"] = d.end_column
            entry: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": self._rule(d),
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": self._uri(d.path)},
                            "region": region,
                        }
                    }
                ],
            }
            if d.pointer is not None:
                entry["properties"] = {"pointer": d.pointer}
            self.results.append(entry)

    def finish(self) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "artlint",
                            "version": __version__,
                            "informationUri": "https://github.com/artlint/artlint",
                            "rules": self.rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        self.stream.write(records.dumps(log, ("rules", "results")) + "\n")
