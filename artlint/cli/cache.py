"""The `cache` command group (link cache); the work is in artlint.links."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

ConfigOption = Annotated[Path | None, typer.Option("--config", help="Use this configuration file.")]
FolderOption = Annotated[
    Path | None, typer.Option("--cache-dir", help="The cache folder (default: from [links] cache_dir).")
]


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="cache",
        help="Inspect or clear the cache of external link results.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.command("info")(info)
    group.command("clear")(clear)
    app.add_typer(group)


def info(config: ConfigOption = None, cache_dir: FolderOption = None) -> None:
    """Print where the link cache is and how many results it holds."""
    from artlint.links.external.cache import CacheError, LinkCache

    path = _existing(config, cache_dir)
    try:
        with LinkCache(path.parent) as cache:
            total, fresh, oldest, newest = cache.stats()
    except CacheError as exc:
        typer.echo(f"artlint: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"path: {path}")
    typer.echo(f"entries: {total} ({fresh} fresh)")
    typer.echo(f"size: {path.stat().st_size} bytes")
    typer.echo(f"oldest: {_when(oldest)}")
    typer.echo(f"newest: {_when(newest)}")


def clear(config: ConfigOption = None, cache_dir: FolderOption = None) -> None:
    """Forget every cached link result, so the next --external run asks every URL again."""
    from artlint.links.external.cache import CacheError, LinkCache

    path = _existing(config, cache_dir)
    try:
        with LinkCache(path.parent) as cache:
            removed = cache.clear()
    except CacheError as exc:
        typer.echo(f"artlint: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"removed {removed} entries from {path}")


def _existing(config: Path | None, cache_dir: Path | None) -> Path:
    """The cache file; when there is none yet, say so and stop (exit 0: nothing to do)."""
    from artlint.links.external.cache import FILE_NAME

    path = _folder(config, cache_dir) / FILE_NAME
    if not path.is_file():
        typer.echo(f"no link cache at {path}")
        raise typer.Exit(0)
    return path


def _folder(config: Path | None, cache_dir: Path | None) -> Path:
    if cache_dir is not None:
        return cache_dir
    from artlint.config.loading import ConfigError, load
    from artlint.links.external.cache import default_folder
    from artlint.links.external.config import from_settings

    if config is not None and not config.is_file():
        raise ConfigError(f"{config}: no such configuration file")
    return from_settings(load(config)).cache_dir or default_folder()


def _when(stamp: float | None) -> str:
    if stamp is None:
        return "-"
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
