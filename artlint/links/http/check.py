"""Checking one URL: HEAD first, GET when HEAD is refused, retries, redirects followed by hand."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

import aiohttp
from yarl import URL

from artlint.links.external.config import ExternalConfig
from artlint.links.external.verdict import Hop, Outcome, Verdict
from artlint.links.http.errors import Failure, describe_error
from artlint.links.http.hosts import HostMemory
from artlint.links.http.limits import HostGates
from artlint.links.http.request import Answer, request
from artlint.net.policy import is_private_address, literal_address

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRYABLE = frozenset({408, 429, 500, 502, 503, 504})
BROKEN = frozenset({404, 410})
HINTS = {
    401: "needs a login",
    403: "the site may block link checkers",
    999: "the site blocks link checkers",
}


class Checker:
    def __init__(self, session: aiohttp.ClientSession, config: ExternalConfig, gates: HostGates) -> None:
        self._session = session
        self._config = config
        self._gates = gates
        self._hosts = HostMemory()

    async def check(self, url: str) -> Verdict:
        try:
            current = URL(url)
        except ValueError as exc:
            return Verdict(url, Outcome.BROKEN, f"invalid URL: {exc}")
        if not current.host:
            return Verdict(url, Outcome.BROKEN, "invalid URL: no host")
        hops: list[Hop] = []
        visits: Counter[str] = Counter([str(current)])
        sent = 0
        while True:
            result, count = await self._fetch(current)
            sent += count
            if isinstance(result, Failure):
                return Verdict(url, result.outcome, result.detail, None, tuple(hops), sent, result.cause)
            if result.status in self._config.accepted or result.status not in REDIRECTS:
                outcome, detail = self._judge(result, count)
                return Verdict(url, outcome, detail, result.status, tuple(hops), sent)
            if not result.location:
                detail = f"{result.status} {result.reason} without a Location header"
                return Verdict(url, Outcome.UNVERIFIABLE, detail, result.status, tuple(hops), sent)
            try:
                target = current.join(URL(result.location)).with_fragment(None)
            except ValueError:
                detail = f"redirects to an invalid URL: {result.location}"
                return Verdict(url, Outcome.BROKEN, detail, result.status, tuple(hops), sent)
            hops.append(Hop(result.status, str(current), str(target)))
            if target.scheme not in ("http", "https"):
                detail = f"redirects to a non-web address: {target}"
                return Verdict(url, Outcome.UNVERIFIABLE, detail, result.status, tuple(hops), sent)
            # A third visit: a site may bounce through one URL twice to set a cookie, not three times.
            if visits[str(target)] >= 2:
                detail = _loop(hops, str(target))
                return Verdict(url, Outcome.BROKEN, detail, result.status, tuple(hops), sent)
            if len(hops) > self._config.max_redirects:
                detail = f"more than {self._config.max_redirects} redirects"
                return Verdict(url, Outcome.BROKEN, detail, result.status, tuple(hops), sent)
            visits[str(target)] += 1
            current = target

    def _judge(self, answer: Answer, attempts: int) -> tuple[Outcome, str]:
        detail = f"{answer.status} {answer.reason}".strip()
        if answer.status in self._config.accepted:
            return Outcome.OK, detail
        if answer.status in BROKEN:
            return Outcome.BROKEN, detail
        if answer.status in RETRYABLE and attempts > 1:
            detail += f" after {attempts} attempts"
        elif answer.status in HINTS:
            detail += f" ({HINTS[answer.status]})"
        return Outcome.UNVERIFIABLE, detail

    async def _fetch(self, url: URL) -> tuple[Answer | Failure, int]:
        """One step of the chain, with HEAD-to-GET fallback and retries; returns the request count."""
        host = url.host or ""
        literal = literal_address(host)
        if literal and not self._config.allow_private and is_private_address(literal):
            return Failure(Outcome.PRIVATE, f"{literal} is a private address"), 0
        key = f"{host}:{url.port}"
        method = "GET" if self._hosts.wants_get(key) else "HEAD"
        sent = attempt = 0
        while True:
            async with self._gates.slot(key):
                # Checked once the slot is ours: the host may have failed while this URL waited.
                down = self._hosts.down(key)
                if down is not None:
                    return down, sent
                sent += 1
                result = await self._attempt(method, url)
            if isinstance(result, Answer):
                self._hosts.answered(key)
            if method == "HEAD" and isinstance(result, Answer) and self._refused(result.status):
                if result.status in (405, 501):
                    self._hosts.refused_head(key)
                method = "GET"  # a refused HEAD is no attempt: ask again at once
                continue
            retry = result.retry if isinstance(result, Failure) else result.status in RETRYABLE
            if not retry or attempt >= self._config.retries:
                if isinstance(result, Failure):
                    self._hosts.failed(key, result)
                return result, sent
            wait = self._wait(result, attempt)
            if wait is None:
                assert isinstance(result, Answer)
                asked = f"asked to wait {result.retry_after:g} s"
                return Failure(Outcome.UNVERIFIABLE, f"{result.status} {result.reason} ({asked})"), sent
            if isinstance(result, Answer) and result.status in (429, 503):
                self._gates.pause(key, wait)  # the whole host is told to slow down
            else:
                await asyncio.sleep(wait)
            attempt += 1

    async def _attempt(self, method: str, url: URL) -> Answer | Failure:
        try:
            return await request(self._session, self._config, method, url)
        except (aiohttp.ClientError, OSError) as exc:  # TimeoutError is an OSError
            return describe_error(exc, self._config.timeout, self._config.connect_timeout)

    def _refused(self, status: int) -> bool:
        """Whether a HEAD answer is worth a GET: servers often mishandle HEAD."""
        return not (status in self._config.accepted or status in REDIRECTS or status in RETRYABLE)

    def _wait(self, result: Answer | Failure, attempt: int) -> float | None:
        if isinstance(result, Answer) and result.retry_after is not None:
            if result.retry_after > self._config.max_retry_after:
                return None
            return result.retry_after
        return self._config.backoff * 2.0**attempt * random.uniform(0.5, 1.5)


def _loop(hops: list[Hop], target: str) -> str:
    chain = [hop.source for hop in hops]
    start = max(i for i, url in enumerate(chain) if url == target)
    return "redirect loop: " + " -> ".join([*chain[start:], target])
