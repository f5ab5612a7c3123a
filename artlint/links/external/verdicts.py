"""A verdict for each unique URL: fresh good results from the cache, the rest from the network."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from artlint.links.external.cache import CacheError, Entry, LinkCache
from artlint.links.external.config import ExternalConfig
from artlint.links.external.verdict import Hop, Outcome, Verdict
from artlint.progress import progress

# Fewer URLs than this finish before a bar would be worth drawing.
MIN_URLS = 20

if TYPE_CHECKING:
    from aiohttp.abc import AbstractResolver


def verdicts_for(
    urls: Sequence[str], config: ExternalConfig, resolver: AbstractResolver | None = None
) -> dict[str, Verdict]:
    cache = _open(config)
    try:
        known = _cached(cache, urls, config)
        todo = [url for url in urls if url not in known]
        fresh: dict[str, Verdict] = {}
        if todo:
            from artlint.links.http.run import check_urls  # aiohttp: only when something is asked

            with progress(len(todo), "checking links", MIN_URLS) as advance:
                on_done = None if advance is None else lambda _verdict: advance(1)
                fresh = check_urls(todo, config, on_done, resolver)
        if cache is not None:
            _store(cache, fresh.values(), config)
    finally:
        if cache is not None:
            cache.close()
    return {**known, **fresh}


def _open(config: ExternalConfig) -> LinkCache | None:
    if not config.cache:
        return None
    try:
        return LinkCache(config.cache_dir)
    except CacheError as exc:
        _warn(exc)
        return None


def _cached(cache: LinkCache | None, urls: Sequence[str], config: ExternalConfig) -> dict[str, Verdict]:
    if cache is None:
        return {}
    try:
        entries = cache.lookup(urls)
    except CacheError as exc:
        _warn(exc)
        return {}
    # The status is judged again: a code no longer in accepted_status is asked again.
    return {
        url: Verdict(url, Outcome.OK, f"{e.status} (cached)", e.status, tuple(Hop(*h) for h in e.hops))
        for url, e in entries.items()
        if e.status in config.accepted
    }


def _store(cache: LinkCache, verdicts: Iterable[Verdict], config: ExternalConfig) -> None:
    now = time.time()
    good: list[Entry] = []
    bad: list[str] = []
    for v in verdicts:
        if v.outcome is Outcome.OK and v.status is not None:
            good.append(Entry(v.url, v.status, tuple((h.status, h.source, h.target) for h in v.hops), now))
        elif v.outcome is not Outcome.PRIVATE:
            bad.append(v.url)
    try:
        cache.update(good, bad, config.cache_max_age_days, now)
    except CacheError as exc:
        _warn(exc)


def _warn(exc: CacheError) -> None:
    print(f"artlint: link cache not used: {exc}", file=sys.stderr)
