"""The online checker's configuration: the [links] values (checked on loading), with header
variables taken from the environment and the cache folder resolved."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from artlint.config.loading import LinksSettings, Settings

_DEFAULT = LinksSettings()
_ENV = re.compile(r"\$(\w+)|\$\{(\w+)\}")


@dataclass(frozen=True)
class ExternalConfig:
    """Defaults as in LinksSettings, so code (and tests) building one directly gets the same values."""

    timeout: float = _DEFAULT.timeout
    connect_timeout: float = _DEFAULT.connect_timeout
    concurrency: int = _DEFAULT.concurrency
    per_host: int = _DEFAULT.per_host
    spacing: float = _DEFAULT.spacing
    retries: int = _DEFAULT.retries
    backoff: float = _DEFAULT.backoff
    max_retry_after: float = _DEFAULT.max_retry_after
    max_redirects: int = _DEFAULT.max_redirects
    accepted: frozenset[int] = frozenset(range(200, 300))
    exclude: tuple[re.Pattern[str], ...] = ()
    # host -> header -> value, with $VARIABLES already taken from the environment
    headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    unverifiable_is_error: bool = _DEFAULT.unverifiable_is_error
    cache: bool = _DEFAULT.cache
    cache_dir: Path | None = None
    cache_max_age_days: float = _DEFAULT.cache_max_age_days
    allow_private: bool = _DEFAULT.allow_private
    user_agent: str = _DEFAULT.user_agent

    def excluded(self, url: str) -> bool:
        return any(p.search(url) for p in self.exclude)

    def headers_for(self, host: str) -> dict[str, str]:
        """Extra headers for one host; a "*.example.com" key also covers its subdomains."""
        found: dict[str, str] = {}
        host = host.lower().rstrip(".")
        for pattern, values in self.headers.items():
            pattern = pattern.lower()
            if host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:])):
                found.update(values)
        return found


def from_settings(settings: Settings) -> ExternalConfig:
    """The online checker's view of [links] (checked when the configuration loaded)."""
    links = settings.links
    return ExternalConfig(
        timeout=links.timeout,
        connect_timeout=links.connect_timeout,
        concurrency=links.concurrency,
        per_host=links.per_host,
        spacing=links.spacing,
        retries=links.retries,
        backoff=links.backoff,
        max_retry_after=links.max_retry_after,
        max_redirects=links.max_redirects,
        accepted=links.accepted_status,
        exclude=links.exclude,
        headers=expand_headers(links.headers),
        unverifiable_is_error=links.unverifiable_is_error,
        cache=links.cache,
        cache_dir=_folder(links.cache_dir, settings.root) if links.cache_dir else None,
        cache_max_age_days=links.cache_max_age_days,
        allow_private=links.allow_private,
        user_agent=links.user_agent,
    )


def expand_headers(headers: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """Headers with $VARIABLES taken from the environment; a header whose variable is unset is
    left out rather than sent half-filled."""
    result: dict[str, dict[str, str]] = {}
    for host, table in headers.items():
        expanded = {name: _expand(v) for name, v in table.items()}
        result[host] = {k: v for k, v in expanded.items() if v is not None}
    return result


def _expand(value: str) -> str | None:
    missing = False

    def one(m: re.Match[str]) -> str:
        nonlocal missing
        found = os.environ.get(m[1] or m[2])
        missing = missing or found is None
        return found or ""

    text = _ENV.sub(one, value)
    return None if missing else text


def _folder(value: str, root: Path) -> Path:
    path = Path(os.path.expandvars(value)).expanduser()
    return path if path.is_absolute() else root / path
