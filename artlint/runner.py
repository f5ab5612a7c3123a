"""The worker pool: check (or convert) many files in worker processes, results in input order.

A pre-commit run names a handful of files and must not pay for starting workers, so `auto`
uses one process up to AUTO_THRESHOLD files and every available core above it. Workers are
forked after the parent has loaded the rules, the parser and the schemas, so each starts warm;
where fork is not the platform's safe default, they are spawned and load those themselves.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from artlint.cache.results import ResultCache
    from artlint.config.loading import Settings
    from artlint.model.results import FileResult

AUTO_THRESHOLD = 200  # below this many files, one process is faster than starting workers
MAX_CHUNK = 32

_worker: dict[str, Any] = {}
T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_jobs(value: str | int | None) -> int | None:
    """`--jobs`: a positive number, or auto / 0 (None); raises ValueError for anything else."""
    text = "auto" if value is None else str(value).strip().lower()
    if text in ("auto", "0"):
        return None
    number = int(text) if text.isdigit() else 0
    if number < 1:
        raise ValueError(f"--jobs: expected a positive number or auto, got {value!r}")
    return number


def workers_for(files: int, jobs: int | None) -> int:
    """How many processes to use for `files` files (1 means: check in this process)."""
    if jobs is None:
        jobs = available_cores() if files > AUTO_THRESHOLD else 1
    return max(1, min(jobs, files))


def chunk_size(files: int, workers: int) -> int:
    # Several chunks per worker keep the cores busy to the end; chunks of a few dozen files
    # keep the messages between processes few and the first results quick to arrive.
    return max(1, min(MAX_CHUNK, files // (workers * 8) or 1))


def check_files(
    paths: Sequence[str],
    settings: Settings,
    debug: bool = False,
    jobs: int | None = None,
    cache: ResultCache | None = None,
) -> Iterator[FileResult]:
    """Like calling `api.check_file` on each path in turn, with the same results in the same order.

    With a cache, results still true are taken from it here, and only the rest go to workers.
    """
    lean_collector()
    if cache is None:
        yield from _check_all(paths, settings, debug, jobs, None)
        return
    known = [cache.lookup(path) for path in paths]
    todo = [path for path, found in zip(paths, known, strict=True) if found is None]
    if todo:
        # What only checking needs, loaded only when something is to be checked: a bad schema
        # still stops the run before the first file is reported.
        from artlint.schema import load as schema

        schema.preload(settings)
    fresh = _check_all(todo, settings, debug, jobs, cache)
    for found in known:
        if found is None:
            found = next(fresh)
            cache.keep(found)
        yield found
    cache.tidy(checked=bool(todo))


def _check_all(
    paths: Sequence[str], settings: Settings, debug: bool, jobs: int | None, cache: ResultCache | None
) -> Iterator[FileResult]:
    from artlint.progress import progress

    workers = workers_for(len(paths), jobs)
    with progress(len(paths), "checking", AUTO_THRESHOLD) as advance:
        if workers <= 1:
            for path in paths:
                yield _check(path, settings, debug, cache)
                if advance is not None:
                    advance(1)
            return
        warm_up(settings)
        for result in parallel_map(_check_one, paths, workers, _init, (settings, debug, cache)):
            yield result
            if advance is not None:
                advance(1)


def parallel_map(
    task: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    setup: Callable[..., None] | None = None,
    setup_args: tuple[Any, ...] = (),
    chunk: int | None = None,
) -> Iterator[R]:
    """`map(task, items)` in `workers` processes, started once, fed in chunks, results in order.

    `task` and `setup` must be module-level functions; `setup(*setup_args)` runs once in each
    worker (forked after the parent's imports where the platform allows, so workers start warm).
    """
    # Workers flush the standard streams when they exit: a report already buffered here (the
    # stdin result comes first) would be written again by each of them.
    sys.stdout.flush()
    sys.stderr.flush()
    import multiprocessing

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    size = chunk or chunk_size(len(items), workers)
    with context.Pool(workers, initializer=setup, initargs=setup_args) as pool:
        yield from pool.imap(task, items, chunksize=size)


def lean_collector() -> None:
    """Make the cyclic garbage collector cheap for a run: a large file makes millions of
    short-lived objects (tokens, elements, findings), freed by reference counting, and with the
    default thresholds the collector re-walks the whole growing heap again and again, a third of
    the time on an 8 MB article. Objects loaded so far (rules, parser, schemas) are frozen out."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def warm_up(settings: Settings) -> None:
    """Load what every file needs once, before forking, so workers do not each load it."""
    from artlint import rules
    from artlint.config.loading import ConfigError
    from artlint.parsing.parse import markdown
    from artlint.schema import load as schema

    rules.all_rules()
    markdown()
    # The caller reports a bad schema; each worker would meet it again per file.
    with contextlib.suppress(ConfigError):
        schema.preload(settings)


def _init(settings: Settings, debug: bool, cache: ResultCache | None) -> None:
    if cache is not None:
        cache.forget_connection()
    _worker["settings"] = settings
    _worker["debug"] = debug
    _worker["cache"] = cache


def _check(path: str, settings: Settings, debug: bool, cache: ResultCache | None) -> FileResult:
    if cache is None:
        from artlint.api import check_file

        return check_file(path, settings, debug)
    from artlint.cache.results import check_path

    return check_path(path, settings, debug, cache)


def _check_one(path: str) -> FileResult:
    return _check(path, _worker["settings"], _worker["debug"], _worker["cache"])
