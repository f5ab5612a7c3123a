"""The program's entry point: a plain `artlint check PATH...` starts the check without click.

pre-commit starts artlint for each batch of changed files, and importing click and declaring
every command is a fifth of such a run. A command line of `check` followed only by paths (none
starting with "-") and the plain on/off flags below means exactly what click would make of it,
so it goes straight to the check. Anything else (any other option, --help, a path starting with
"-", `--`, shell completion) goes through click in artlint.cli.app, which gives help and usage
errors. Both ways end the same: the exit codes and messages below, and click's own for an
interrupt or a closed pipe.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NoReturn

from artlint import __version__

if TYPE_CHECKING:
    from artlint.commands.options import CheckOptions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
REPORT_URL = "https://github.com/artlint/artlint/issues"

# The check's flags (click `is_flag` options, no value) and the CheckOptions field each sets.
FLAGS = {
    "--strict": "strict",
    "--exit-zero": "exit_zero",
    "--fix": "fix",
    "--unsafe-fixes": "unsafe_fixes",
    "--diff": "diff",
    "--no-cache": "no_cache",
    "--allow-private": "allow_private",
    "--statistics": "statistics",
    "--debug": "debug",
}


def plain_check(args: list[str]) -> tuple[tuple[str, ...], set[str]] | None:
    """(paths, fields the flags set) for `check` with only paths and FLAGS; None for anything else."""
    if os.name == "nt" or not args or args[0] != "check" or "_ARTLINT_COMPLETE" in os.environ:
        return None  # click expands wildcards on Windows, and answers shell completion
    paths: list[str] = []
    flags: set[str] = set()
    for arg in args[1:]:
        if arg in FLAGS:
            flags.add(FLAGS[arg])
        elif arg.startswith("-"):
            return None
        else:
            paths.append(arg)
    return tuple(paths) or (".",), flags


def main() -> NoReturn:
    """Entry point: no traceback reaches a user; exit codes are 0, 1, 2 and 3."""
    from artlint.config.values import ConfigError

    try:
        plain = plain_check(sys.argv[1:])
        if plain is None:
            from artlint.cli.app import app

            app.main(prog_name="artlint")  # usage errors: click prints them and exits 2
        else:
            sys.exit(_run_plain(*plain))
    except ConfigError as exc:
        print(f"artlint: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        print("artlint: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        _crash(exc)
    sys.exit(EXIT_CLEAN)


def plain_options(paths: tuple[str, ...], flags: set[str]) -> CheckOptions:
    """The options click would pass for these paths and flags (all else at its defaults)."""
    from artlint.commands.options import CheckOptions

    return CheckOptions(
        paths=paths,
        strict="strict" in flags,
        exit_zero="exit_zero" in flags,
        fix="fix" in flags,
        unsafe_fixes="unsafe_fixes" in flags,
        diff="diff" in flags,
        no_cache="no_cache" in flags,
        allow_private="allow_private" in flags,
        statistics="statistics" in flags,
        debug="debug" in flags,
    )


def _run_plain(paths: tuple[str, ...], flags: set[str]) -> int:
    from artlint.runner import lean_collector

    lean_collector()  # before the imports of the check, as the click command does
    from artlint.commands.check import run_check

    try:
        return run_check(plain_options(paths, flags))
    except (EOFError, KeyboardInterrupt):
        # What click does: close the terminal's ^C echo with a blank line, then "Aborted!".
        print(file=sys.stderr)
        print("Aborted!", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`artlint check x.md | head`): as click, exit 1 without a word,
        # and keep the interpreter's final flush from failing on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


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
