"""The run-wide online link check: every unique http(s) URL of every file, checked once.

`attach` is called by `artlint check --external`: it gathers the results of all files, asks
for a verdict on each URL (good ones may come from the cache), and adds LK201-LK204
diagnostics to each file's result, honouring rule selection and inline directives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from artlint.api import FileResult
from artlint.config.loading import Settings
from artlint.links.external.config import ExternalConfig, from_settings
from artlint.links.external.report import (
    CODES,
    NAMES,
    UNVERIFIABLE,
    diagnostic,
)
from artlint.links.external.verdict import Verdict
from artlint.links.external.verdicts import verdicts_for
from artlint.lint.engine import apply_directives, selected_rules
from artlint.model.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from aiohttp.abc import AbstractResolver


def attach(
    results: Iterable[FileResult], settings: Settings, resolver: AbstractResolver | None = None
) -> Iterator[FileResult]:
    """Add the online verdicts to each result; a bad [links] setting is raised here, at once."""
    config = from_settings(settings)
    return _attach(results, settings, config, resolver)


def _attach(
    results: Iterable[FileResult],
    settings: Settings,
    config: ExternalConfig,
    resolver: AbstractResolver | None,
) -> Iterator[FileResult]:
    collected = list(results)
    plans = [severities(settings, config, r.path) for r in collected]
    wanted: dict[str, None] = {}  # a dict keeps first-seen order, so runs are reproducible
    for result, plan in zip(collected, plans, strict=True):
        for link in result.links:
            url = request_url(link.url)
            if url and plan and not config.excluded(link.url) and not _silenced(result, link.line, plan):
                wanted[url] = None
    verdicts = verdicts_for(list(wanted), config, resolver) if wanted else {}
    for result, plan in zip(collected, plans, strict=True):
        if plan:
            _merge(result, plan, verdicts, config)
        yield result


def severities(settings: Settings, config: ExternalConfig, path: str) -> dict[str, Severity]:
    """The online-check rules selected for a file, each with the severity it reports at."""
    chosen: dict[str, Severity] = {}
    for rule, configured in selected_rules(settings, path):
        if rule.code in CODES:
            chosen[rule.code] = configured.severity or rule.severity
            if rule.code == UNVERIFIABLE and config.unverifiable_is_error and not configured.severity:
                chosen[rule.code] = Severity.ERROR
    return chosen


def request_url(url: str) -> str | None:
    """The URL to request for a link (its fragment dropped), or None when it is not http(s)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), fragment=""))


def _merge(
    result: FileResult, plan: Mapping[str, Severity], verdicts: Mapping[str, Verdict], config: ExternalConfig
) -> None:
    found: list[Diagnostic] = []
    # A reference link is reported at its definition, where the URL is written (and fixed).
    defined = {link.url for link in result.links if link.kind == "definition"}
    for link in result.links:
        if link.kind == "reference" and link.url in defined:
            continue
        url = request_url(link.url)
        verdict = verdicts.get(url) if url else None
        if verdict is None or config.excluded(link.url):
            continue
        made = diagnostic(result, link, verdict, plan)
        if made is not None:
            found.append(made)
    if found:
        merged = result.diagnostics + apply_directives(found, result.directives)
        # A key, not Diagnostic's own order: that order refuses to compare subclasses (RuleCrash).
        result.diagnostics = sorted(merged, key=lambda d: (d.path, d.line, d.column, d.code))


def _silenced(result: FileResult, line: int, plan: Mapping[str, Severity]) -> bool:
    """Whether directives silence every selected online rule on this line: then skip the request."""
    if not result.directives:
        return False
    probes = [Diagnostic(result.path, line, 1, code, NAMES[code], sev, "") for code, sev in plan.items()]
    return not apply_directives(probes, result.directives)
