"""`artlint convert`: check the request, plan the files, run them, summarise, report."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artlint.config.loading import ConfigError, Settings
from artlint.convert import summary
from artlint.convert.options import ConvertError, Options
from artlint.convert.paths import Item, expand, safe_relative
from artlint.convert.work import Job
from artlint.text.files import AtomicFile, sync_folders

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
TARGETS = ("markdown", "blog", "json", "jsonl")
SOURCES = ("blog", "markdown", "json")


@dataclass(frozen=True)
class Request:
    sources: tuple[str, ...]
    to: str
    source_format: str | None = None
    out: Path | None = None
    in_place: bool = False
    dry_run: bool = False
    check: bool = False
    jobs: int | None = None
    force: bool = False
    report: Path | None = None
    config: Path | None = None
    quiet: bool = False
    cli_options: tuple[tuple[str, Any], ...] = ()
    encoding: str | None = None  # a codec name or "auto", over the settings' encoding


class UsageError(Exception):
    pass


def run(request: Request) -> int:
    try:
        job, entries, jobs = _plan(request)
    except (UsageError, ConvertError, ConfigError, ValueError) as exc:
        print(f"artlint convert: {exc}", file=sys.stderr)
        return EXIT_USAGE
    tally = summary.Tally()
    jsonl = _JsonlWriter(request) if request.to == "jsonl" else None
    written: set[str] = set()  # folders of the files written, synced once each at the end

    def on_result(result: dict[str, Any]) -> None:
        tally.add(result, request.report is not None)
        if result["status"] == "converted" and result["output"]:
            written.add(os.path.dirname(result["output"]))
        if job.mode == "print" and "text" in result:
            sys.stdout.write(result.pop("text"))
        if jsonl is not None and "line" in result:
            jsonl.add(result.pop("line"))
        elif not request.quiet and result["status"] in ("failed", "error"):
            summary.print_problem(result)

    from artlint.convert import archive

    if job.mode == "write":
        _remove_stale(request, entries)
    if job.options.verify_with == "hugo" and job.options.verify:
        from artlint.convert.work import prefetch

        jobs = 1  # one process, so one hugo build serves every file
        prefetch(job, entries)
    try:
        archive.run(job, entries, jobs, on_result)
    except BaseException:
        if jsonl is not None:
            jsonl.abort()
        raise
    finally:
        sync_folders(written)
    if jsonl is not None:
        jsonl.finish(tally, job.mode)
    summary.print_summary(tally, job.mode, quiet=request.quiet)
    if request.report is not None:
        data = tally.report(request.to)
        from artlint.text.files import write_bytes

        if request.report.suffix.lower() in (".html", ".htm"):
            from artlint.reporters.html import convert_report

            write_bytes(request.report, convert_report(data).encode("utf-8"))
        else:
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            write_bytes(request.report, text.encode("utf-8"))
    failed = tally.failed or (request.check and tally.changed)
    return EXIT_FAILED if failed else EXIT_OK


def _plan(request: Request) -> tuple[Job, list[tuple[Item, str | None]], int]:
    from artlint.config import loading as config

    if request.to not in TARGETS:
        raise UsageError(f"--to must be one of {', '.join(TARGETS)}, not {request.to!r}")
    if request.source_format is not None and request.source_format not in SOURCES:
        raise UsageError(f"--from must be one of {', '.join(SOURCES)}, not {request.source_format!r}")
    if request.in_place and request.out is not None:
        raise UsageError("--in-place and --out cannot be used together")
    if request.in_place and request.to not in ("markdown", "blog"):
        raise UsageError("--in-place needs --to markdown or --to blog (the file keeps its name)")
    if not request.sources:
        raise UsageError("name at least one file or folder to convert")
    from artlint.lint.selection import validated

    settings = validated(config.load(request.config))  # a typo in the file is an error here too
    if request.encoding is not None:
        settings = settings.with_cli(encoding=request.encoding)
    cli = dict(request.cli_options)
    if settings.verify == "engine" and settings.verify_with and "verify_with" not in cli:
        cli["verify_with"] = settings.verify_with  # verify-with in the configuration
    options = Options.from_settings(settings.convert, **cli)
    if options.verify_with and options.verify:
        from artlint import engines

        if not engines.available(options.verify_with):
            name = options.verify_with
            raise UsageError(str(engines.EngineMissing(name, engines.why_missing(name))))
    options = dataclasses.replace(options, max_nesting=settings.limits.nesting)
    entries = _entries(list(request.sources), settings)
    mode = "check" if request.check else "dry-run" if request.dry_run else "write"
    if request.out is None and not request.in_place and mode == "write":
        if request.to == "jsonl" or (len(entries) == 1 and not Path(request.sources[0]).is_dir()):
            mode = "print"
        else:
            raise UsageError("converting several files needs --out DIR or --in-place")
    jobs = request.jobs if request.jobs is not None else settings.convert.jobs
    out = str(request.out) if request.out is not None and request.to != "jsonl" else None
    job = Job(request.to, request.source_format, options, out, request.in_place, mode, request.force)
    return job, entries, jobs


def _remove_stale(request: Request, entries: list[tuple[Item, str | None]]) -> None:
    """Temporary files of an earlier run that was killed, where this run writes."""
    from artlint.text.files import remove_stale

    folders: set[str] = set()
    if request.in_place:
        folders.update(str(Path(item.source).parent) for item, _ in entries)
    elif request.out is not None and request.out.is_dir():
        out = request.out
        folders.add(str(out))
        folders.update(str(out / Path(item.relative).parent) for item, _ in entries)
    if request.to == "jsonl" and request.out is not None:
        folders.add(str(request.out.parent))
    remove_stale(folders)


def _entries(sources: list[str], settings: Settings) -> list[tuple[Item, str | None]]:
    """Files to convert; a .jsonl archive becomes one entry per article."""
    from artlint.convert.jsondoc import loads

    entries: list[tuple[Item, str | None]] = []
    for item in expand(sources, settings):
        item = dataclasses.replace(item, encoding=settings.encoding_for(item.source))
        if not item.source.lower().endswith(".jsonl") or item.skipped:
            entries.append((item, None))
            continue
        try:
            with open(item.source, encoding="utf-8") as handle:
                documents = loads(handle.read(), item.source)
        except (OSError, UnicodeError, ConvertError) as exc:  # one bad archive stops nothing else
            entries.append((Item(item.source, item.relative, error=str(exc)), None))
            continue
        for number, document in enumerate(documents, 1):
            name = str(document.get("path") or f"{Path(item.relative).stem}-{number}.md")
            try:
                relative = safe_relative(name).as_posix()
            except ConvertError as exc:
                problem = f"{item.source}:{number}: {exc}"
                entries.append((Item(item.source, name, number, error=problem), None))
                continue
            entries.append((Item(item.source, relative, number), json.dumps(document, ensure_ascii=False)))
    return entries


class _JsonlWriter:
    """Articles go to a temporary file as they come; os.replace puts it in place at the end."""

    def __init__(self, request: Request) -> None:
        import io

        self.target = request.out
        self.buffer = io.StringIO() if request.check or request.dry_run or self.target is None else None
        self.handle: AtomicFile | None = None
        if self.buffer is None and self.target is not None:
            self.handle = AtomicFile(self.target)

    def add(self, line: str) -> None:
        if self.handle is not None:
            self.handle.write((line + "\n").encode("utf-8"))
        elif self.target is None:
            sys.stdout.write(line + "\n")
        elif self.buffer is not None:
            self.buffer.write(line + "\n")

    def abort(self) -> None:
        if self.handle is not None:
            self.handle.abort()

    def finish(self, tally: summary.Tally, mode: str) -> None:
        if self.handle is not None:
            self.handle.commit()
        elif self.buffer is not None and self.target is not None:
            try:
                existing = self.target.read_text(encoding="utf-8")
            except OSError:
                existing = None
            tally.changed += existing != self.buffer.getvalue()
