"""Politeness: a global limit on requests in flight, a per-host limit, and spacing per host."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class _Host:
    def __init__(self, per_host: int) -> None:
        self.slots = asyncio.Semaphore(per_host)
        self.next_start = 0.0  # monotonic time before which no request to this host starts


class HostGates:
    def __init__(self, concurrency: int, per_host: int, spacing: float) -> None:
        self._global = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._spacing = spacing
        self._hosts: dict[str, _Host] = {}

    def _host(self, key: str) -> _Host:
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(self._per_host)
        return host

    @asynccontextmanager
    async def slot(self, key: str) -> AsyncIterator[None]:
        # The host slot comes first: a task waiting for a busy host must not hold a global
        # slot that requests to other hosts could use.
        host = self._host(key)
        async with host.slots:
            await self._turn(host)
            async with self._global:
                yield

    async def _turn(self, host: _Host) -> None:
        while True:
            now = time.monotonic()
            if host.next_start <= now:
                host.next_start = now + self._spacing
                return
            await asyncio.sleep(host.next_start - now)

    def pause(self, key: str, seconds: float) -> None:
        """Hold back every request to a host, e.g. after a 429 with Retry-After."""
        host = self._host(key)
        host.next_start = max(host.next_start, time.monotonic() + seconds)
