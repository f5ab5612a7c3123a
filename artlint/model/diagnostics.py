"""What rules yield (Finding) and what reporters receive (Diagnostic)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple

# What a file gets when a rule or the parser raised: reported like a finding, never a failure of
# the article itself, and never kept in the result cache.
INTERNAL_CODE = "AL000"
INTERNAL_NAME = "internal-error"


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


# Edit, Fix and Finding are named tuples: rules make tens of them per file, and a tuple is made
# five times as fast as a frozen dataclass and crosses from a worker process in half the bytes.


class Edit(NamedTuple):
    """Replace text[start:end] (character offsets into the whole file) with `text`."""

    start: int
    end: int
    text: str


class Fix(NamedTuple):
    edits: tuple[Edit, ...]
    description: str
    # A safe fix cannot change visible text, links or structure; the rest need --unsafe-fixes.
    safe: bool = True


class Finding(NamedTuple):
    """One problem as a rule sees it; positions are 1-based, in characters of the original file."""

    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    pointer: str | None = None  # JSON pointer into the front matter, where it applies
    fix: Fix | None = None


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    end_line: int | None = field(default=None, compare=False)
    end_column: int | None = field(default=None, compare=False)
    pointer: str | None = field(default=None, compare=False)
    fix: Fix | None = field(default=None, compare=False)

    @property
    def fixable(self) -> str:
        if self.fix is None:
            return "no"
        return "safe" if self.fix.safe else "unsafe"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "pointer": self.pointer,
            "fixable": self.fixable,
        }
