"""`artlint check --fix / --diff`: fix each file, write or show the change, report what remains."""

from __future__ import annotations

import difflib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from artlint import api, engines
from artlint.commands.options import CheckOptions
from artlint.commands.report import report
from artlint.commands.scope import scoped
from artlint.config.loading import Settings
from artlint.discovery.walk import PathError, expand
from artlint.engines.choose import Verifiers, WrongEngine
from artlint.fix.loop import FixResult, fix_text
from artlint.model.diagnostics import INTERNAL_CODE, INTERNAL_NAME, Diagnostic, Severity
from artlint.rules.base import Rule
from artlint.text import files as textio
from artlint.text.decode import DecodeError


@dataclass
class Tally:
    fixed: int = 0  # problems fixed (or, with --diff, that would be)
    files: int = 0
    failed: bool = False  # a fix refused, a file not written, a file not readable
    said: set[str] = field(default_factory=set)  # messages already printed once in full


def run_fix(options: CheckOptions, settings: Settings, rules: Sequence[Rule] | None = None) -> int:
    try:
        paths = scoped(list(expand([p for p in options.paths if p != "-"], settings)), options, settings)
    except PathError as exc:
        print(f"artlint: {exc}", file=sys.stderr)
        return 2
    verifiers = Verifiers(settings.verify, settings.verify_with)
    try:
        verifiers.check_named()
    except engines.EngineMissing as exc:
        print(f"artlint: {exc}", file=sys.stderr)
        return 2
    if verifiers.active and len(paths) > 1:
        from artlint.fix.batch import prefetch

        prefetch(verifiers, paths, settings, options.unsafe_fixes)
    tally = Tally()
    if not options.diff:
        # Temporary files of an earlier run that was killed: recognised by name, removed.
        textio.remove_stale(os.path.dirname(p) or "." for p in paths)
    results = _results(options, settings, paths, tally, rules, verifiers)
    if settings.links.external and not options.diff:
        from artlint.links.external.run import attach

        results = attach(results, settings)
    if options.diff:
        code = max((3 if r.crashed else 0 for r in results), default=0)
        code = max(code, 1 if tally.files or tally.failed else 0)
    else:
        to_stdout = "-" in options.paths and options.output is None
        code = report(options, settings, results, sys.stderr if to_stdout else None)
        code = max(code, 1 if tally.failed else 0)
    from artlint.reporters import resolve_format

    if resolve_format(options.output_format) == "text":
        verb = "Would fix" if options.diff else "Fixed"
        print(f"{verb} {_count(tally.fixed, 'problem')} in {_count(tally.files, 'file')}", file=sys.stderr)
    return code


def _results(
    options: CheckOptions, settings: Settings, paths: list[str], tally: Tally, rules: Sequence[Rule] | None,
    verifiers: Verifiers | None = None,
) -> Iterator[api.FileResult]:
    if "-" in options.paths:
        data = sys.stdin.buffer.read()
        yield _one(options, settings, options.stdin_filename or "<stdin>", data, tally, rules, stdin=True,
                   verifiers=verifiers)
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            tally.failed = True
            yield _reported(api.check_file(path, settings, options.debug, rules), options)
            continue
        yield _one(options, settings, path, data, tally, rules, verifiers=verifiers)


def _one(
    options: CheckOptions, settings: Settings, path: str, data: bytes, tally: Tally,
    rules: Sequence[Rule] | None, stdin: bool = False, verifiers: Verifiers | None = None,
) -> api.FileResult:
    skipped = api.oversized(path, len(data), settings)
    if skipped is not None:
        if stdin:
            sys.stdout.buffer.write(data)  # a filter passes what it did not fix through unchanged
            sys.stdout.buffer.flush()
        return _reported(skipped, options)
    try:
        renderer = _renderer(verifiers, path, settings)
    except (engines.EngineMissing, WrongEngine) as exc:
        tally.failed = True
        said = str(exc)
        if isinstance(exc, engines.EngineMissing) and said in tally.said:
            said = f"the {exc.name} engine is not available (see above)"  # what to install: once
        tally.said.add(str(exc))
        _say(f"{path}: not fixed: {said}")
        if stdin:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return _reported(api.check_bytes(data, path, settings, options.debug, rules), options)
    try:
        style = textio.decode_bytes(data, settings.encoding_for(path))
    except DecodeError:
        tally.failed = True
        return _reported(api.check_bytes(data, path, settings, options.debug, rules), options)
    try:
        result = fix_text(style, path, settings, options.unsafe_fixes, options.debug, rules, renderer)
        _deliver(options, result, data, tally, stdin)
    except Exception as exc:  # one bad file never stops the others
        if options.debug:
            traceback.print_exc()
        message = f"fixing failed: {type(exc).__name__}: {exc}"
        crash = Diagnostic(path, 1, 1, INTERNAL_CODE, INTERNAL_NAME, Severity.ERROR, message)
        return _reported(api.FileResult(path, [crash], style.text), options)
    doc = result.document
    links = api.external_candidates(doc, settings)
    return api.FileResult(path, result.diagnostics, doc.text, links, doc.directives)


def _renderer(verifiers: Verifiers | None, path: str, settings: Settings) -> engines.Renderer | None:
    """The real engine that judges this file's fixes (None: the model); raises EngineMissing or
    WrongEngine when the file's site needs an engine that cannot judge it."""
    if verifiers is None or not verifiers.active:
        return None
    from artlint import site as sites

    site = sites.for_file(path, settings)
    return verifiers.renderer(site.flavor_for(path), site.config)


def _deliver(options: CheckOptions, result: FixResult, data: bytes, tally: Tally, stdin: bool) -> None:
    """Write, print or show the fixed text, and say what stopped a fix."""
    path = result.path
    if result.refused:
        tally.failed = True
        more = len(result.refused) - 3
        shown = "; ".join(result.refused[:3]) + (f"; and {more} more" if more > 0 else "")
        rules = ", ".join(result.withheld)
        _say(f"{path}: fixes of {rules} not applied, they would change what readers see: {shown}")
    if result.unsettled:
        _say(f"{path}: fixes kept changing the text ({', '.join(result.unsettled)}); stopped")
    if options.diff:
        if result.changed:
            sys.stdout.write(unified_diff(result.original.text, result.text, path))
            tally.fixed, tally.files = tally.fixed + result.fixed, tally.files + 1
        return
    if stdin:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.output() if result.changed else data)
        sys.stdout.buffer.flush()
    elif result.changed:
        try:
            textio.write_atomic(path, result.text, like=result.style)
        except OSError as exc:
            tally.failed = True
            _say(f"{path}: cannot write: {exc.strerror or exc}")
            return
        except UnicodeEncodeError as exc:
            tally.failed = True
            shown = exc.object[exc.start : exc.end]
            _say(f"{path}: not written: the fixed text has {shown!r}, which {exc.encoding} cannot hold")
            return
    if result.changed:
        tally.fixed, tally.files = tally.fixed + result.fixed, tally.files + 1


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff with a/ and b/ labels, marking a missing final newline as diff does."""
    label = os.path.normpath(path).replace(os.sep, "/").lstrip("/")
    lines = difflib.unified_diff(_lines(old), _lines(new), f"a/{label}", f"b/{label}")
    missing = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith("\n") else line + missing for line in lines)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)


def _reported(result: api.FileResult, options: CheckOptions) -> api.FileResult:
    # With --diff nothing is reported through the reporter, so errors go to stderr here.
    if options.diff:
        for d in result.diagnostics:
            _say(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}")
    return result


def _say(message: str) -> None:
    print(f"artlint: {message}", file=sys.stderr)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"
