"""Defaults of the external (online) link settings, part of the [links] table."""

from __future__ import annotations

from typing import Any

EXTERNAL: dict[str, Any] = {"external": False, "cache": True, "allow_private": False}
