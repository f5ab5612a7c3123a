"""The one progress bar: checking files, converting them, checking external links.

Drawn on standard error when it is a terminal and not in CI, and only for enough work to be
worth it; otherwise `advance` does nothing and rich is never imported. It is transient, so the
report (on standard output) is all that stays on screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[int], None]


def wanted(total: int, minimum: int) -> bool:
    return total >= minimum and sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(total: int, label: str, minimum: int = 2) -> Iterator[Advance | None]:
    """Yields `advance(n)` while a bar is shown, None when none is wanted."""
    if not wanted(total, minimum):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
