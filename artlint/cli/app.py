"""The command line: parse options, call one function, turn its outcome into an exit code.

Options are declared with click directly: its public API is all we need, and it starts faster
than a layer on top of it. Each command imports its work only when it runs. The program starts
in artlint.cli.entry, which sends a plain `check PATH...` past click and everything else here.
"""

from __future__ import annotations

from pathlib import Path

import click

from artlint import __version__
from artlint.cli.params import PATH, finish

SELECTOR_HELP = "Rule codes, names or prefixes, comma-separated or repeated."


def split_selectors(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Repeated and comma-separated selectors as one tuple; None when the option was not given."""
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@click.group(
    name="artlint",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Lint, fix and convert Markdown articles with front matter and HTML inside.",
)
@click.version_option(__version__, "--version", prog_name="artlint", message="%(prog)s %(version)s",
                      help="Print the version.")
def app() -> None:
    pass


@app.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "-f", "output_format", default="auto", show_default=True,
              help="text, json, github, sarif, html, or auto.")
@click.option("--config", type=PATH, help="Use this configuration file.")
@click.option("--select", multiple=True, help=SELECTOR_HELP)
@click.option("--extend-select", multiple=True, help=SELECTOR_HELP)
@click.option("--ignore", multiple=True, help=SELECTOR_HELP)
@click.option("--schema", help="Front-matter schema: a path, a built-in name, or 'none'.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply styling-only fixes.")
@click.option("--diff", is_flag=True, help="Show what --fix would change; write nothing.")
@click.option("--external/--no-external", default=None, help="Also check external URLs.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result and link caches.")
@click.option("--allow-private", is_flag=True, help="Allow requests to private and loopback addresses.")
@click.option("--stdin-filename", help="Name to report (and match config globs) for stdin.")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of each finding.")
@click.option("--output", "-o", type=PATH, help="Write the report to a file.")
@click.option("--color/--no-color", default=None, help="Colour text output.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option("--verify-with", type=click.Choice(["kramdown", "hugo", "cmark-gfm"]),
              help="With --fix or --diff, judge each fix with this installed engine.")
@click.option("--flavor", help="Markdown flavour of every file (commonmark, gfm, kramdown, goldmark, mdx); "
              "default: detected from each file's site.")
@click.option("--jobs", "-j", default="auto", metavar="N",
              help="Worker processes: a number, or auto (one for a few files, every core for many).")
@click.option("--shard", metavar="I/N",
              help="Check only the I-th of N stable parts of the files (a CI matrix).")
@click.option("--changed-since", metavar="REF",
              help="Check files changed since a git ref, untracked ones, and the files linking to them.")
@click.option("--encoding", metavar="NAME|auto",
              help="Read files that are not UTF-8 in this encoding (cp949, euc-kr, ...), or detect it.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    config: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    schema: str | None,
    strict: bool,
    exit_zero: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    external: bool | None,
    no_cache: bool,
    allow_private: bool,
    stdin_filename: str | None,
    statistics: bool,
    output: Path | None,
    color: bool | None,
    debug: bool,
    flavor: str | None,
    jobs: str,
    shard: str | None,
    changed_since: str | None,
    verify_with: str | None,
    encoding: str | None,
) -> None:
    """Check articles: front matter, inline style and HTML, links."""
    from artlint.runner import lean_collector, parse_jobs

    lean_collector()  # before the imports of the check, which make many objects that live on
    from artlint.commands.check import CheckOptions, run_check

    try:
        workers = parse_jobs(jobs)
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix("--jobs: "), param_hint="'--jobs'") from None
    part = None
    if shard is not None:
        from artlint.commands.scope import parse_shard

        try:
            part = parse_shard(shard)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="'--shard'") from None

    options = CheckOptions(
        paths=paths or (".",),
        output_format=output_format,
        config=config,
        select=split_selectors(select),
        extend_select=split_selectors(extend_select),
        ignore=split_selectors(ignore),
        schema=schema,
        strict=strict,
        exit_zero=exit_zero,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        external=external,
        no_cache=no_cache,
        allow_private=allow_private,
        stdin_filename=stdin_filename,
        statistics=statistics,
        output=output,
        color=color,
        debug=debug,
        flavor=flavor,
        jobs=workers,
        shard=part,
        changed_since=changed_since,
        verify_with=verify_with,
        encoding=encoding,
    )
    finish(run_check(options))


@app.command()
@click.option("--format", "-f", "output_format", default="text", show_default=True, help="text or json.")
def rules(output_format: str) -> None:
    """List every rule with its code, name, default severity and fix availability."""
    from artlint.commands.rules import list_rules

    finish(list_rules(output_format))


@app.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation: what it does, why, an example, the fix, options."""
    from artlint.commands.rules import explain_rule

    finish(explain_rule(code))


@app.command()
def lsp() -> None:
    """Run the language server on standard input and output (for editors)."""
    from artlint.lsp.server import serve

    serve()


def _register_extra_commands() -> None:
    # Commands declared in modules of their own, each adding itself to the group.
    from artlint.cli import cache, convert, site

    convert.register(app)
    cache.register(app)
    site.register(app)


_register_extra_commands()
