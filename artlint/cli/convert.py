"""The `convert` command's options; the work is in artlint.convert."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)


def convert(
    sources: Annotated[list[str], typer.Argument(help="Files or folders to convert.")],
    to: Annotated[str, typer.Option("--to", "-t", help="markdown, blog, json, or jsonl (one archive file).")],
    source_format: Annotated[
        str | None, typer.Option("--from", help="Input format (blog, markdown, json); detected by default.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (a file for jsonl).")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Replace each source file.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Convert and verify; write nothing.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if any output would change.")] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write even when verification finds differences.")
    ] = False,
    verify: Annotated[
        bool | None, typer.Option("--verify/--no-verify", help="Compare output with input.")
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write a JSON report to this file.")] = None,
    normalize_front_matter: Annotated[
        bool | None, typer.Option("--normalize-front-matter", help="Re-emit front matter from its data.")
    ] = None,
    tistory_markup: Annotated[
        bool | None, typer.Option("--tistory-markup", help="markdown -> blog: add Tistory editor markup.")
    ] = None,
    spans: Annotated[str | None, typer.Option(help="Coloured spans: text, drop, mark or emphasis.")] = None,
    iframes: Annotated[str | None, typer.Option(help="Iframes: html (sanitised) or link.")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this configuration file.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors of usage.")] = False,
) -> None:
    """Convert articles between the blog format, clean Markdown and JSON, verifying each."""
    from artlint.convert.command import Request, run

    cli_options = {
        "verify": verify,
        "normalize_front_matter": normalize_front_matter,
        "tistory_markup": tistory_markup,
        "spans": spans,
        "iframes": iframes,
    }
    request = Request(
        sources=tuple(sources), to=to, source_format=source_format, out=out, in_place=in_place,
        dry_run=dry_run, check=check, jobs=jobs, force=force, report=report, config=config, quiet=quiet,
        cli_options=tuple((k, v) for k, v in cli_options.items() if v is not None),
    )
    raise typer.Exit(run(request))
