"""Findings per file, kept between runs in `.artlint_cache/` at the project root.

An entry is reused only when everything its findings came from is unchanged: the file's bytes,
the settings (the whole Settings, so per-file overrides, flavours and link settings are in it),
artlint's version and code, Python's version, the bytes of the schemas, and every answer a
cross-file check got from outside the file (folder listings, a linked file's anchors,
permalinks, the site configuration found for the file's folder; see
model/reads.py), which are asked again and compared.

Entries live in `results/<settings>/`, one folder per settings fingerprint, one file per checked
file, written through a temporary file and a rename, so workers and concurrent runs never see
half an entry. An entry is a JSON line (what the reuse is judged on, the counts per severity, the
lengths of the parts), then the findings as JSON, then the text reporter's lines for the file:
a re-run of an unchanged tree prints those lines and the counts without reading the findings
back into objects, and without loading the parser or the rules. Entries are never pickle (a
foreign file must not run code); one whose lengths or checksum do not match is a miss, and is
removed.

Stale entries are swept after a run that checked something: the folders of all but the
KEEP_SETTINGS settings used most recently, folders of older formats, and (at most once per
SWEEP_EVERY) the entries of files that no longer exist.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artlint.model import reads
from artlint.model.diagnostics import Diagnostic, Edit, Fix, Severity
from artlint.model.results import FileResult, Tally
from artlint.text.decode import DecodeError

if TYPE_CHECKING:
    from artlint.config.loading import Settings
    from artlint.model.document import Directive, Link

FOLDER = ".artlint_cache"
RESULTS = "results"
FORMAT = "artlint-results-3"
KEEP_SETTINGS = 3  # settings folders kept: this run's and the two used most recently before it
SWEEP_EVERY = 24 * 3600  # seconds between looks for entries of files that are gone
USED = ".used"  # in a settings folder: touched by every run with those settings
SWEPT = ".swept"  # in results/: when files that are gone were last looked for
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
    parts = (FORMAT, sys.version, repr(settings), _code_fingerprint(), _schema_fingerprint(settings))
    text = "\n".join(parts)
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
        self.base = folder_for(settings) / RESULTS
        self.fingerprint = settings_fingerprint(settings)
        self.folder = self.base / self.fingerprint[:16]
        self.limit = settings.max_file_size
        self._ready = False
        self._folders: dict[str, str] = {}  # a folder's real path, asked once per folder

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_folders": {}}

    def _real(self, path: str) -> str:
        """os.path.realpath(path), resolving each folder once for all the files in it."""
        folder, name = os.path.split(os.path.abspath(path))
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder)
        real = os.path.join(real_folder, name)
        return os.path.realpath(real) if os.path.islink(real) else real

    def _entry(self, real: str) -> str:
        name = _hash(real.encode("utf-8", "surrogatepass"))
        return os.path.join(self.folder, name[:2], name)

    # Reading --------------------------------------------------------------------------------

    def lookup(self, path: str) -> FileResult | None:
        """The cached result of the file at `path`, or None (a miss, or an entry not trusted)."""
        try:
            with open(path, "rb") as handle:
                if self.limit and os.fstat(handle.fileno()).st_size > self.limit:
                    return None  # answered without reading it, never from the cache
                data = handle.read()
        except OSError:
            return None
        return self.load(path, data)

    def load(self, path: str, data: bytes) -> FileResult | None:
        """The cached result of `path` with these bytes, or None (a miss, or an entry not trusted)."""
        real = self._real(path)
        entry = self._entry(real)
        try:
            with open(entry, "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        try:
            stored = _parse(raw)
            head = stored.head
            if not (head["settings"] == self.fingerprint and head["bytes"] == _hash(data)
                    and head["path"] == real):
                return None
            if not _still_true(head["reads"]):
                return None
            return StoredResult(path, data, stored)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            # Corrupt, truncated by a crash, or written by something else: never trusted.
            with contextlib.suppress(OSError):
                os.unlink(entry)
            return None

    # Writing --------------------------------------------------------------------------------

    def store(self, path: str, data: bytes, result: FileResult, seen: list[reads.Read]) -> None:
        if result.crashed:
            return  # a crash may be fixed by the next version; never replay it
        from artlint.reporters.text import plain_blocks

        fixes: dict[Fix, int] = {}  # findings of one file often share a fix; each is kept once
        real = self._real(path)
        body = json.dumps({
            "diagnostics": [_diagnostic(d, fixes) for d in result.diagnostics],
            "fixes": [_fix(f) for f in fixes],
            "links": [_fields(link) for link in result.links],
            "directives": [[d.action, list(d.rules), d.line] for d in result.directives],
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        blocks: list[str] = []
        if all(d.path == path for d in result.diagnostics):
            blocks = plain_blocks(result)
        report = "".join(blocks)
        if len(blocks) == len(result.diagnostics):
            result.rendered = (result.diagnostics, report)  # the parent prints these as they are
        text = report.encode("utf-8", "surrogatepass")
        head = {
            "format": FORMAT,
            "settings": self.fingerprint,
            "path": real,
            "bytes": _hash(data),
            "reads": [[kind, list(args), answer] for kind, args, answer in seen],
            "tally": list(result.tally()),
            "unpublished": result.unpublished,
            # The lines were written for this path; a run naming the file otherwise swaps it in.
            "shown": path if len(blocks) == len(result.diagnostics) else None,
            "blocks": [len(b) for b in blocks],
            "sizes": [len(body), len(text)],
            "check": zlib.crc32(text, zlib.crc32(body)),
        }
        line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        entry = self._entry(real)
        try:
            self._prepare()
            _write_atomic(Path(entry), line + b"\n" + body + text)
        except OSError:
            pass  # a read-only checkout still gets its findings; only the reuse is lost

    def _prepare(self) -> None:
        if not self._ready:
            ensure_folder(self.base.parent)
            self._ready = True

    # Tidying --------------------------------------------------------------------------------

    def tidy(self, checked: bool) -> None:
        """Mark these settings used; after a run that `checked` files (not all answered from
        here), remove what no run will read again. Never fails a run."""
        with contextlib.suppress(OSError):
            os.utime(self.folder / USED)
        if not checked:
            return  # a run answered from the cache leaves everything as it is, and stays quick
        with contextlib.suppress(OSError):
            (self.folder / USED).touch()
            self._drop_unused_settings()
            swept = self.base / SWEPT
            if time.time() - _mtime(swept) >= SWEEP_EVERY:
                swept.touch()
                self._sweep()

    def _drop_unused_settings(self) -> None:
        kept: list[tuple[float, Path]] = []
        for child in self.base.iterdir():
            if child.name in (SWEPT,) or child == self.folder:
                continue
            if not child.is_dir() or not _is_settings_folder(child.name):
                _remove(child)  # written by an older format of the cache
                continue
            kept.append((_mtime(child / USED), child))
        kept.sort(reverse=True)
        for _, child in kept[KEEP_SETTINGS - 1:]:
            _remove(child)

    def _sweep(self) -> None:
        """Entries of files that no longer exist, and temporary files a killed run left."""
        now = time.time()
        for folder in self.folder.iterdir():
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                with contextlib.suppress(OSError):
                    if entry.name.endswith(".tmp"):
                        if now - entry.stat().st_mtime > 3600:
                            entry.unlink()
                        continue
                    with open(entry, "rb") as handle:
                        line = handle.readline()
                    try:
                        path = json.loads(line)["path"]
                    except (ValueError, TypeError, KeyError):
                        path = None
                    if not isinstance(path, str) or not os.path.exists(path):
                        entry.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _is_settings_folder(name: str) -> bool:
    return len(name) == 16 and all(c in "0123456789abcdef" for c in name)


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def ensure_folder(folder: Path) -> None:
    """The cache folder, with a .gitignore that keeps all of it out of version control."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        _write_atomic(ignore, b"# Automatically created by artlint.\n*\n")


