"""Tally per-file results; print problems as they come and a summary at the end; the JSON report."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

REPORT_VERSION = 1


@dataclass
class Tally:
    statuses: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    files: list[dict[str, Any]] = field(default_factory=list)
    changed: int = 0
    transcoded: Counter[str] = field(default_factory=Counter)  # source encoding -> files

    def add(self, result: dict[str, Any], keep: bool) -> None:
        self.statuses[result["status"]] += 1
        self.dropped.update(result.get("dropped") or {})
        if result.get("transcoded"):
            self.transcoded[result["transcoded"]] += 1
        if result["status"] == "would-change":
            self.changed += 1
        if keep:
            self.files.append({k: v for k, v in result.items() if k not in ("text", "line")})

    @property
    def failed(self) -> int:
        return self.statuses["failed"] + self.statuses["error"]

    def report(self, to: str) -> dict[str, Any]:
        return {
            "version": REPORT_VERSION,
            "to": to,
            "summary": {"files": sum(self.statuses.values()), **dict(sorted(self.statuses.items())),
                        "dropped": dict(self.dropped.most_common()),
                        **({"transcoded": dict(self.transcoded)} if self.transcoded else {})},
            "files": self.files,
        }


def print_problem(result: dict[str, Any]) -> None:
    if result["status"] == "error":
        print(f"{result['error']}", file=sys.stderr)
        return
    differences = result["differences"]
    print(f"{result['path']}: not converted, the output would read differently:", file=sys.stderr)
    for difference in differences[:5]:
        print(f"  {difference}", file=sys.stderr)
    if len(differences) > 5:
        print(f"  ... and {len(differences) - 5} more", file=sys.stderr)


def print_summary(tally: Tally, mode: str, quiet: bool = False) -> None:
    total = sum(tally.statuses.values())
    if quiet or (mode == "print" and total == 1 and not tally.failed):
        return
    order = ("converted", "unchanged", "would-change", "failed", "error", "skipped")
    parts = [f"{tally.statuses[s]} {s}" for s in order if tally.statuses[s]]
    print(f"{total} file{'s' if total != 1 else ''}: {', '.join(parts) or 'nothing to do'}", file=sys.stderr)
    if tally.transcoded:
        read = ", ".join(f"{count} from {name.upper().replace('_', '-')}"
                         for name, count in tally.transcoded.most_common())
        print(f"transcoded to UTF-8: {read}", file=sys.stderr)
    if tally.dropped:
        dropped = ", ".join(f"{name} {count}" for name, count in tally.dropped.most_common())
        print(f"dropped on purpose: {dropped}", file=sys.stderr)
