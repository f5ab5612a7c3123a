"""The link cache: good external-link results in SQLite, reused for a while.

Only good answers are stored (a status and the redirects on the way to it); a failure is never
reused as a verdict, so a broken or unreachable link is asked again on the next run. Several
artlint processes may share one file: WAL journal, a busy timeout and short transactions.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "links.sqlite3"
BUSY_SECONDS = 10.0
CHUNK = 500  # URLs per SELECT: well under SQLite's bound-parameter limit
SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    hops TEXT NOT NULL,
    checked REAL NOT NULL,
    expires REAL NOT NULL
)
"""


class CacheError(Exception):
    """The cache file cannot be opened, read or written."""


@dataclass(frozen=True)
class Entry:
    url: str
    status: int
    hops: tuple[tuple[int, str, str], ...]  # (status, from, to) for each redirect
    checked: float


def default_folder() -> Path:
    """The user cache folder: $XDG_CACHE_HOME/artlint, ~/.cache/artlint, or the platform's own."""
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "artlint" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "artlint"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else home / ".cache") / "artlint"


class LinkCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or default_folder()) / FILE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.path}: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, urls: Sequence[str], now: float | None = None) -> dict[str, Entry]:
        """Entries still fresh for these URLs."""
        now = time.time() if now is None else now
        found: dict[str, Entry] = {}
        try:
            for i in range(0, len(urls), CHUNK):
                part = urls[i : i + CHUNK]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT url, status, hops, checked FROM links WHERE expires > ? AND url IN ({marks})",
                    (now, *part),
                )
                for url, status, hops, checked in rows:
                    found[url] = Entry(url, status, tuple(tuple(h) for h in json.loads(hops)), checked)
        except (sqlite3.Error, ValueError) as exc:
            raise CacheError(f"{self.path}: {exc}") from None
        return found

    def update(
        self, good: Iterable[Entry], bad: Iterable[str], max_age_days: float, now: float | None = None
    ) -> None:
        """Store good results (expiring after about max_age_days, jittered) and forget failed URLs."""
        now = time.time() if now is None else now
        age = max_age_days * 86400
        # Jitter spreads expiries so one big run does not make every later run re-check everything.
        rows = [
            (e.url, e.status, json.dumps(e.hops), e.checked, e.checked + age * random.uniform(0.8, 1.0))
            for e in good
        ]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?)", rows)
            self._db.executemany("DELETE FROM links WHERE url = ?", [(u,) for u in bad])
            self._db.execute("DELETE FROM links WHERE expires <= ?", (now,))
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise CacheError(f"{self.path}: {exc}") from None

    def stats(self) -> tuple[int, int, float | None, float | None]:
        """Entries, fresh entries, oldest and newest check time."""
        try:
            row = self._db.execute(
                "SELECT COUNT(*), SUM(expires > ?), MIN(checked), MAX(checked) FROM links", (time.time(),)
            ).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: {exc}") from None
        return int(row[0]), int(row[1] or 0), row[2], row[3]

    def clear(self) -> int:
        try:
            removed = self._db.execute("DELETE FROM links").rowcount
            self._db.execute("VACUUM")
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: {exc}") from None
        return int(removed)