def clear(settings: Settings) -> int:
    """Remove every result entry; returns how many there were."""
    import shutil

    results = folder_for(settings) / RESULTS
    removed = sum(1 for p in results.rglob("*") if _is_entry(p)) if results.is_dir() else 0
    shutil.rmtree(results, ignore_errors=True)
    return removed


def entries(settings: Settings) -> list[Path]:
    """Every result entry in the cache folder of `settings`, of any settings."""
    results = folder_for(settings) / RESULTS
    return sorted(p for p in results.rglob("*") if _is_entry(p)) if results.is_dir() else []


def _is_entry(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and not path.name.endswith(".tmp")


def _write_atomic(path: Path, data: bytes) -> None:
    from artlint.text.files import write_bytes

    write_bytes(path, data, durable=False)


class _Stored:
    """An entry read back: its head parsed, the findings and the lines still bytes."""

    __slots__ = ("body", "head", "text")

    def __init__(self, head: dict[str, Any], body: bytes, text: bytes) -> None:
        self.head = head
        self.body = body
        self.text = text


def _parse(raw: bytes) -> _Stored:
    end = raw.index(b"\n")
    head = json.loads(raw[:end])
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise ValueError("not an artlint entry")
    body_size, text_size = head["sizes"]
    start = end + 1
    if not (isinstance(body_size, int) and isinstance(text_size, int)
            and len(raw) == start + body_size + text_size):
        raise ValueError("truncated")
    body, text = raw[start:start + body_size], raw[start + body_size:]
    if zlib.crc32(text, zlib.crc32(body)) != head["check"]:
        raise ValueError("damaged")
    tally = head["tally"]
    if not (isinstance(tally, list) and len(tally) == len(Tally._fields)
            and all(isinstance(n, int) for n in tally)):
        raise ValueError("not an artlint entry")
    if not isinstance(head["unpublished"], str) or not isinstance(head["reads"], list):
        raise ValueError("not an artlint entry")
    return _Stored(head, body, text)


class StoredResult(FileResult):
    """A result read back from the cache. Its diagnostics, links and text are built when first
    asked for: the text reporter needs none of them, only the counts and the stored lines."""

    def __init__(self, path: str, data: bytes, stored: _Stored) -> None:
        # FileResult's fields are properties here; its __init__ would build them all.
        self.path = path
        self.unpublished = stored.head["unpublished"]
        self._data = data
        self._stored = stored
        self._fields: dict[str, Any] = {}
        self._changed = False  # diagnostics replaced (the run-wide link check adds some)

    def _body(self) -> None:
        body = json.loads(self._stored.body.decode("utf-8", "surrogatepass"))
        diagnostics, links, directives = _restore(self.path, body)
        self._fields.setdefault("diagnostics", diagnostics)
        self._fields.setdefault("links", links)
        self._fields.setdefault("directives", directives)

    def _get(self, name: str) -> Any:
        if name not in self._fields:
            self._body()
        return self._fields[name]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        value: list[Diagnostic] = self._get("diagnostics")
        return value

    @diagnostics.setter
    def diagnostics(self, value: list[Diagnostic]) -> None:
        self._fields["diagnostics"] = value
        self._changed = True

    @property
    def links(self) -> list[Link]:
        value: list[Link] = self._get("links")
        return value

    @links.setter
    def links(self, value: list[Link]) -> None:
        self._fields["links"] = value

    @property
    def directives(self) -> list[Directive]:
        value: list[Directive] = self._get("directives")
        return value

    @directives.setter
    def directives(self, value: list[Directive]) -> None:
        self._fields["directives"] = value

    @property
    def text(self) -> str | None:
        if "text" not in self._fields:
            try:
                self._fields["text"] = document_text(self._data)
            except DecodeError:
                self._fields["text"] = None  # the entry holds the file-unreadable finding
        value: str | None = self._fields["text"]
        return value

    @text.setter
    def text(self, value: str | None) -> None:
        self._fields["text"] = value

    @property
    def crashed(self) -> bool:
        return False if not self._changed else super().crashed

    def tally(self) -> Tally:
        if self._changed:
            return super().tally()
        return Tally(*self._stored.head["tally"])

    def plain_text_report(self) -> str | None:
        head = self._stored.head
        shown = head["shown"]
        if self._changed or shown is None:
            return None
        text = self._stored.text.decode("utf-8", "surrogatepass")
        if shown == self.path:
            return text
        # Every block starts with the path it was written for; this run names the file otherwise.
        parts: list[str] = []
        at, skip = 0, len(shown)
        for size in head["blocks"]:
            parts += (self.path, text[at + skip:at + size])
            at += size
        return "".join(parts)


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


def _restore(path: str, stored: dict[str, Any]) -> tuple[list[Diagnostic], list[Link], list[Directive]]:
    from artlint.model.document import Directive, Link

    diagnostics = []
    severities = {int(s): s for s in Severity}
    fixes: list[Fix | None] = [None]
    for edits, description, safe in stored["fixes"]:
        changes = tuple(Edit(int(s), int(e), str(t)) for s, e, t in edits)
        fixes.append(Fix(changes, str(description), bool(safe)))
    for row in stored["diagnostics"]:
        line, column, code, name, severity, message, end_line, end_column, pointer, fix = row
        diagnostics.append(Diagnostic(
            path, line, column, code, name, severities[severity], message,
            end_line, end_column, pointer, fixes[fix],
        ))
    links = [Link(*fields) for fields in stored["links"]]
    directives = [Directive(str(a), tuple(r), int(n)) for a, r, n in stored["directives"]]
    return diagnostics, links, directives


def document_text(data: bytes) -> str:
    """The text a Document parsed from `data` holds (what reporters quote lines from)."""
    from artlint.text.decode import decode, newline_style

    text = decode(data)[0]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r", "\n") if newline_style(text) == "\r" else text
