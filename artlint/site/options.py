"""Validate a flavour name given in the configuration or on the command line (exit 2 when unknown)."""

from __future__ import annotations

from typing import Any

from artlint.config.values import ConfigError


def check_flavor(value: Any, where: str) -> str | None:
    from artlint.flavors import NAMES

    if value is None:
        return None
    if not isinstance(value, str) or value not in NAMES:
        raise ConfigError(f"{where}: unknown flavor {value!r}; valid flavors: {', '.join(NAMES)}")
    return value
