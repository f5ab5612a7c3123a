"""What checking one URL found out (plain data: no network code here)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

PERMANENT = frozenset({301, 308})


class Outcome(enum.Enum):
    OK = "ok"
    BROKEN = "broken"  # 404, 410, unknown host, redirect loop: an error
    UNVERIFIABLE = "unverifiable"  # bot walls, rate limits, timeouts, resets: a warning
    PRIVATE = "private"  # a private or loopback address, not requested


@dataclass(frozen=True)
class Hop:
    status: int
    source: str
    target: str


@dataclass(frozen=True)
class Verdict:
    url: str  # as requested: the link without its fragment
    outcome: Outcome
    detail: str  # "404 Not Found", "timed out after 15 s", ...
    status: int | None = None  # the final status, when a response came
    hops: tuple[Hop, ...] = ()
    requests: int = 0  # how many requests were sent for it (0 when from the cache)
    cause: str = ""  # for failures: "dns" when the name does not exist, "host", "timeout"

    @property
    def permanent_target(self) -> str | None:
        """Where the leading run of permanent redirects ends, if the link starts with one.

        A temporary hop stops the run: what follows it may change, so it must not be written
        into an article.
        """
        target = None
        for hop in self.hops:
            if hop.status not in PERMANENT:
                break
            target = hop.target
        return target

    @property
    def permanent_status(self) -> int | None:
        return self.hops[0].status if self.permanent_target else None
