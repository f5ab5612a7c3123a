"""GitHub Actions workflow commands: one `::error file=...` annotation a diagnostic."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from artlint.model.diagnostics import Severity

if TYPE_CHECKING:
    from artlint.model.results import FileResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            props = [f"file={_escape_property(d.path)}", f"line={d.line}", f"col={d.column}"]
            if d.end_line is not None:
                props.append(f"endLine={d.end_line}")
            if d.end_column is not None and d.end_line in (None, d.line):
                props.append(f"endColumn={d.end_column}")
            props.append(f"title={_escape_property(f'{d.code} {d.name}')}")
            self.stream.write(f"::{_LEVEL[d.severity]} {','.join(props)}::{_escape_data(d.message)}\n")

    def finish(self) -> None:
        return None
