"""The Python API: check a text or files and get diagnostics back (the CLI's own code path).

    >>> from artlint import check_text
    >>> [d.code for d in check_text("---\\ntitle: ''\\n---\\nHello\\n", path="post.md")]
    ['FM003']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from artlint import engine
from artlint.config import Settings, load
from artlint.diagnostics import Diagnostic, Severity
from artlint.document import Directive, Link
from artlint.files import expand
from artlint.parse import DecodeError, parse, parse_bytes

UNREADABLE_CODE = "AL001"
UNREADABLE_NAME = "file-unreadable"


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None  # the decoded source, for reporters that quote lines
    links: list[Link] = field(default_factory=list)  # for the run-wide external link check
    directives: list[Directive] = field(default_factory=list)

    @property
    def crashed(self) -> bool:
        return any(d.code == engine.INTERNAL_CODE for d in self.diagnostics)


def settings_for(config: str | Path | None = None) -> Settings:
    return load(Path(config) if config else None)


def check_text(
    text: str, path: str = "<text>", settings: Settings | None = None
) -> list[Diagnostic]:
    settings = settings or settings_for()
    return engine.check_document(parse(text, path), settings)


def check_file(path: str, settings: Settings, debug: bool = False) -> FileResult:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return FileResult(path, [_unreadable(path, f"cannot read: {exc.strerror or exc}", 1, 1)])
    return check_bytes(data, path, settings, debug)


def check_bytes(data: bytes, path: str, settings: Settings, debug: bool = False) -> FileResult:
    try:
        doc = parse_bytes(data, path)
    except DecodeError as exc:
        return FileResult(path, [_unreadable(path, str(exc), exc.line, exc.column)])
    from artlint.links.collect import all_links

    diagnostics = engine.check_document(doc, settings, debug)
    return FileResult(path, diagnostics, doc.text, all_links(doc, settings), doc.directives)


def check_paths(
    paths: Sequence[str], settings: Settings | None = None, debug: bool = False
) -> Iterator[FileResult]:
    """Check every file under `paths`; one bad file never stops the others."""
    settings = settings or settings_for()
    for path in expand(paths, settings):
        yield check_file(path, settings, debug)


def _unreadable(path: str, message: str, line: int, column: int) -> Diagnostic:
    return Diagnostic(path, line, column, UNREADABLE_CODE, UNREADABLE_NAME, Severity.ERROR, message)
