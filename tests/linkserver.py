"""A local HTTP server whose paths answer as the situations the online link check meets.

Shared by the online link-check tests and the external rules' fixtures; it listens on 127.0.0.1
only.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import time
from collections import Counter
from typing import Any

from aiohttp import web

HUGE = 256 * 1024 * 1024


class Server:
    """An aiohttp server with one route per situation, counting what it is asked."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()  # "METHOD /path?query"
        self.times: dict[str, list[float]] = {}
        self.headers: list[dict[str, str]] = []
        self.huge_sent: int | None = None
        self.resets = 0
        self.loop = asyncio.new_event_loop()
        self.port = self.reset_port = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def count(self, path: str) -> int:
        return sum(n for key, n in self.hits.items() if key.split(" ", 1)[1] == path)

    @web.middleware
    async def record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self.hits[f"{request.method} {request.path_qs}"] += 1
        self.times.setdefault(request.path_qs, []).append(time.monotonic())
        self.headers.append(dict(request.headers))
        result: web.StreamResponse = await handler(request)
        return result

    async def route(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        seen = self.count(request.path_qs)
        if name == "ok":
            return web.Response(text="fine")
        if name in ("missing", "gone", "forbidden", "linkedin"):
            return web.Response(status={"missing": 404, "gone": 410, "forbidden": 403, "linkedin": 999}[name])
        if name == "moved":
            return _redirect(301, "/moved-again")
        if name == "moved-again":
            return _redirect(308, "/ok?from=moved")
        if name == "temporary":
            return _redirect(302, "/ok?from=temporary")
        if name == "moved-to-missing":
            return _redirect(301, "/missing?from=moved")
        if name in ("loop-a", "loop-b"):
            return _redirect(302, "/loop-b" if name == "loop-a" else "/loop-a")
        if name == "to-intranet":
            return _redirect(301, f"http://intranet.test:{self.port}/ok?via=redirect")
        if name == "limited":
            if seen == 1:
                return web.Response(status=429, headers={"Retry-After": "1"})
            return web.Response(text="now")
        if name == "always-limited":
            return web.Response(status=429)
        if name == "limited-long":
            return web.Response(status=429, headers={"Retry-After": "3600"})
        if name == "flaky":
            return web.Response(status=503) if seen == 1 else web.Response(text="back")
        if name == "no-head":
            return web.Response(status=405) if request.method == "HEAD" else web.Response(text="get only")
        if name == "head-404":
            return web.Response(status=404) if request.method == "HEAD" else web.Response(text="get only")
        if name == "silent":
            await asyncio.sleep(30)
        if name == "auth":
            good = request.headers.get("Authorization") == "Bearer s3cret-token"
            return web.Response(status=200 if good else 401)
        if name == "auth-elsewhere":
            return _redirect(302, f"http://localhost:{self.port}/auth")
        if name == "huge":
            return await self.huge(request)
        return web.Response(status=500)

    async def huge(self, request: web.Request) -> web.StreamResponse:
        if request.method == "HEAD":
            return web.Response(status=405)
        response = web.StreamResponse()
        response.content_length = HUGE
        await response.prepare(request)
        sent = 0
        chunk = b"x" * 65536
        try:
            while sent < HUGE:
                await response.write(chunk)
                sent += len(chunk)
        except (ConnectionError, RuntimeError):
            pass
        finally:
            self.huge_sent = sent
        return response

    async def reset(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.resets += 1
        await reader.read(1024)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.close()

    async def start(self) -> None:
        app = web.Application(middlewares=[self.record])
        app.router.add_route("*", "/{name}", self.route)
        self.runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = self.runner.addresses[0][1]
        self.raw = await asyncio.start_server(self.reset, "127.0.0.1", 0)
        self.reset_port = self.raw.sockets[0].getsockname()[1]


def _redirect(status: int, location: str) -> web.Response:
    return web.Response(status=status, headers={"Location": location})
