"""Results to a reporter, the statistics table and the exit code: shared by check and fix."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from artlint.commands.options import CheckOptions
from artlint.config.loading import Settings
from artlint.model.results import FileResult


def _open_output(options: CheckOptions) -> TextIO:
    if options.output is None:
        return sys.stdout
    return open(options.output, "w", encoding="utf-8")  # closed by the caller


def report(
    options: CheckOptions,
    settings: Settings,
    results: Iterable[FileResult],
    stream: TextIO | None = None,
) -> int:
    """Report `results` and return the exit code."""
    from artlint import reporters

    own_stream = stream is None
    stream = _open_output(options) if stream is None else stream
    color = options.color
    if color is None:
        color = stream.isatty() and "NO_COLOR" not in os.environ
    reporter = reporters.create(options.output_format, stream, color)
    worst = 0
    counts: Counter[tuple[str, str]] = Counter()
    severities: Counter[str] = Counter()
    files = 0
    crashed = False
    try:
        for result in results:
            files += 1
            if result.crashed:
                crashed = True  # exit 3 whatever else was found
            if options.statistics:
                for d in result.diagnostics:
                    counts[(d.code, d.name)] += 1
                    severities[str(d.severity)] += 1
            else:
                reporter.file(result)
            tally = result.tally()
            if tally.errors or (settings.strict and (tally.warnings or tally.infos)):
                worst = 1
        if options.statistics:
            _write_statistics(stream, options.output_format, counts, severities, files)
        else:
            reporter.finish()
    finally:
        if own_stream and stream is not sys.stdout:
            stream.close()
    if crashed:
        return 3
    return 0 if options.exit_zero else worst


def _write_statistics(
    stream: TextIO,
    output_format: str,
    counts: Counter[tuple[str, str]],
    severities: Counter[str],
    files: int,
) -> None:
    """One count per rule, most frequent first, then the totals."""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if output_format == "json":
        import json

        from artlint.reporters.json import REPORT_VERSION

        data = {
            "version": REPORT_VERSION,
            "summary": {"files": files, **{s: severities[s] for s in ("error", "warning", "info")}},
            "statistics": [{"code": c, "name": n, "count": k} for (c, n), k in rows],
        }
        json.dump(data, stream, indent=2)
        stream.write("\n")
        return
    for (code, name), n in rows:
        stream.write(f"{n:7d}  {code} {name}\n")
    parts = [f"{severities[s]} {s}{'s' * (s != 'info' and severities[s] != 1)}"
             for s in ("error", "warning", "info") if severities[s]]
    plural = "s" * (files != 1)
    stream.write(f"{files} file{plural} checked: {', '.join(parts) or 'no problems'}\n")

