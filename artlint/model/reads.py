"""What checking one file read outside that file: folder listings, linked files' anchors, permalinks,
the site configuration.

The result cache reuses a file's findings only while each of these reads would still give the
same answer, so the functions that look outside the file report what they saw here. Nothing is
kept unless a caller is recording.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

Read = tuple[str, tuple[str, ...], str]  # (kind, arguments, digest of the answer)

_active: list[dict[tuple[str, tuple[str, ...]], str]] = []


def digest(answer: Any) -> str:
    """A short stable digest of an answer (None, a string, or a collection of strings)."""
    if answer is None:
        text = "\x00none"
    elif isinstance(answer, bool):
        text = f"\x00{answer}"
    elif isinstance(answer, str):
        text = answer
    else:
        text = "\x1f".join(sorted(str(a) for a in answer))
    import hashlib  # digests are taken only for the result cache; --no-cache never loads it

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def record(kind: str, args: tuple[str, ...], answer: Any) -> None:
    if _active:
        _active[-1][(kind, args)] = digest(answer)


@contextlib.contextmanager
def recording() -> Iterator[list[Read]]:
    """Collect the reads made inside the block; the list is filled when the block ends."""
    reads: dict[tuple[str, tuple[str, ...]], str] = {}
    found: list[Read] = []
    _active.append(reads)
    try:
        yield found
    finally:
        _active.pop()
        found.extend((kind, args, value) for (kind, args), value in reads.items())
