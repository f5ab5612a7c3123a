"""What every command module of the CLI shares: the path type and the way a command ends."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

PATH = click.Path(path_type=Path)


def finish(code: int) -> NoReturn:
    """End the command with `code` (click turns this into the process exit status)."""
    raise click.exceptions.Exit(code)
