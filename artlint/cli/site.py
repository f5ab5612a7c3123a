"""The `site` command: what artlint detected for a path, and from which file."""

from __future__ import annotations

from pathlib import Path

import click

from artlint.cli.params import PATH, finish


def register(group: click.Group) -> None:
    group.add_command(site)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "-f", "output_format", default="text", show_default=True, help="text or json.")
@click.option("--config", type=PATH, help="Use this configuration file.")
@click.option("--flavor", help="Report as if this flavour were configured.")
def site(paths: tuple[str, ...], output_format: str, config: Path | None, flavor: str | None) -> None:
    """Print each path's site: generator, configuration file, flavour, root, static folders and
    whether the generator publishes the file."""
    from artlint.commands.site import show_site

    finish(show_site(paths or (".",), output_format, config, flavor))
