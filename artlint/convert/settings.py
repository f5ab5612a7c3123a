"""Defaults of the [convert] settings table; config.py checks user keys against these."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {}
