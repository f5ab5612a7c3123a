"""Schemas behind an http(s) `$ref`, read only when `schema_fetch = true` allows it.

Each URL is fetched at most once per run, through the link checker's address guard (no private
or loopback address unless `[links] allow_private`), with a size and time bound; any failure is
one configuration error naming the ref.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from artlint.config.loading import ConfigError

MAX_BYTES = 2_000_000
TIMEOUT = 15.0


@functools.cache
def fetch(uri: str, allow_private: bool) -> Any:
    import asyncio

    try:
        data = asyncio.run(_get(uri.split("#")[0], allow_private))
    except ConfigError:
        raise
    except Exception as exc:  # aiohttp's errors, timeouts, refused addresses: all one message
        from artlint.net.policy import private_cause

        cause = private_cause(exc) or exc
        raise ConfigError(f"schema $ref {uri!r}: cannot fetch: {cause}") from None
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"schema $ref {uri!r}: not a JSON schema: {exc}") from None


async def _get(uri: str, allow_private: bool) -> bytes:
    from urllib.parse import urlsplit

    import aiohttp

    from artlint.net.policy import GuardedResolver, is_private_address, literal_address

    host = urlsplit(uri).hostname or ""
    literal = literal_address(host)
    # A literal address is never looked up, so the resolver's guard would not see it.
    if literal is not None and not allow_private and is_private_address(literal):
        raise ConfigError(f"schema $ref {uri!r}: {host} is a private address; "
                          "set allow_private = true in [links] to fetch from it")
    connector = aiohttp.TCPConnector(resolver=GuardedResolver(allow_private))
    timeout = aiohttp.ClientTimeout(total=TIMEOUT)
    async with (
        aiohttp.ClientSession(connector=connector, timeout=timeout) as session,
        session.get(uri) as response,
    ):
        if response.status != 200:
            raise ConfigError(f"schema $ref {uri!r}: the server answered {response.status}")
        body = await response.content.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            raise ConfigError(f"schema $ref {uri!r}: larger than {MAX_BYTES} bytes")
        return body
