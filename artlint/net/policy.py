"""Which addresses may be requested: public ones only, unless private ones are allowed.

The check sits in the resolver the connection pool uses, so a name is judged by the very
addresses the connection goes to (a second lookup could answer differently), and every
redirect hop passes through it too.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver


class PrivateAddressError(OSError):
    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to the private address {address}")
        self.host = host
        self.address = address


def is_private_address(text: str) -> bool:
    """True for loopback, private, link-local, shared, reserved and multicast addresses."""
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def literal_address(host: str) -> str | None:
    """The host itself when it is an IP address (brackets of IPv6 removed), else None."""
    bare = host.strip("[]")
    try:
        ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        return None
    return bare


class GuardedResolver(AbstractResolver):
    """Resolves like aiohttp does, then refuses names with a private address among their answers."""

    def __init__(self, allow_private: bool, inner: AbstractResolver | None = None) -> None:
        self._allow_private = allow_private
        self._inner = inner or DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        if not self._allow_private:
            for answer in answers:
                if is_private_address(answer["host"]):
                    raise PrivateAddressError(host, answer["host"])
        return answers

    async def close(self) -> None:
        await self._inner.close()


def private_cause(exc: BaseException) -> PrivateAddressError | None:
    """The PrivateAddressError behind an aiohttp connection error, if that was the cause."""
    seen: Any = exc
    for _ in range(5):  # a short chain: aiohttp error -> its OSError -> ours
        if seen is None or isinstance(seen, PrivateAddressError):
            return seen
        seen = getattr(seen, "os_error", None) or seen.__cause__
    return None
