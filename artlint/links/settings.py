"""Defaults of the [links] settings table; config.py checks user keys against these."""

from __future__ import annotations

from typing import Any

from artlint.links.external_settings import EXTERNAL

# Offline checking: local files, anchors, front-matter URL fields.
OFFLINE: dict[str, Any] = {}

DEFAULTS: dict[str, Any] = {**OFFLINE, **EXTERNAL}
