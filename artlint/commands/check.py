"""`artlint check`: options to Settings, files to results, results to a reporter and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from artlint.commands.options import CheckOptions
from artlint.commands.report import report
from artlint.commands.scope import scoped
from artlint.config.loading import ConfigError, Settings, load
from artlint.discovery.walk import PathError, expand

if TYPE_CHECKING:
    from artlint.cache.results import ResultCache
    from artlint.model.results import FileResult
    from artlint.rules.base import Rule

# A re-run answered from the result cache loads neither the parser nor the rules: the engine
# (artlint.api) is imported where a file is really checked.

__all__ = ["CheckOptions", "build_settings", "run_check"]


def build_settings(options: CheckOptions, rules: Sequence[Rule] | None = None) -> Settings:
    from artlint.lint.selection import check_selectors, validated

    if options.config is not None and not options.config.is_file():
        raise ConfigError(f"{options.config}: no such configuration file")
    settings = validated(load(options.config), rules)
    for given in (options.select, options.extend_select, options.ignore):
        check_selectors(given or (), "command line", rules)
    ignore = settings.ignore + (options.ignore or ())
    extend = settings.extend_select + (options.extend_select or ())
    schema: str | bool | None = options.schema
    if options.schema is not None and options.schema.lower() in ("none", "false", "off"):
        schema = False
    links = settings.links
    if options.external is not None:
        links = links._replace(external=options.external)
    if options.no_cache:
        links = links._replace(cache=False)
    if options.allow_private:
        links = links._replace(allow_private=True)
    if options.flavor is not None:
        from artlint.site.options import check_flavor

        check_flavor(options.flavor, "--flavor")
    return settings.with_cli(
        flavor=options.flavor,
        select=options.select,
        extend_select=extend,
        ignore=ignore,
        schema=schema,
        strict=options.strict or settings.strict,
        links=links,
        cache=False if options.no_cache else None,
        verify="engine" if options.verify_with else None,
        verify_with=options.verify_with,
        encoding=options.encoding,
    )


def _validate_formats(name: str) -> None:
    from artlint.reporters import FORMATS

    if name not in (*FORMATS, "auto"):
        raise ConfigError(f"unknown format {name!r}; use one of: {', '.join([*FORMATS, 'auto'])}")


def _results(
    options: CheckOptions, settings: Settings, rules: Sequence[Rule] | None
) -> Iterator[FileResult]:
    results = _checked(options, settings, rules)
    if settings.links.external:
        # External URLs are checked once per run across all files, then merged into each result.
        from artlint.links.external.run import attach

        results = attach(results, settings)
    return results


def _checked(
    options: CheckOptions, settings: Settings, rules: Sequence[Rule] | None
) -> Iterator[FileResult]:
    for path in options.paths:
        if path == "-":
            from artlint.api import check_bytes

            name = options.stdin_filename or "<stdin>"
            yield check_bytes(sys.stdin.buffer.read(), name, settings, options.debug, rules)
    paths = [p for p in options.paths if p != "-"]
    if paths and rules is not None:
        from artlint.api import check_file

        # Rules given by the caller may not survive the trip to a worker process.
        for path in expand(paths, settings):
            yield check_file(path, settings, options.debug, rules)
    elif paths:
        from artlint.runner import check_files

        files = list(expand(paths, settings))
        from artlint.site.preflight import preflight

        # A broken site configuration is one error before any file is checked (exit 2).
        files = scoped(preflight(files, settings), options, settings)
        yield from check_files(files, settings, options.debug, options.jobs, _result_cache(settings))


def _result_cache(settings: Settings) -> ResultCache | None:
    if not settings.cache:
        return None
    from artlint.cache.results import ResultCache

    return ResultCache(settings)


def _cached_run(options: CheckOptions, settings: Settings, rules: Sequence[Rule] | None) -> bool:
    """Whether every file goes through the result cache (then the schemas load only on a miss)."""
    reads_stdin = "-" in options.paths
    return settings.cache and rules is None and not reads_stdin and not (options.fix or options.diff)


def run_check(options: CheckOptions, rules: Sequence[Rule] | None = None) -> int:
    """Check (or fix) what `options` name; `rules`: the rules to choose from (default: the registry)."""
    _validate_formats(options.output_format)
    settings = build_settings(options, rules)
    if not _cached_run(options, settings, rules):
        from artlint.schema import load as schema

        # A bad schema stops the run once, before the first file (with the result cache on, the
        # worker pool does this when a file is not answered from the cache).
        schema.preload(settings)
    if options.fix or options.diff:
        from artlint.commands.fix import run_fix

        return run_fix(options, settings, rules)
    try:
        return report(options, settings, _results(options, settings, rules))
    except PathError as exc:
        print(f"artlint: {exc}", file=sys.stderr)
        return 2
