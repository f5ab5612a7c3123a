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
    """`options` with what was left open taken from the source file's site.

    A Jekyll post is read as kramdown reads it and, unless another flavour is asked for, written
    for kramdown too. A file of no site is read as the output's flavour, GFM unless asked. The
    real engine that verifies (`--verify-with`) gets the site's own settings (a Hugo site's
    markup.goldmark: unsafe, typographer, attributes, heading ids), and a Hugo site that drops
    raw HTML (renderer.unsafe off) has the HTML left in the output reported.
    """
    from artlint import site as sites

    site = sites.detect(source)
    if site.kind == "none":
        if options.flavor and options.source_flavor:
            return options
        return replace(options, flavor=options.flavor or "gfm")
    flavor = site.flavor_for(source)
    changes: dict[str, Any] = {
        "flavor": options.flavor or flavor.name, "source_flavor": options.source_flavor or flavor.name,
        "excerpt_separator": site.excerpt_separator,
    }
    if options.verify_with and not options.engine_options:
        import json

        from artlint.engines.choose import settings_for

        settings = settings_for(flavor, options.verify_with)
        if settings:
            changes["engine_options"] = json.dumps(settings, sort_keys=True, default=str)
    if changes["flavor"] == flavor.name and flavor.engine == "goldmark" and not flavor.raw_html:
        changes["drops_html"] = f"markup.goldmark.renderer.unsafe is off in {site.config}"
    return replace(options, **changes)


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

    wanted: dict[Options, list[str]] = {}  # by the options that choose the renderer

    for item, given in items:
        if item.skipped or item.error:
            continue
        try:
            options = for_source(job.options, item.source)
            if _renderer(options) is None:
                continue
            bodies = wanted.setdefault(
                replace(options, flavor="", source_flavor="", drops_html="", excerpt_separator=""), []
            )

            def record(given_bodies: Any, into: list[str] = bodies) -> list[str]:
                into.extend(given_bodies)
                return ["" for _ in given_bodies]

            text, target, source = _request(job, item, given)
            pipeline.convert(text, item.relative, target, options, source, force=job.force,
                             renderer=record)
        except Exception:  # the real run reports it, with its file
            continue
    for options, bodies in wanted.items():
        render = _renderer(options)
        if render is not None:
            render(bodies)


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
