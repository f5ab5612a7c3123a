"""The `cache` command group (link cache); the work is in artlint.links."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
