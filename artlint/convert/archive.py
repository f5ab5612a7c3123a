"""Convert many files: chunks of files in the worker pool (artlint.runner), with progress.

One bad file never stops the others: every failure becomes that file's status. Results come
back in input order, so a JSONL archive is written in order while memory stays flat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from artlint.convert.paths import Item
from artlint.convert.work import Job, run_chunk

Entry = tuple[Item, str | None]
CHUNK = 8


def chunked(entries: list[Entry], size: int) -> Iterator[list[Entry]]:
    for start in range(0, len(entries), size):
        yield entries[start : start + size]


def run(job: Job, entries: list[Entry], jobs: int, on_result: Callable[[dict[str, Any]], None]) -> None:
    """Convert every entry, calling `on_result` for each in input order."""
    from artlint.progress import progress
    from artlint.runner import available_cores, lean_collector, parallel_map

    workers = jobs if jobs > 0 else available_cores()
    _warm_up()
    lean_collector()  # after the warm-up, so what it loaded is frozen out of every collection
    # A file takes tens of milliseconds to convert and verify: chunks of a few files keep the
    # last ones short, so no core waits long at the end for another's chunk.
    size = max(1, min(CHUNK, len(entries) // (workers * 4) or 1))
    with progress(len(entries), "converting") as advance:
        chunks = list(chunked(entries, size))
        if workers == 1 or len(chunks) <= 2:
            for chunk in chunks:
                _deliver(run_chunk(job, chunk), on_result, advance)
            return
        # One chunk of files is one task: the job travels once per chunk, not once per file.
        for results in parallel_map(_run_chunk, chunks, min(workers, len(chunks)), _set_job, (job,), 1):
            _deliver(results, on_result, advance)


def _warm_up() -> None:
    """Load what every conversion needs once, before the workers fork, so none loads it again."""
    from artlint import site  # noqa: F401  (each file's site decides its flavour)
    from artlint.convert import pipeline, to_html  # noqa: F401
    from artlint.frontmatter import split  # noqa: F401
    from artlint.html import sanitize  # noqa: F401
    from artlint.meaning import compare  # noqa: F401
    from artlint.parsing.parse import markdown

    markdown()


_job: list[Job] = []


def _set_job(job: Job) -> None:
    _job[:] = [job]


def _run_chunk(chunk: list[Entry]) -> list[dict[str, Any]]:
    return run_chunk(_job[0], chunk)


def _deliver(results: list[dict[str, Any]], on_result: Callable[[dict[str, Any]], None],
             advance: Callable[[int], None] | None) -> None:
    for result in results:
        on_result(result)
    if advance is not None:
        advance(len(results))
