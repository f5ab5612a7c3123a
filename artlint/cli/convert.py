"""The `convert` command's options; the work is in artlint.convert."""

from __future__ import annotations

from pathlib import Path

import click

from artlint.cli.params import PATH, finish


def register(group: click.Group) -> None:
    group.add_command(convert)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--to", "-t", required=True, help="markdown, blog, json, or jsonl (one archive file).")
@click.option("--from", "source_format", help="Input format (blog, markdown, json); detected by default.")
@click.option("--out", "-o", type=PATH, help="Output folder (a file for jsonl).")
@click.option("--in-place", is_flag=True, help="Replace each source file.")
@click.option("--dry-run", is_flag=True, help="Convert and verify; write nothing.")
@click.option("--check", is_flag=True, help="Exit 1 if any output would change.")
@click.option("--jobs", "-j", type=int, help="Worker processes (default: all cores).")
@click.option("--force", is_flag=True, help="Write even when verification finds differences.")
@click.option("--verify/--no-verify", default=None, help="Compare output with input.")
@click.option("--report", type=PATH, help="Write a JSON report to this file.")
@click.option("--normalize-front-matter", is_flag=True, default=None,
              help="Re-emit front matter from its data.")
@click.option("--tistory-markup", is_flag=True, default=None,
              help="markdown -> blog: add Tistory editor markup.")
@click.option("--spans", help="Coloured spans: text, drop, mark or emphasis.")
@click.option("--iframes", help="Iframes: html (sanitised) or link.")
@click.option("--flavor", help="Write Markdown for this engine (gfm, kramdown, goldmark, ..., or portable).")
@click.option("--verify-with", type=click.Choice(["kramdown", "hugo", "cmark-gfm"]),
              help="Judge the output with this installed engine instead of the model.")
@click.option("--config", type=PATH, help="Use this configuration file.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors of usage.")
@click.option("--encoding", metavar="NAME|auto",
              help="Read sources that are not UTF-8 in this encoding, or detect it; output is UTF-8.")
def convert(
    sources: tuple[str, ...],
    to: str,
    source_format: str | None,
    out: Path | None,
    in_place: bool,
    dry_run: bool,
    check: bool,
    jobs: int | None,
    force: bool,
    verify: bool | None,
    report: Path | None,
    normalize_front_matter: bool | None,
    tistory_markup: bool | None,
    spans: str | None,
    iframes: str | None,
    flavor: str | None,
    verify_with: str | None,
    config: Path | None,
    quiet: bool,
    encoding: str | None,
) -> None:
    """Convert articles between the blog format, clean Markdown and JSON, verifying each."""
    from artlint.convert.command import Request, run

    cli_options = {
        "verify": verify,
        "normalize_front_matter": normalize_front_matter,
        "tistory_markup": tistory_markup,
        "spans": spans,
        "iframes": iframes,
        "flavor": flavor,
        "verify_with": verify_with,
    }
    request = Request(
        sources=sources, to=to, source_format=source_format, out=out, in_place=in_place,
        dry_run=dry_run, check=check, jobs=jobs, force=force, report=report, config=config, quiet=quiet,
        encoding=encoding,
        cli_options=tuple((k, v) for k, v in cli_options.items() if v is not None),
    )
    finish(run(request))
