"""Reporters: a registry from format name to a class writing to a stream it is given."""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from artlint.model.results import FileResult

FORMATS = {
    "text": "artlint.reporters.text:TextReporter",
    "json": "artlint.reporters.json:JsonReporter",
    "github": "artlint.reporters.github:GithubReporter",
    "sarif": "artlint.reporters.sarif:SarifReporter",
    "html": "artlint.reporters.html:HtmlReporter",
}


class Reporter(Protocol):
    def __init__(self, stream: TextIO, color: bool = False) -> None: ...

    def file(self, result: FileResult) -> None:
        """Called once per file, as soon as it is checked."""

    def finish(self) -> None:
        """Called once after the last file."""


def resolve_format(name: str) -> str:
    """`auto` is github inside GitHub Actions, text elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def create(name: str, stream: TextIO, color: bool = False) -> Reporter:
    module_name, _, class_name = FORMATS[resolve_format(name)].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    reporter: Reporter = cls(stream, color)
    return reporter
