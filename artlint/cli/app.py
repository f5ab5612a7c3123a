"""The command line: parse options, call one function, turn its outcome into an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from artlint import __version__
from artlint.cli.params import LeanCommand, LeanGroup

app = typer.Typer(
    name="artlint",
    cls=LeanGroup,
    help="Lint, fix and convert Markdown articles with front matter and HTML inside.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
REPORT_URL = "https://github.com/artlint/artlint/issues"

Selectors = Annotated[
    list[str] | None,
    typer.Option(help="Rule codes, names or prefixes, comma-separated or repeated."),
]


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"artlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Lint, fix and convert Markdown articles with front matter and HTML inside."""


@app.command(cls=LeanCommand)
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders or globs; - for stdin.")] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, github, sarif, or auto.")
    ] = "auto",
    config: Annotated[Path | None, typer.Option(help="Use this configuration file.")] = None,
    select: Selectors = None,
    extend_select: Selectors = None,
    ignore: Selectors = None,
    schema: Annotated[
        str | None, typer.Option(help="Front-matter schema: a path, a built-in name, or 'none'.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to the files.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, also apply styling-only fixes.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show what --fix would change; write nothing.")
    ] = False,
    external: Annotated[
        bool | None, typer.Option("--external/--no-external", help="Also check external URLs.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the link cache.")
    ] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow requests to private and loopback addresses.")
    ] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name to report (and match config globs) for stdin.")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print a count per rule instead of each finding.")
    ] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to a file.")] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour text output.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    jobs: Annotated[
        str,
        typer.Option(
            "--jobs", "-j", metavar="N",
            help="Worker processes: a number, or auto (one for a few files, every core for many).",
        ),
    ] = "auto",
) -> None:
    """Check articles: front matter, inline style and HTML, links."""
    from artlint.commands.check import CheckOptions, run_check
    from artlint.runner import parse_jobs

    try:
        workers = parse_jobs(jobs)
    except ValueError as exc:
        raise typer.BadParameter(str(exc).removeprefix("--jobs: "), param_hint="'--jobs'") from None

    options = CheckOptions(
        paths=tuple(paths or ["."]),
        output_format=output_format,
        config=config,
        select=_split(select),
        extend_select=_split(extend_select),
        ignore=_split(ignore),
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
        jobs=workers,
    )
    raise typer.Exit(run_check(options))


@app.command(cls=LeanCommand)
def rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every rule with its code, name, default severity and fix availability."""
    from artlint.commands.rules import list_rules

    raise typer.Exit(list_rules(output_format))


@app.command(cls=LeanCommand)
def explain(code: Annotated[str, typer.Argument(help="A rule code or name.")]) -> None:
    """Print a rule's documentation: what it does, why, an example, the fix, options."""
    from artlint.commands.rules import explain_rule

    raise typer.Exit(explain_rule(code))


def _register_extra_commands() -> None:
    # Command groups of their own modules, each registering on the app.
    from artlint.cli import cache as cli_links
    from artlint.cli import convert as cli_convert

    cli_convert.register(app)
    cli_links.register(app)


_register_extra_commands()


def main() -> NoReturn:
    """Entry point: no traceback reaches a user; exit codes are 0, 1, 2 and 3."""
    from artlint.config.loading import ConfigError

    try:
        app()  # handles usage errors itself (exit 2)
    except ConfigError as exc:
        print(f"artlint: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        print("artlint: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        _crash(exc)
    sys.exit(EXIT_CLEAN)


def _crash(exc: Exception) -> NoReturn:
    if "--debug" in sys.argv:
        import traceback

        traceback.print_exc()
    print(
        f"artlint: internal error: {type(exc).__name__}: {exc}\n"
        f"This is a bug in artlint {__version__}; please report it at {REPORT_URL} "
        "with the command you ran (add --debug for the traceback).",
        file=sys.stderr,
    )
    sys.exit(EXIT_INTERNAL)
