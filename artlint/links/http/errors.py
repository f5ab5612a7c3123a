"""Turning what went wrong on the wire into a verdict, and reading Retry-After."""

from __future__ import annotations

import errno
import socket
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import aiohttp

from artlint.links.external.verdict import Outcome
from artlint.net.policy import private_cause

# getaddrinfo errors that mean "no such name" (not "could not ask"): the link is broken.
NO_SUCH_NAME = frozenset(
    code for code in (getattr(socket, n, None) for n in ("EAI_NONAME", "EAI_NODATA")) if code is not None
)

RESET = frozenset({errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED})


@dataclass(frozen=True)
class Failure:
    outcome: Outcome
    detail: str
    retry: bool = False
    # What failed: "dns" (no such name), "host" (the host as a whole: lookup, connect, TLS,
    # private address), "timeout", or "" (this URL only).
    cause: str = ""


def describe_error(exc: BaseException, timeout: float, connect_timeout: float) -> Failure:
    private = private_cause(exc)
    if private is not None:
        return Failure(Outcome.PRIVATE, str(private), cause="host")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        if getattr(exc.os_error, "errno", None) in NO_SUCH_NAME:
            return Failure(Outcome.BROKEN, f"host not found: {exc.host}", cause="dns")
        return Failure(Outcome.UNVERIFIABLE, f"DNS lookup failed for {exc.host}", True, "host")
    if isinstance(exc, aiohttp.ClientSSLError):
        return Failure(Outcome.UNVERIFIABLE, f"TLS error: {_short(exc)}", cause="host")
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return Failure(Outcome.UNVERIFIABLE, f"could not connect within {connect_timeout:g} s", True, "host")
    if isinstance(exc, TimeoutError):
        return Failure(Outcome.UNVERIFIABLE, f"no answer within {timeout:g} s", True, "timeout")
    if isinstance(exc, aiohttp.InvalidURL):
        return Failure(Outcome.BROKEN, f"invalid URL: {exc}")
    if isinstance(exc, aiohttp.ClientConnectorError):
        detail = f"cannot connect to {exc.host}: {_short(exc.os_error)}"
        return Failure(Outcome.UNVERIFIABLE, detail, True, "host")
    if isinstance(exc, ConnectionResetError) or getattr(exc, "errno", None) in RESET:
        return Failure(Outcome.UNVERIFIABLE, "connection reset by the server", retry=True)
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return Failure(Outcome.UNVERIFIABLE, "connection closed by the server", retry=True)
    if isinstance(exc, aiohttp.ClientOSError):
        return Failure(Outcome.UNVERIFIABLE, f"connection error: {_short(exc)}", retry=True)
    return Failure(Outcome.UNVERIFIABLE, f"{type(exc).__name__}: {_short(exc)}")


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text).splitlines()[0][:200]
