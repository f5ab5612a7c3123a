"""The `cache` command group (link cache); the work is in artlint.links."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from artlint.cli.params import PATH, finish


def register(group: click.Group) -> None:
    group.add_command(cache)


@click.group()
def cache() -> None:
    """Inspect or clear the caches: per-file results (.artlint_cache/) and external link results."""


config_option = click.option("--config", type=PATH, help="Use this configuration file.")
folder_option = click.option(
    "--cache-dir", type=PATH, help="The cache folder (default: from [links] cache_dir)."
)


@cache.command()
@config_option
@folder_option
def info(config: Path | None, cache_dir: Path | None) -> None:
    """Print where the link cache is and how many results it holds."""
    from artlint.links.external.cache import CacheError, LinkCache

    path = _existing(config, cache_dir)
    try:
        with LinkCache(path.parent) as cache:
            total, fresh, oldest, newest = cache.stats()
    except CacheError as exc:
        click.echo(f"artlint: {exc}", err=True)
        finish(2)
    click.echo(f"path: {path}")
    click.echo(f"entries: {total} ({fresh} fresh)")
    click.echo(f"size: {path.stat().st_size} bytes")
    click.echo(f"oldest: {_when(oldest)}")
    click.echo(f"newest: {_when(newest)}")


@cache.command()
@config_option
@folder_option
def clear(config: Path | None, cache_dir: Path | None) -> None:
    """Forget every cached result: the next run checks every file, and --external asks every URL."""
    from artlint.cache.results import clear as clear_results
    from artlint.cache.results import folder_for
    from artlint.config.loading import ConfigError, load
    from artlint.links.external.cache import FILE_NAME, CacheError, LinkCache

    if config is not None and not config.is_file():
        raise ConfigError(f"{config}: no such configuration file")
    settings = load(config)
    click.echo(f"removed {clear_results(settings)} file results from {folder_for(settings)}")
    path = _folder(config, cache_dir) / FILE_NAME
    if not path.is_file():
        click.echo(f"no link cache at {path}")
        finish(0)
    try:
        with LinkCache(path.parent) as cache:
            removed = cache.clear()
    except CacheError as exc:
        click.echo(f"artlint: {exc}", err=True)
        finish(2)
    click.echo(f"removed {removed} entries from {path}")


def _existing(config: Path | None, cache_dir: Path | None) -> Path:
    """The cache file; when there is none yet, say so and stop (exit 0: nothing to do)."""
    from artlint.links.external.cache import FILE_NAME

    path = _folder(config, cache_dir) / FILE_NAME
    if not path.is_file():
        click.echo(f"no link cache at {path}")
        finish(0)
    return path


def _folder(config: Path | None, cache_dir: Path | None) -> Path:
    if cache_dir is not None:
        return cache_dir
    from artlint.config.loading import ConfigError, load
    from artlint.links.external.cache import default_folder
    from artlint.links.external.config import from_settings
    from artlint.lint.selection import validated

    if config is not None and not config.is_file():
        raise ConfigError(f"{config}: no such configuration file")
    return from_settings(validated(load(config))).cache_dir or default_folder()


def _when(stamp: float | None) -> str:
    if stamp is None:
        return "-"
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
