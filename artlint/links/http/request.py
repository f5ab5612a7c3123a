"""One HTTP request, redirects not followed, with at most a little of the body read."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp
from yarl import URL

from artlint.links.external.config import ExternalConfig
from artlint.links.http.errors import retry_after
from artlint.net.policy import is_private_address

# Past this many body bytes a GET drops the connection instead of reading on.
BODY_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Answer:
    status: int
    reason: str
    location: str | None = None
    retry_after: float | None = None


async def request(
    session: aiohttp.ClientSession, config: ExternalConfig, method: str, url: URL
) -> Answer:
    headers = config.headers_for(url.host or "")
    if headers and url.scheme != "https" and not is_private_address(url.host or ""):
        headers = {}  # tokens never travel in clear text over the internet
    async with session.request(method, url, allow_redirects=False, headers=headers or None) as response:
        answer = Answer(
            response.status,
            response.reason or "",
            response.headers.get("Location"),
            retry_after(response.headers.get("Retry-After")),
        )
        if method == "GET":
            await _drain(response)
        return answer


async def _drain(response: aiohttp.ClientResponse) -> None:
    """Read a small body so the connection can be reused; drop the connection on a large one."""
    total = 0
    try:
        while total <= BODY_LIMIT:
            chunk = await response.content.readany()
            if not chunk:
                return
            total += len(chunk)
    except (aiohttp.ClientError, OSError):
        pass  # the status is known already; a body that fails to arrive changes nothing
    response.close()
