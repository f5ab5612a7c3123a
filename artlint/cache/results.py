"""Findings per file, kept between runs in `.artlint_cache/` at the project root.

An entry is reused only when everything its findings came from is unchanged: the file's bytes,
the settings (the whole Settings, so per-file overrides, flavours and link settings are in it),
artlint's version and code, the bytes of the schemas, and every answer a cross-file check got
from outside the file (folder listings, a linked file's anchors, permalinks, the site configuration
found for the file's folder; see model/reads.py),
which are asked again and compared. Entries are JSON (never pickle: a foreign file must not run
code), one file per checked file, written through a temporary file and a rename, so workers and
concurrent runs never see half an entry; one that does not read back exactly is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artlint.model import reads
from artlint.model.diagnostics import Diagnostic, Edit, Fix, Severity
from artlint.model.document import Directive, Link
from artlint.parsing.parse import DecodeError

if TYPE_CHECKING:
    from artlint.api import FileResult
    from artlint.config.loading import Settings

FOLDER = ".artlint_cache"
RESULTS = "results"
FORMAT = "artlint-results-2"
_HASH_SIZE = 20


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=_HASH_SIZE).hexdigest()


def folder_for(settings: Settings) -> Path:
    return settings.root / FOLDER


def _code_fingerprint() -> str:
    """artlint's version and its modules' sizes and times: a changed rule invalidates entries."""
    from artlint import __version__

    package = Path(__file__).resolve().parents[1]
    parts = [__version__]
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return _hash("\n".join(parts).encode())


def _schema_fingerprint(settings: Settings) -> str:
    """The bytes of every schema the settings can pick, built in or named by path."""
    from artlint.schema.load import builtin_dir

    refs = {settings.schema, *(s for _, s in settings.schemas), *(o.schema for o in settings.overrides)}
    paths = sorted(builtin_dir().glob("*.schema.json"))
    for ref in refs:
        if isinstance(ref, str) and ref:
            path = Path(ref) if Path(ref).is_absolute() else settings.root / ref
            if path.is_file():
                paths.append(path)
    digest = hashlib.blake2b(digest_size=_HASH_SIZE)
    for path in paths:
        digest.update(str(path).encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    # repr of the frozen dataclasses is deterministic: tuples, paths and dicts in file order.
    text = "\n".join((FORMAT, repr(settings), _code_fingerprint(), _schema_fingerprint(settings)))
    return _hash(text.encode("utf-8", "surrogatepass"))


def check_path(path: str, settings: Settings, debug: bool, cache: ResultCache) -> FileResult:
    """`api.check_file`, noting what the check read outside the file and keeping the result."""
    from artlint.api import check_bytes, check_file, oversized

    try:
        with open(path, "rb") as handle:
            if oversized(path, os.fstat(handle.fileno()).st_size, settings) is not None:
                return check_file(path, settings, debug)
            data = handle.read()
    except OSError:
        return check_file(path, settings, debug)  # reports why it cannot be read
    with reads.recording() as seen:
        result = check_bytes(data, path, settings, debug)
    cache.store(path, data, result, seen)
    return result


def _revalidators() -> dict[str, Callable[..., Any]]:
    from artlint import site
    from artlint.links.local import anchors, fs, permalinks

    return {
        "listing": fs.listing,
        "folder": fs.is_folder,
        "anchors": anchors.file_anchors,
        "permalink": permalinks.permalink_file,
        "site": site.stamp,
    }


class ResultCache:
    """Entries of one run's settings; picklable, so worker processes store what they check."""

    def __init__(self, settings: Settings) -> None:
        self.root = settings.root
        self.folder = folder_for(settings) / RESULTS
        self.fingerprint = settings_fingerprint(settings)
        self._ready = False

    def _entry(self, real: str) -> Path:
        name = _hash(f"{self.fingerprint}\0{real}".encode("utf-8", "surrogatepass"))
        return self.folder / name[:2] / f"{name}.json"

    # Reading --------------------------------------------------------------------------------

    def lookup(self, path: str) -> FileResult | None:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        return self.load(path, data)

    def load(self, path: str, data: bytes) -> FileResult | None:
        """The cached result of `path` with these bytes, or None (a miss, or an entry not trusted)."""
        real = os.path.realpath(path)
        entry = self._entry(real)
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            stored = json.loads(raw)
            if not (isinstance(stored, dict) and stored.get("format") == FORMAT
                    and stored.get("settings") == self.fingerprint
                    and stored.get("bytes") == _hash(data)
                    and stored.get("path") == real):
                return None
            if not _still_true(stored["reads"]):
                return None
            return _result(path, data, stored)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            # Corrupt, truncated by a crash, or written by something else: never trusted.
            with contextlib.suppress(OSError):
                entry.unlink()
            return None

    # Writing --------------------------------------------------------------------------------

    def store(self, path: str, data: bytes, result: FileResult, seen: list[reads.Read]) -> None:
        if result.crashed:
            return  # a crash may be fixed by the next version; never replay it
        fixes: dict[Fix, int] = {}  # findings of one file often share a fix; each is kept once
        real = os.path.realpath(path)
        stored = {
            "format": FORMAT,
            "settings": self.fingerprint,
            "path": real,
            "bytes": _hash(data),
            "reads": [[kind, list(args), answer] for kind, args, answer in seen],
            "diagnostics": [_diagnostic(d, fixes) for d in result.diagnostics],
            "fixes": [_fix(f) for f in fixes],
            "links": [_fields(link) for link in result.links],
            "directives": [[d.action, list(d.rules), d.line] for d in result.directives],
        }
        entry = self._entry(real)
        try:
            self._prepare(entry.parent)
            _write_atomic(entry, json.dumps(stored, ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # a read-only checkout still gets its findings; only the reuse is lost

    def _prepare(self, folder: Path) -> None:
        if not self._ready:
            ensure_folder(self.folder.parent)
            self._ready = True
        folder.mkdir(parents=True, exist_ok=True)


def ensure_folder(folder: Path) -> None:
    """The cache folder, with a .gitignore that keeps all of it out of version control."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        _write_atomic(ignore, "# Automatically created by artlint.\n*\n")


def clear(settings: Settings) -> int:
    """Remove every result entry; returns how many there were."""
    import shutil

    results = folder_for(settings) / RESULTS
    removed = sum(1 for _ in results.rglob("*.json")) if results.is_dir() else 0
    shutil.rmtree(results, ignore_errors=True)
    return removed


def _write_atomic(path: Path, text: str) -> None:
    from artlint.text.files import write_bytes

    write_bytes(path, text.encode("utf-8"), durable=False)


def _still_true(seen: list[list[Any]]) -> bool:
    if not seen:
        return True
    again = _revalidators()
    for kind, args, answer in seen:
        ask = again.get(kind)
        if ask is None:
            return False
        with reads.recording():  # asking again must not count as a read of the file being checked
            now = ask(*args)
        if reads.digest(now) != answer:
            return False
    return True


def _diagnostic(d: Diagnostic, fixes: dict[Fix, int]) -> list[Any]:
    fix = 0 if d.fix is None else fixes.setdefault(d.fix, len(fixes) + 1)
    return [d.line, d.column, d.code, d.name, int(d.severity), d.message, d.end_line, d.end_column,
            d.pointer, fix]


def _fix(fix: Fix) -> list[Any]:
    return [[[e.start, e.end, e.text] for e in fix.edits], fix.description, fix.safe]


def _fields(link: Link) -> list[Any]:
    return [link.url, link.kind, link.line, link.column, link.start, link.end, link.element,
            link.attribute, link.text]


def _result(path: str, data: bytes, stored: dict[str, Any]) -> FileResult:
    from artlint.api import FileResult

    diagnostics = []
    severities = {int(s): s for s in Severity}
    fixes: list[Fix | None] = [None]
    for edits, description, safe in stored["fixes"]:
        changes = tuple(Edit(int(s), int(e), str(t)) for s, e, t in edits)
        fixes.append(Fix(changes, str(description), bool(safe)))
    for row in stored["diagnostics"]:
        line, column, code, name, severity, message, end_line, end_column, pointer, fix = row
        restored = fixes[fix]
        if not (isinstance(line, int) and isinstance(column, int) and isinstance(message, str)):
            raise ValueError("not an artlint entry")
        diagnostics.append(Diagnostic(
            path, line, column, code, name, severities[severity], message,
            end_line, end_column, pointer, restored,
        ))
    links = [Link(*fields) for fields in stored["links"]]
    directives = [Directive(str(a), tuple(r), int(n)) for a, r, n in stored["directives"]]
    try:
        text: str | None = document_text(data)
    except DecodeError:
        text = None  # the entry holds the file-unreadable finding
    return FileResult(path, diagnostics, text, links, directives)


def document_text(data: bytes) -> str:
    """The text a Document parsed from `data` holds (what reporters quote lines from)."""
    from artlint.text.decode import decode, newline_style

    text = decode(data)[0]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r", "\n") if newline_style(text) == "\r" else text
