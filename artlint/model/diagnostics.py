"""What rules yield (Finding) and what reporters receive (Diagnostic)."""

from __future__ import annotations

import enum
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


class Diagnostic:
    """A finding as reported: where, which rule, how severe. Diagnostics are equal, hashed and
    ordered by place and code only, and never changed once made. A plain class: a run makes tens
    of thousands, and the frozen dataclass it was cost a millisecond of every start and three times
    as much to make."""

    __slots__ = (
        "code", "column", "end_column", "end_line", "fix", "line", "message", "name", "path", "pointer",
        "severity",
    )

    def __init__(
        self, path: str, line: int, column: int, code: str, name: str, severity: Severity, message: str,
        end_line: int | None = None, end_column: int | None = None, pointer: str | None = None,
        fix: Fix | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.end_line = end_line
        self.end_column = end_column
        self.pointer = pointer
        self.fix = fix

    def _key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: Diagnostic) -> bool:
        return self._key() < other._key()

    def __le__(self, other: Diagnostic) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: Diagnostic) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: Diagnostic) -> bool:
        return self._key() >= other._key()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _DIAGNOSTIC_FIELDS)
        return f"{type(self).__name__}({shown})"

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


# The fields in the order __init__ takes them, for repr.
_DIAGNOSTIC_FIELDS = (
    "path", "line", "column", "code", "name", "severity", "message", "end_line", "end_column", "pointer",
    "fix",
)
