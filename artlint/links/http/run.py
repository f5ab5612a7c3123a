"""Check many URLs at once over one connection pool, politely, and return a verdict for each."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import replace

import aiohttp
from aiohttp.abc import AbstractResolver

from artlint.links.external.config import ExternalConfig
from artlint.links.external.verdict import Outcome, Verdict
from artlint.links.http.check import Checker
from artlint.links.http.limits import HostGates
from artlint.net.policy import GuardedResolver

OnDone = Callable[[Verdict], None]


def check_urls(
    urls: Sequence[str],
    config: ExternalConfig,
    on_done: OnDone | None = None,
    resolver: AbstractResolver | None = None,
) -> dict[str, Verdict]:
    """Check each URL once; `resolver` replaces DNS (tests use it to stay off the network)."""
    if not urls:
        return {}
    return asyncio.run(_check_all(urls, config, on_done, resolver))


async def _check_all(
    urls: Sequence[str], config: ExternalConfig, on_done: OnDone | None, resolver: AbstractResolver | None
) -> dict[str, Verdict]:
    connector = aiohttp.TCPConnector(
        limit=config.concurrency,
        limit_per_host=config.per_host,
        resolver=GuardedResolver(config.allow_private, resolver),
        ttl_dns_cache=300,
    )
    timeout = aiohttp.ClientTimeout(total=config.timeout or None, connect=config.connect_timeout or None)
    headers = {
        "User-Agent": config.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    }
    gates = HostGates(config.concurrency, config.per_host, config.spacing)
    async with aiohttp.ClientSession(
        connector=connector,
        timeout=timeout,
        headers=headers,
        # Sites with large cookies or CSP headers exceed aiohttp's 8 KiB default.
        max_line_size=32768,
        max_field_size=32768,
    ) as session:
        checker = Checker(session, config, gates)

        async def one(url: str) -> Verdict:
            try:
                verdict = await checker.check(url)
            except Exception as exc:  # one odd URL must not stop the others
                verdict = Verdict(url, Outcome.UNVERIFIABLE, f"{type(exc).__name__}: {exc}")
            if on_done is not None:
                on_done(verdict)
            return verdict

        verdicts = await asyncio.gather(*(one(url) for url in urls))
    return {v.url: v for v in _offline(verdicts)}


def _offline(verdicts: list[Verdict]) -> list[Verdict]:
    """No name resolved and no server answered: the network is down, not every link broken."""
    unknown = {v.detail for v in verdicts if v.cause == "dns"}
    if len(unknown) < 2 or any(v.status is not None or v.hops for v in verdicts):
        return verdicts
    return [
        replace(v, outcome=Outcome.UNVERIFIABLE, detail=f"{v.detail} (no host name resolved: offline?)")
        if v.cause == "dns"
        else v
        for v in verdicts
    ]
