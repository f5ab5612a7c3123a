"""What `artlint check` was asked to do, shared by checking, fixing and reporting."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class CheckOptions(NamedTuple):
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
    flavor: str | None = None  # --flavor: every file's Markdown flavour, over the detected one
    jobs: int | None = None  # worker processes; None: one for a few files, every core for many
    shard: tuple[int, int] | None = None  # (i, n): check only the i-th of n stable parts
    changed_since: str | None = None  # a git ref: check what changed since, and its linkers
    verify_with: str | None = None  # --fix: judge with this real engine
    encoding: str | None = None  # a codec name or "auto", over the settings' encoding
