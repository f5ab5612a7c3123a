"""The [links] table read into a typed, validated configuration for the online checker."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artlint.config.loading import ConfigError, Settings
from artlint.links.external.settings import EXTERNAL

_ENV = re.compile(r"\$(\w+)|\$\{(\w+)\}")


@dataclass(frozen=True)
class ExternalConfig:
    """Defaults as in EXTERNAL, so code (and tests) building one directly gets the same values."""

    timeout: float = EXTERNAL["timeout"]
    connect_timeout: float = EXTERNAL["connect_timeout"]
    concurrency: int = EXTERNAL["concurrency"]
    per_host: int = EXTERNAL["per_host"]
    spacing: float = EXTERNAL["spacing"]
    retries: int = EXTERNAL["retries"]
    backoff: float = EXTERNAL["backoff"]
    max_retry_after: float = EXTERNAL["max_retry_after"]
    max_redirects: int = EXTERNAL["max_redirects"]
    accepted: frozenset[int] = frozenset(range(200, 300))
    exclude: tuple[re.Pattern[str], ...] = ()
    # host -> header -> value, with $VARIABLES already taken from the environment
    headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    unverifiable_is_error: bool = EXTERNAL["unverifiable_is_error"]
    cache: bool = EXTERNAL["cache"]
    cache_dir: Path | None = None
    cache_max_age_days: float = EXTERNAL["cache_max_age_days"]
    allow_private: bool = EXTERNAL["allow_private"]
    user_agent: str = EXTERNAL["user_agent"]

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
    raw = {**EXTERNAL, **settings.section("links")}
    where = "[links]"
    cache_dir = _str(raw, "cache_dir", where)
    return ExternalConfig(
        timeout=_number(raw, "timeout", where),
        connect_timeout=_number(raw, "connect_timeout", where),
        concurrency=max(1, _int(raw, "concurrency", where)),
        per_host=max(1, _int(raw, "per_host", where)),
        spacing=_number(raw, "spacing", where),
        retries=_int(raw, "retries", where),
        backoff=_number(raw, "backoff", where),
        max_retry_after=_number(raw, "max_retry_after", where),
        max_redirects=_int(raw, "max_redirects", where),
        accepted=parse_statuses(raw["accepted_status"], where),
        exclude=_patterns(raw["exclude"], where),
        headers=_headers(raw["headers"], where),
        unverifiable_is_error=bool(raw["unverifiable_is_error"]),
        cache=bool(raw["cache"]),
        cache_dir=_folder(cache_dir, settings.root) if cache_dir else None,
        cache_max_age_days=_number(raw, "cache_max_age_days", where),
        allow_private=bool(raw["allow_private"]),
        user_agent=_str(raw, "user_agent", where),
    )


def parse_statuses(value: Any, where: str) -> frozenset[int]:
    """Status codes from 200, "200", "200-299" or "2xx"."""
    if not isinstance(value, list):
        raise ConfigError(f"{where} accepted_status: expected a list, got {value!r}")
    codes: set[int] = set()
    for item in value:
        text = str(item).strip().lower()
        if re.fullmatch(r"[1-5]xx", text):
            first = int(text[0]) * 100
            codes.update(range(first, first + 100))
        elif m := re.fullmatch(r"(\d{3})\s*-\s*(\d{3})", text):
            codes.update(range(int(m[1]), int(m[2]) + 1))
        elif re.fullmatch(r"\d{3}", text):
            codes.add(int(text))
        else:
            raise ConfigError(f"{where} accepted_status: cannot read {item!r} (use 200, '200-299' or '2xx')")
    return frozenset(codes)


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} exclude: expected a list of regular expressions")
    try:
        return tuple(re.compile(v) for v in value)
    except re.error as exc:
        raise ConfigError(f"{where} exclude: invalid regular expression {exc.pattern!r}: {exc}") from None


def _headers(value: Any, where: str) -> dict[str, dict[str, str]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where} headers: expected a table of host = {{ header = value }}")
    result: dict[str, dict[str, str]] = {}
    for host, table in value.items():
        if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f"{where} headers.{host}: expected a table of header = \"value\"")
        expanded = {name: _expand(v) for name, v in table.items()}
        # A header whose variable is unset is left out rather than sent half-filled.
        result[str(host)] = {k: v for k, v in expanded.items() if v is not None}
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


def _number(raw: Mapping[str, Any], key: str, where: str) -> float:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{where} {key}: expected a number of at least 0, got {value!r}")
    return float(value)


def _int(raw: Mapping[str, Any], key: str, where: str) -> int:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where} {key}: expected a whole number of at least 0, got {value!r}")
    return value


def _str(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw[key]
    if not isinstance(value, str):
        raise ConfigError(f"{where} {key}: expected a string, got {value!r}")
    return value
