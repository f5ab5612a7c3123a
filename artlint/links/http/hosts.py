"""What one run learns about each host: HEAD refused, unreachable, or up."""

from __future__ import annotations

from collections import Counter

from artlint.links.external.verdict import Outcome
from artlint.links.http.errors import Failure

# After this many URLs of a host that never answered time out, its other URLs are not asked.
TIMEOUTS_BEFORE_DOWN = 3


class HostMemory:
    def __init__(self) -> None:
        self._head_refused: set[str] = set()  # answered HEAD with 405 or 501
        self._down: dict[str, Failure] = {}  # cannot be reached: the verdict for its URLs
        self._timeouts: Counter[str] = Counter()
        self._answered: set[str] = set()  # gave at least one HTTP answer

    def wants_get(self, key: str) -> bool:
        return key in self._head_refused

    def refused_head(self, key: str) -> None:
        self._head_refused.add(key)

    def answered(self, key: str) -> None:
        self._answered.add(key)

    def down(self, key: str) -> Failure | None:
        return self._down.get(key)

    def failed(self, key: str, failure: Failure) -> None:
        """Remember a host that cannot be reached, so its other URLs are not asked in vain."""
        if failure.cause in ("dns", "host"):
            self._down[key] = failure
        elif failure.cause == "timeout" and key not in self._answered:
            # A host that answered before is up: only some of its pages are slow.
            self._timeouts[key] += 1
            if self._timeouts[key] >= TIMEOUTS_BEFORE_DOWN:
                detail = f"{failure.detail} (the host stopped answering)"
                self._down[key] = Failure(Outcome.UNVERIFIABLE, detail, cause="timeout")
