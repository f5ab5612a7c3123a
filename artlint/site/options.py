"""Validate `flavor` and the [site] table of the configuration (exit 2 on a bad value)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from artlint.config.values import ConfigError
from artlint.site.settings import UNPUBLISHED


def check_flavor(value: Any, where: str) -> str | None:
    from artlint.flavors import NAMES

    if value is None:
        return None
    if not isinstance(value, str) or value not in NAMES:
        raise ConfigError(f"{where}: unknown flavor {value!r}; valid flavors: {', '.join(NAMES)}")
    return value


def check_site_settings(flavor: Any, site: Mapping[str, Any], source: str) -> str | None:
    unpublished = site.get("unpublished", "check")
    if unpublished not in UNPUBLISHED:
        raise ConfigError(
            f"{source}: [site] unpublished must be one of {', '.join(UNPUBLISHED)}, not {unpublished!r}"
        )
    static = site.get("static", [])
    if not all(isinstance(p, str) for p in static):
        raise ConfigError(f"{source}: [site] static must be a list of folder names")
    return check_flavor(flavor, f"{source}: flavor")
