"""artlint: lint, fix and convert Markdown articles with front matter and HTML inside."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from artlint.api import FileResult, check_paths, check_text
    from artlint.model.diagnostics import Diagnostic, Severity

__all__ = ["Diagnostic", "FileResult", "Severity", "__version__", "check_paths", "check_text"]


def __getattr__(name: str) -> Any:
    # The API loads on first use, so `import artlint` stays cheap for the CLI.
    if name in ("check_text", "check_paths", "FileResult"):
        from artlint import api

        return getattr(api, name)
    if name in ("Diagnostic", "Severity"):
        from artlint.model import diagnostics

        return getattr(diagnostics, name)
    raise AttributeError(f"module 'artlint' has no attribute {name!r}")
