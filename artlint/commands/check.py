"""`artlint check`: options to Settings, files to results, results to a reporter and an exit code."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from artlint.api import FileResult, check_bytes
from artlint.config.loading import ConfigError, Settings, load
from artlint.discovery.walk import PathError, expand
from artlint.lint.engine import INTERNAL_CODE
from artlint.model.diagnostics import Severity


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...] = (".",)
    output_format: str = "auto"
    config: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    schema: str | None = None
    strict: bool = False
    exit_zero: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    external: bool | None = None
    no_cache: bool = False
    allow_private: bool = False
    stdin_filename: str | None = None
    statistics: bool = False
    output: Path | None = None
    color: bool | None = None
    debug: bool = False
    jobs: int | None = None  # worker processes; None: one for a few files, every core for many
    encoding: str | None = None  # a codec name or "auto", over the settings' encoding


def build_settings(options: CheckOptions) -> Settings:
    if options.config is not None and not options.config.is_file():
        raise ConfigError(f"{options.config}: no such configuration file")
    settings = load(options.config)
    ignore = settings.ignore + (options.ignore or ())
    extend = settings.extend_select + (options.extend_select or ())
    schema: str | bool | None = options.schema
    if options.schema is not None and options.schema.lower() in ("none", "false", "off"):
        schema = False
    sections = dict(settings.sections)
    links = dict(sections.get("links", {}))
    if options.external is not None:
        links["external"] = options.external
    if options.no_cache:
        links["cache"] = False
    if options.allow_private:
        links["allow_private"] = True
    sections["links"] = links
    return settings.with_cli(
        select=options.select,
        extend_select=extend,
        ignore=ignore,
        schema=schema,
        strict=options.strict or settings.strict,
        sections=sections,
        encoding=options.encoding,
    )


def _validate_formats(name: str) -> None:
    from artlint.reporters import FORMATS

    if name not in (*FORMATS, "auto"):
        raise ConfigError(f"unknown format {name!r}; use one of: {', '.join([*FORMATS, 'auto'])}")


def _results(options: CheckOptions, settings: Settings) -> Iterator[FileResult]:
    results = _checked(options, settings)
    if settings.section("links").get("external"):
        # External URLs are checked once per run across all files, then merged into each result.
        from artlint.links.external.run import attach

        results = attach(results, settings)
    return results


def _checked(options: CheckOptions, settings: Settings) -> Iterator[FileResult]:
    for path in options.paths:
        if path == "-":
            name = options.stdin_filename or "<stdin>"
            yield check_bytes(sys.stdin.buffer.read(), name, settings, options.debug)
    paths = [p for p in options.paths if p != "-"]
    if paths:
        from artlint.runner import check_files

        yield from check_files(list(expand(paths, settings)), settings, options.debug, options.jobs)


def run_check(options: CheckOptions) -> int:
    _validate_formats(options.output_format)
    settings = build_settings(options)
    from artlint.schema import load as schema

    schema.preload(settings)
    if options.fix or options.diff:
        from artlint.commands.fix import run_fix

        return run_fix(options, settings)
    try:
        return report(options, settings)
    except PathError as exc:
        print(f"artlint: {exc}", file=sys.stderr)
        return 2


def _open_output(options: CheckOptions) -> TextIO:
    if options.output is None:
        return sys.stdout
    return open(options.output, "w", encoding="utf-8")  # closed by the caller


def report(
    options: CheckOptions,
    settings: Settings,
    results: Iterable[FileResult] | None = None,
    stream: TextIO | None = None,
) -> int:
    """Report `results` (default: check the files of `options`) and return the exit code."""
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
        for result in _results(options, settings) if results is None else results:
            files += 1
            crashed = crashed or result.crashed
            for d in result.diagnostics:
                counts[(d.code, d.name)] += 1
                severities[str(d.severity)] += 1
                if d.code != INTERNAL_CODE:
                    worst = max(worst, _failing(d.severity, settings.strict))
            if not options.statistics:
                reporter.file(result)
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


def _failing(severity: Severity, strict: bool) -> int:
    return 1 if severity >= Severity.ERROR or strict else 0
