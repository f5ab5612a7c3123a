"""Convert one file and write its output: the unit of work a worker process runs.

Returns a small picklable dict, so the parent keeps only statuses, never file contents
(except the one line of a JSONL archive, written by the parent in order).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from artlint.convert.options import ConvertError, Options
from artlint.convert.paths import Item, output_path


@dataclass(frozen=True)
class Job:
    to: str  # markdown, blog, json or jsonl
    source_format: str | None
    options: Options
    out: str | None  # output folder; None with --in-place or when printing
    in_place: bool = False
    mode: str = "write"  # write, check, dry-run or print
    force: bool = False


def run_chunk(job: Job, items: list[tuple[Item, str | None]]) -> list[dict[str, Any]]:
    return [run_one(job, item, text) for item, text in items]


def run_one(job: Job, item: Item, text: str | None = None) -> dict[str, Any]:
    name = f"{item.source}:{item.line}" if item.line else item.source
    result: dict[str, Any] = {"path": name, "output": None, "status": "error", "differences": [],
                              "dropped": {}, "error": None}
    if item.skipped:
        result.update(status="skipped", error=item.skipped)
        return result
    if item.error:
        result["error"] = item.error
        return result
    try:
        _convert(job, item, text, result)
    except ConvertError as exc:
        message = str(exc)
        named = message.startswith((item.source, item.relative, name))
        result["error"] = message if named else f"{name}: {message}"
    except RecursionError:
        result["error"] = (f"{name}: not converted: nested too deeply to convert; "
                           "lower the max_nesting setting to refuse such files before trying")
    except (OSError, UnicodeError, ValueError) as exc:
        result["error"] = f"{name}: {type(exc).__name__}: {exc}"
    return result


def _read(path: str, encoding: str | None, result: dict[str, Any]) -> str:
    from artlint.text.decode import DecodeError
    from artlint.text.files import decode_bytes

    with open(path, "rb") as handle:
        data = handle.read()
    try:
        style = decode_bytes(data, encoding)
    except DecodeError as exc:
        raise ConvertError(f"{path}:{exc.line}:{exc.column}: {exc}") from None
    if style.transcoded:
        result["transcoded"] = style.encoding  # the output is UTF-8 whatever the source was
    return style.text


def _convert(job: Job, item: Item, text: str | None, result: dict[str, Any]) -> None:
    from artlint.convert import jsondoc, pipeline

    text, target, source = _request(job, item, text, result)
    options = for_source(job.options, item.source)
    outcome = pipeline.convert(text, item.relative, target, options, source, force=job.force,
                               renderer=_renderer(options))
    result.update(differences=outcome.differences, dropped=outcome.dropped)
    result["source_format"] = outcome.source_format
    if outcome.unstable:
        result["differences"] = [*outcome.differences, "converting the output again changes it"]
    if outcome.output is None:
        result["status"] = "failed"
        return
    if job.to == "jsonl":
        assert outcome.document is not None
        result.update(status="converted", line=jsondoc.dumps(outcome.document, line=True))
        return
    if job.mode == "print":
        result.update(status="converted", text=outcome.output)
        return
    # Without --out (in place, or --check/--dry-run of the sources) the source is the target.
    if job.in_place or job.out is None:
        path = Path(item.source)
    else:
        path = output_path(Path(job.out), item.relative, job.to)
    result["output"] = str(path)
    existing = _existing(path)
    if existing == outcome.output:
        result["status"] = "unchanged"
    elif job.mode in ("check", "dry-run"):
        result["status"] = "would-change"
    else:
        from artlint.text.files import write_bytes

        # The run syncs each folder once at the end (command.run), not once per file.
        write_bytes(path, outcome.output.encode("utf-8"), sync_folder=False)
        result["status"] = "converted"


def for_source(options: Options, source: str) -> Options:
    """`options` with the flavours left open taken from the source file's site.

    A Jekyll post is read as kramdown reads it and, unless another flavour is asked for, written
    for kramdown too. A file of no site is read as the output's flavour, GFM unless asked.
    """
    if options.flavor and options.source_flavor:
        return options
    from artlint import site as sites

    site = sites.detect(source)
    detected = site.flavor_for(source).name if site.kind != "none" else ""
    return replace(options, flavor=options.flavor or detected or "gfm",
                   source_flavor=options.source_flavor or detected)


def _request(
    job: Job, item: Item, text: str | None, result: dict[str, Any] | None = None
) -> tuple[str, str, str | None]:
    """The text to convert, the target format, and the source format (None: detected)."""
    source = job.source_format
    if text is None:
        text = _read(item.source, item.encoding, {} if result is None else result)
    elif source is None:
        source = "json"  # one line of a JSONL archive
    return text, "json" if job.to == "jsonl" else job.to, source


def prefetch(job: Job, items: list[tuple[Item, str | None]]) -> None:
    """Render every page the run's verification will ask the engine for, in one batch.

    For an engine that pays per batch (a hugo build): the conversions are run once to learn
    which pages verification renders, those are rendered together, and the real run finds them
    in the renderer's cache.
    """
    from artlint.convert import pipeline

    render = _renderer(job.options)
    if render is None:
        return
    wanted: list[str] = []

    def record(bodies: Any) -> list[str]:
        wanted.extend(bodies)
        return ["" for _ in bodies]

    for item, given in items:
        if item.skipped or item.error:
            continue
        try:
            text, target, source = _request(job, item, given)
            pipeline.convert(text, item.relative, target, job.options, source, force=job.force,
                             renderer=record)
        except Exception:  # the real run reports it, with its file
            continue
    render(wanted)


def _renderer(options: Options) -> Any:
    """The worker's renderer for `--verify-with` (its engine started once per process)."""
    if not options.verify_with or not options.verify:
        return None
    return _engine_renderer(options.verify_with, options.engine_options)


@functools.cache
def _engine_renderer(name: str, settings: str) -> Any:
    import json

    from artlint import engines

    return engines.renderer(name, json.loads(settings) if settings else None)


def _existing(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeError):
        return None
