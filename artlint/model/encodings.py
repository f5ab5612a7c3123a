"""Encoding names: which ones a user may give (`--encoding`, the `encoding` setting)."""

from __future__ import annotations

import codecs

AUTO = "auto"


class UnknownEncoding(ValueError):
    """An encoding name Python does not know."""


def check_encoding(name: str) -> str:
    """`name` normalised ("CP949" -> "cp949"), or UnknownEncoding; "auto" passes as it is."""
    if name.lower() == AUTO:
        return AUTO
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UnknownEncoding(f"unknown encoding {name!r}; use a Python codec name such as "
                              "utf-8, cp949, euc-kr, shift_jis, or auto") from None
