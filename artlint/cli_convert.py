"""The `convert` command's options; the work is in artlint.convert."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
