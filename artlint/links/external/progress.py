"""A progress bar for long online checks, on a terminal only (never in CI or a pipe)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from artlint.links.external.verdict import Verdict

# Fewer URLs than this finish before a bar would be worth drawing.
MIN_URLS = 20


def wanted(total: int) -> bool:
    return total >= MIN_URLS and sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(total: int) -> Iterator[Callable[[Verdict], None] | None]:
    if not wanted(total):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("links", total=total)
        yield lambda _verdict: bar.advance(task)
