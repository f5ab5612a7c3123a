"""Convert many files: in worker processes (chunks of files), with progress and a summary.

One bad file never stops the others: every failure becomes that file's status. Results come
back in input order, so a JSONL archive is written in order while memory stays flat.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from artlint.convert.paths import Item
from artlint.convert.work import Job, run_chunk

Entry = tuple[Item, str | None]


def chunked(entries: list[Entry], size: int) -> Iterator[list[Entry]]:
    for start in range(0, len(entries), size):
        yield entries[start : start + size]


def run(job: Job, entries: list[Entry], jobs: int, on_result: Callable[[dict[str, Any]], None]) -> None:
    """Convert every entry, calling `on_result` for each in input order."""
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    size = max(1, min(32, len(entries) // (workers * 4) or 1))
    with _progress(len(entries)) as advance:
        if workers == 1 or len(entries) <= size * 2:
            for chunk in chunked(entries, size):
                _deliver(run_chunk(job, chunk), on_result, advance)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            try:
                chunks = chunked(entries, size)
                for results in pool.map(run_chunk, _repeat(job), chunks):
                    _deliver(results, on_result, advance)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise


def _repeat(job: Job) -> Iterator[Job]:
    while True:
        yield job


def _deliver(results: list[dict[str, Any]], on_result: Callable[[dict[str, Any]], None],
             advance: Callable[[int], None]) -> None:
    for result in results:
        on_result(result)
    advance(len(results))


class _progress:
    """A rich progress bar when stderr is a terminal; nothing otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if not sys.stderr.isatty() or self.total < 2:
            return lambda n: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("converting", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("convert", total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
