"""`path:line:col: CODE name message`, the source line, and a caret under the character."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, TextIO

from artlint.model.diagnostics import Severity

if TYPE_CHECKING:
    from artlint.model.diagnostics import Diagnostic
    from artlint.model.results import FileResult

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_NOT_TAB = re.compile("[^\t]")
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def caret_line(source: str, column: int, end_column: int | None = None) -> str:
    before = source[: column - 1]
    # Tabs are copied so the caret lines up whatever the terminal's tab width.
    if before.isascii():
        padding = _NOT_TAB.sub(" ", before)
    else:
        padding = "\t".join(" " * sum(map(_char_width, part)) for part in before.split("\t"))
    span = 1
    if end_column is not None and end_column > column:
        span = max(1, display_width(source[column - 1 : end_column - 1]))
    return padding + "^" + "~" * (span - 1)


def excerpt(
    source: str, column: int, end: int | None, before: int = 40, after: int = 80
) -> tuple[str, int, int | None]:
    """A window of a long line around the column (minified HTML can be one 50 000-character line)."""
    if len(source) <= before + after:
        return source, column, end
    start = max(0, column - 1 - before)
    stop = min(len(source), max(column, end or column) - 1 + after)
    stop = min(stop, start + before + after)
    head = "…" if start > 0 else ""
    tail = "…" if stop < len(source) else ""
    shift = start - len(head)
    new_end = None if end is None else min(end - shift, stop - shift + 1)
    return head + source[start:stop] + tail, column - shift, new_end


def plain_blocks(result: FileResult) -> list[str]:
    """Each diagnostic of `result` as the uncoloured text reporter writes it, one string each:
    `path:line:col: CODE name message`, then the source line and the caret under it."""
    lines = _lines(result)
    return [_block(d, lines, False) for d in result.diagnostics]


def _lines(result: FileResult) -> list[str]:
    # Only "\n" ends a line, as in positions (str.splitlines also splits at \x0c, \u2028...).
    return result.text.split("\n") if result.text is not None else []


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _block(d: Diagnostic, lines: list[str], color: bool) -> str:
    fix = " [*]" if d.fix is not None else ""
    if color:
        where = _paint(f"{d.path}:{d.line}:{d.column}:", _BOLD, color)
        head = f"{where} {_paint(d.code, _COLORS[d.severity], color)} {d.name} {d.message}{fix}\n"
    else:
        head = f"{d.path}:{d.line}:{d.column}: {d.code} {d.name} {d.message}{fix}\n"
    if 0 < d.line <= len(lines):
        source = lines[d.line - 1].rstrip("\r")
        end = d.end_column if d.end_line in (None, d.line) else len(source) + 1
        source, column, end = excerpt(source, d.column, end)
        caret = _paint(caret_line(source, column, end), _COLORS[d.severity], color)
        return f"{head}    {source}\n    {caret}\n"
    return head


class TextReporter:
    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.counts = {s: 0 for s in Severity}
        self.files = 0
        self.fixable = 0
        self.unsafe = 0

    def _paint(self, text: str, code: str) -> str:
        return _paint(text, code, self.color)

    def file(self, result: FileResult) -> None:
        self.files += 1
        ready = None if self.color else result.plain_text_report()
        if ready is not None:
            # A cached result: counts and lines are known without building its diagnostics.
            tally = result.tally()
            self.counts[Severity.ERROR] += tally.errors
            self.counts[Severity.WARNING] += tally.warnings
            self.counts[Severity.INFO] += tally.infos
            self.fixable += tally.fixable
            self.unsafe += tally.unsafe
            self.stream.write(ready)
            return
        lines = _lines(result)
        for d in result.diagnostics:
            self.counts[d.severity] += 1
            self.fixable += d.fix is not None and d.fix.safe
            self.unsafe += d.fix is not None and not d.fix.safe
            self.stream.write(_block(d, lines, self.color))

    def finish(self) -> None:
        total = sum(self.counts.values())
        if total == 0:
            self.stream.write(f"{self.files} file{'s' * (self.files != 1)} checked, no problems\n")
            return
        parts = [_count(n, s) for s, n in sorted(self.counts.items(), reverse=True) if n]
        summary = f"{self.files} file{'s' * (self.files != 1)} checked: {', '.join(parts)}"
        fixes = []
        if self.fixable:
            fixes.append(f"{self.fixable} fixable with --fix")
        if self.unsafe:
            fixes.append(f"{self.unsafe} more with --fix --unsafe-fixes")
        if fixes:
            summary += f" ({', '.join(fixes)}; [*] marks them)"
        self.stream.write(self._paint(summary, _BOLD) + "\n")


def _count(n: int, severity: Severity) -> str:
    # "2 errors, 3 warnings, 4 info": info is uncountable.
    plural = "s" if n != 1 and severity is not Severity.INFO else ""
    return f"{n} {severity}{plural}"
