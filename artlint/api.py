r"""The Python API: check a text or files and get diagnostics back (the CLI's own code path).

Check a text; `path` names it in diagnostics and picks per-glob settings:

    >>> from artlint import check_text
    >>> text = "---\ntitle: 2024\ndraft: no\n---\n본문\n"
    >>> for d in check_text(text, path="post.md"):
    ...     print(d.line, d.column, d.code, d.name, d.severity)
    2 8 FM003 schema-violation error
    3 8 FM005 implicit-type warning
    >>> check_text(text, path="post.md")[1].message
    "unquoted no became the boolean false (YAML 1.1); write 'no' for text or false for a boolean"

Without `settings`, the configuration is found as the CLI finds it (`.artlint.toml` or
`[tool.artlint]` in `pyproject.toml`, walking up from the current folder). Pass your own:

    >>> from artlint.config.loading import Settings
    >>> check_text(text, path="post.md", settings=Settings(ignore=("FM005",)))[0].code
    'FM003'
    >>> from artlint.api import settings_for
    >>> settings = settings_for()  # or settings_for("path/to/.artlint.toml")

Check files and folders; results come one file at a time, and a bad file never stops the rest:

    >>> import pathlib, tempfile
    >>> from artlint import check_paths
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.md").write_text("---\ntitle: 안녕\n---\n", encoding="utf-8")
    >>> _ = (folder / "b.md").write_text("---\ncategories: 뉴스, 일상\n---\n", encoding="utf-8")
    >>> for result in check_paths([str(folder)], Settings(root=folder, select=("FM",))):
    ...     print(pathlib.Path(result.path).name, [(d.line, d.code) for d in result.diagnostics])
    a.md []
    b.md [(1, 'FM003'), (2, 'FM003')]

Each Diagnostic has path, line, column (1-based, in characters), end_line, end_column, code,
name, severity, message, pointer (JSON pointer into the front matter) and fix;
`Diagnostic.to_dict()` gives the JSON report's form.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from artlint.config.loading import ConfigError, Settings, load
from artlint.discovery.walk import expand
from artlint.lint import engine
from artlint.model.diagnostics import INTERNAL_CODE, INTERNAL_NAME, Diagnostic, Severity
from artlint.model.document import Document, Link
from artlint.model.results import FileResult as FileResult  # its home is model.results
from artlint.parsing.parse import parse, parse_bytes
from artlint.rules.base import Rule
from artlint.text.decode import DecodeError

UNREADABLE_CODE = "AL001"
UNREADABLE_NAME = "file-unreadable"
TOO_LARGE_CODE = "AL002"
TOO_LARGE_NAME = "file-too-large"


def settings_for(config: str | Path | None = None) -> Settings:
    """The settings of `config` (default: the file found from the working directory), checked."""
    from artlint.lint.selection import validated

    return validated(load(Path(config) if config else None))


def check_text(
    text: str, path: str = "<text>", settings: Settings | None = None
) -> list[Diagnostic]:
    settings = settings or settings_for()
    from artlint import site as sites

    site = sites.for_file(path, settings)
    doc = parse(text, path, flavor=site.flavor_for(path), site=site, limits=settings.limits)
    return engine.check_document(doc, settings)


def check_file(
    path: str, settings: Settings, debug: bool = False, rules: Sequence[Rule] | None = None
) -> FileResult:
    try:
        with open(path, "rb") as handle:
            skipped = oversized(path, os.fstat(handle.fileno()).st_size, settings)
            if skipped is not None:
                return skipped
            data = handle.read()
    except OSError as exc:
        return FileResult(path, [_unreadable(path, f"cannot read: {exc.strerror or exc}", 1, 1)])
    return check_bytes(data, path, settings, debug, rules)


def oversized(path: str, size: int, settings: Settings) -> FileResult | None:
    """The one diagnostic of a file over `max-file-size`, which is not read at all; else None."""
    limit = settings.max_file_size
    if not limit or size <= limit:
        return None
    from artlint.config.values import format_size

    message = (
        f"skipped: the file is {format_size(size)}, over max-file-size ({format_size(limit)}); "
        f'to check it, raise the limit, e.g. max-file-size = "{_suggest(size)}" in .artlint.toml '
        "(0: no limit)"
    )
    found = Diagnostic(path, 1, 1, TOO_LARGE_CODE, TOO_LARGE_NAME, Severity.WARNING, message)
    return FileResult(path, [found])


def _suggest(size: int) -> str:
    return f"{-(-size // (1024 * 1024)) + 1}MB"


def check_bytes(
    data: bytes, path: str, settings: Settings, debug: bool = False, rules: Sequence[Rule] | None = None
) -> FileResult:
    """`rules`: the rules to choose from (default: the registry)."""
    skipped = oversized(path, len(data), settings)
    if skipped is not None:
        return skipped
    try:
        from artlint import site as sites

        site = sites.for_file(path, settings)
        encoding = settings.encoding_for(path)
        doc = parse_bytes(data, path, site.flavor_for(path), site, encoding, settings.limits)
    except DecodeError as exc:
        return FileResult(path, [_unreadable(path, str(exc), exc.line, exc.column)])
    except ConfigError:
        raise  # a broken site configuration stops the run (exit 2)
    except Exception as exc:  # a parser bug on one file must not stop the others
        if debug:
            import traceback

            traceback.print_exc()
        message = f"cannot parse the file: {type(exc).__name__}: {exc}"
        code, name = INTERNAL_CODE, INTERNAL_NAME
        return FileResult(path, [engine.RuleCrash(path, 1, 1, code, name, Severity.ERROR, message)])
    diagnostics = engine.check_document(doc, settings, debug, rules)
    result = FileResult(path, diagnostics, doc.text, external_candidates(doc, settings), doc.directives)
    if site.root is not None:
        fields = doc.front_matter.data if doc.front_matter is not None else None
        published, why = site.publication(path, fields)
        result.unpublished = "" if published else why
    return result


def external_candidates(doc: Document, settings: Settings) -> list[Link]:
    """The links the run-wide external check needs; only collected when that check is on."""
    if not settings.links.external:
        return []
    from artlint.links.collect import all_links

    return all_links(doc, settings)


def check_paths(
    paths: Sequence[str], settings: Settings | None = None, debug: bool = False
) -> Iterator[FileResult]:
    """Check every file under `paths`; one bad file never stops the others."""
    settings = settings or settings_for()
    for path in expand(paths, settings):
        yield check_file(path, settings, debug)


def _unreadable(path: str, message: str, line: int, column: int) -> Diagnostic:
    return Diagnostic(path, line, column, UNREADABLE_CODE, UNREADABLE_NAME, Severity.ERROR, message)
