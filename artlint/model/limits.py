"""Bounds on what one file may hold, so no input can exhaust time, memory or the stack.

Each is a setting (`max_front_matter_size`, `max_attributes`, `max_nesting`); going over one is a
diagnostic naming the setting, never a crash. The defaults are far above any real article.
"""

from __future__ import annotations

from typing import NamedTuple

SETTINGS = {
    "max_front_matter_size": "front_matter_size",
    "max_attributes": "attributes",
    "max_nesting": "nesting",
}


class Limits(NamedTuple):
    front_matter_size: int = 2_000_000  # characters between the front-matter delimiters
    attributes: int = 1_000  # attributes on one HTML element
    nesting: int = 200  # levels of HTML elements, or of front-matter lists and tables


class LimitExceeded(Exception):
    """A file goes over one of the Limits; the message names the setting."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def nesting_message(limit: int, what: str) -> str:
    return f"{what} nested deeper than {limit} levels (the max_nesting setting)"
