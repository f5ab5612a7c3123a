"""Findings per file, kept between runs in `.artlint_cache/` at the project root.

An entry is reused only when everything its findings came from is unchanged: the file's bytes,
the settings (the whole Settings, so per-file overrides, flavours and link settings are in it),
artlint's version and code, Python's version, the bytes of the schemas, and every answer a
cross-file check got from outside the file (folder listings, a linked file's anchors,
permalinks, the site configuration found for the file's folder; see
model/reads.py), which are asked again and compared.

Entries live in one SQLite file, `results.sqlite3`, a row per settings fingerprint and checked
file. One file rather than a file per entry: creating thousands of small files costs the
kernel a millisecond or more each on a busy disk, a fifth of a cold run's CPU, where rows
written in a few transactions cost next to nothing. Workers never write: each sends its entry
back with its result, and the run's own process stores them in batches (WAL journal, a busy
timeout, short transactions), so concurrent runs sharing the folder wait for each other
briefly and a killed run loses only its last batch. An entry is a JSON line (what the reuse is
judged on, the counts per severity, the lengths of the parts), then the findings as JSON, then
the text reporter's lines for the file: a re-run of an unchanged tree prints those lines and
the counts without reading the findings back into objects, and without loading the parser or
the rules. Entries are never pickle (a foreign file must not run code); one whose lengths or
checksum do not match is a miss, and is removed; a file that is no SQLite database of ours is
removed and started afresh.

Stale entries are removed after a run that checked something: those of all but the
KEEP_SETTINGS settings used most recently, and (at most once per SWEEP_EVERY) those of files
that no longer exist.
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
DATABASE = "results.sqlite3"
OLD_RESULTS = "results"  # the folder of entry files that earlier versions wrote
FORMAT = "artlint-results-4"
KEEP_SETTINGS = 3  # settings kept: this run's and the two used most recently before it
SWEEP_EVERY = 24 * 3600  # seconds between looks for entries of files that are gone
BUSY_SECONDS = 5.0  # how long a write waits for another run's transaction before giving up
BATCH = 256  # entries per transaction
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    settings TEXT NOT NULL,
    path TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (settings, path)
);
CREATE TABLE IF NOT EXISTS settings (fingerprint TEXT PRIMARY KEY, used REAL NOT NULL);
CREATE TABLE IF NOT EXISTS marks (name TEXT PRIMARY KEY, at REAL NOT NULL);
"""
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
    """`api.check_file`, noting what the check read outside the file. The result carries its
    entry (see StoredResult) for the run's process to keep with `ResultCache.keep`."""
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
    if result.crashed:
        return result  # a crash may be fixed by the next version; never replay it
    real = cache.real(path)
    return StoredResult(path, data, _entry(real, cache.fingerprint, data, result, seen), real)


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


def _entry(real: str, fingerprint: str, data: bytes, result: FileResult, seen: list[reads.Read]) -> _Stored:
    from artlint.reporters.text import plain_blocks

    path = result.path
    fixes: dict[Fix, int] = {}  # findings of one file often share a fix; each is kept once
    body = json.dumps({
        "diagnostics": [_diagnostic(d, fixes) for d in result.diagnostics],
        "fixes": [_fix(f) for f in fixes],
        "links": [_fields(link) for link in result.links],
        "directives": [[d.action, list(d.rules), d.line] for d in result.directives],
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    blocks: list[str] = []
    if all(d.path == path for d in result.diagnostics):
        blocks = plain_blocks(result)
    text = "".join(blocks).encode("utf-8", "surrogatepass")
    head = {
        "format": FORMAT,
        "settings": fingerprint,
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
    return _Stored(head, body, text, line + b"\n" + body + text)


class ResultCache:
    """Entries of one run's settings. Picklable without its connection: workers use it only to
    name what they check, and the run's process reads and writes the database."""

    def __init__(self, settings: Settings) -> None:
        self.folder = folder_for(settings)
        self.fingerprint = settings_fingerprint(settings)
        self.limit = settings.max_file_size
        self._db: Any = None  # sqlite3.Connection, opened on first use; False: unusable this run
        self._pending: list[tuple[str, str, bytes]] = []
        self._gone: list[str] = []  # real paths whose entries are not to be trusted
        self._paths: set[str] | None = None  # see _known
        self._folders: dict[str, str] = {}  # a folder's real path, asked once per folder

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_db": None, "_pending": [], "_gone": [], "_folders": {}, "_paths": None}

    def forget_connection(self) -> None:
        """In a forked worker: drop the parent's connection without touching it (SQLite
        connections must not be used across fork)."""
        self._db = None
        self._pending, self._gone, self._paths = [], [], None

    def real(self, path: str) -> str:
        """os.path.realpath(path), resolving each folder once for all the files in it."""
        folder, name = os.path.split(os.path.abspath(path))
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder)
        real = os.path.join(real_folder, name)
        return os.path.realpath(real) if os.path.islink(real) else real

    # The database ---------------------------------------------------------------------------

    def _connection(self, create: bool) -> Any:
        """The open database, or None where there is none (and `create` is false) or it cannot
        be used: the run goes on without reuse."""
        if self._db is False:
            return None
        if self._db is None:
            path = self.folder / DATABASE
            if not create and not path.is_file():
                return None
            self._db = _open(self.folder, path)
        return self._db or None

    def _write(self, statements: Callable[[Any], None], create: bool = True) -> None:
        db = self._connection(create)
        if db is None:
            return
        import sqlite3

        try:
            db.execute("BEGIN IMMEDIATE")
            statements(db)
            db.execute("COMMIT")
        except sqlite3.Error:
            # Another run held the database too long, or the disk is full or read-only: only
            # the reuse is lost, never the findings.
            with contextlib.suppress(sqlite3.Error):
                if db.in_transaction:
                    db.execute("ROLLBACK")

    # Reading --------------------------------------------------------------------------------

    def lookup(self, path: str) -> FileResult | None:
        """The cached result of the file at `path`, or None (a miss, or an entry not trusted)."""
        known = self._known()
        if known is not None and self.real(path) not in known:
            return None  # never checked with these settings: not even worth reading the file
        try:
            with open(path, "rb") as handle:
                if self.limit and os.fstat(handle.fileno()).st_size > self.limit:
                    return None  # answered without reading it, never from the cache
                data = handle.read()
        except OSError:
            return None
        return self.load(path, data)

    def _known(self) -> set[str] | None:
        """The paths that have an entry of these settings (None: not known, ask per file). A
        cold run then starts its workers without reading and hashing every file first."""
        if self._paths is None:
            db = self._connection(create=False)
            if db is None:
                self._paths = set()
                return self._paths
            import sqlite3

            try:
                rows = db.execute("SELECT path FROM entries WHERE settings = ?", (self.fingerprint,))
                self._paths = {path for (path,) in rows}
            except sqlite3.Error:
                return None
        return self._paths

    def load(self, path: str, data: bytes) -> FileResult | None:
        """The cached result of `path` with these bytes, or None (a miss, or an entry not trusted)."""
        db = self._connection(create=False)
        if db is None:
            return None
        import sqlite3

        real = self.real(path)
        try:
            row = db.execute(
                "SELECT data FROM entries WHERE settings = ? AND path = ?", (self.fingerprint, real)
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            stored = _parse(bytes(row[0]))
            head = stored.head
            if not (head["settings"] == self.fingerprint and head["bytes"] == _hash(data)
                    and head["path"] == real):
                return None
            if not _still_true(head["reads"]):
                return None
            return StoredResult(path, data, stored)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            # Corrupt, or written by something else: never trusted, and removed.
            self._gone.append(real)
            return None

    # Writing --------------------------------------------------------------------------------

    def keep(self, result: FileResult) -> None:
        """Keep a fresh result's entry (from `check_path`, here or in a worker) for later runs."""
        if not isinstance(result, StoredResult) or result.unsaved is None:
            return
        self._pending.append((self.fingerprint, result.unsaved, result.raw()))
        result.unsaved = None
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what is pending, and mark these settings used (a run of other settings keeps
        only the most recently used)."""
        rows, gone = self._pending, [(self.fingerprint, p) for p in self._gone]
        self._pending, self._gone = [], []
        fingerprint, now = self.fingerprint, time.time()

        def statements(db: Any) -> None:
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (fingerprint, now))
            db.executemany("DELETE FROM entries WHERE settings = ? AND path = ?", gone)
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)

        self._write(statements, create=bool(rows))

    # Tidying --------------------------------------------------------------------------------

    def tidy(self, checked: bool) -> None:
        """Store what is pending (which marks these settings used); after a run that `checked`
        files (not all answered from here), remove what no run will read again. Never fails a
        run; a run answered from the cache removes nothing, and stays quick."""
        try:
            self.flush()
            if checked:
                self._tidy()
        finally:
            self.close()

    def _tidy(self) -> None:
        now = time.time()
        swept: list[float] = []  # filled when this run is the day's one to look for gone files

        def statements(db: Any) -> None:
            db.execute(
                "DELETE FROM settings WHERE fingerprint NOT IN "
                "(SELECT fingerprint FROM settings ORDER BY used DESC LIMIT ?)", (KEEP_SETTINGS,))
            db.execute("DELETE FROM entries WHERE settings NOT IN (SELECT fingerprint FROM settings)")
            row = db.execute("SELECT at FROM marks WHERE name = 'swept'").fetchone()
            if row is None or now - float(row[0]) >= SWEEP_EVERY:
                db.execute("INSERT OR REPLACE INTO marks VALUES ('swept', ?)", (now,))
                swept.append(now)

        self._write(statements)
        if swept:
            self._sweep()
        old = self.folder / OLD_RESULTS
        if old.is_dir():
            _remove(old)

    def _sweep(self) -> None:
        """Entries of files that no longer exist."""
        db = self._connection(create=False)
        if db is None:
            return
        import sqlite3

        try:
            rows = db.execute("SELECT settings, path FROM entries").fetchall()
        except sqlite3.Error:
            return
        gone = [(s, p) for s, p in rows if not os.path.exists(p)]
        if gone:
            self._write(lambda db: db.executemany(
                "DELETE FROM entries WHERE settings = ? AND path = ?", gone))

    def close(self) -> None:
        if self._db:
            self._db.close()
        self._db = None


def _open(folder: Path, path: Path) -> Any:
    """A connection to the results database, or False. A file that is not our database (or is
    damaged) is removed and started afresh: it only ever held what a re-check gives back."""
    import sqlite3

    for attempt in range(2):
        db = None
        try:
            ensure_folder(folder)
            db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
            db.execute("PRAGMA journal_mode = WAL")
            # A lost write only costs a re-check; WAL with NORMAL never leaves a damaged file.
            db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(SCHEMA)
            db.execute("SELECT settings, path, data FROM entries LIMIT 0")
            return db
        except sqlite3.DatabaseError:
            if db is not None:
                db.close()
            if attempt == 0:
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        os.unlink(f"{path}{suffix}")
        except (OSError, sqlite3.Error):
            break
    return False


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
        from artlint.text.files import write_bytes

        write_bytes(ignore, b"# Automatically created by artlint.\n*\n", durable=False)


def clear(settings: Settings) -> int:
    """Remove every result entry; returns how many there were."""
    folder = folder_for(settings)
    removed = count(settings)
    for suffix in ("", "-wal", "-shm"):
        _remove(folder / f"{DATABASE}{suffix}")
    _remove(folder / OLD_RESULTS)
    return removed


def count(settings: Settings) -> int:
    """How many result entries the cache folder of `settings` holds, of any settings."""
    path = folder_for(settings) / DATABASE
    if not path.is_file():
        return 0
    import sqlite3

    try:
        db = sqlite3.connect(path, timeout=BUSY_SECONDS)
        try:
            return int(db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


class _Stored:
    """An entry read back: its head parsed, the findings and the lines still bytes."""

    __slots__ = ("body", "head", "raw", "text")

    def __init__(self, head: dict[str, Any], body: bytes, text: bytes, raw: bytes) -> None:
        self.head = head
        self.body = body
        self.text = text
        self.raw = raw


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
    return _Stored(head, body, text, raw)


class StoredResult(FileResult):
    """A result as the cache holds it: read back from it, or just checked (`unsaved` is then the
    real path it is to be kept under). Its diagnostics, links and text are built when first
    asked for: the text reporter needs none of them, only the counts and the stored lines. A
    worker sends it to the run's process as the entry's bytes, cheaper to pickle than findings."""

    def __init__(self, path: str, data: bytes, stored: _Stored, unsaved: str | None = None) -> None:
        # FileResult's fields are properties here; its __init__ would build them all.
        self.path = path
        self.unpublished = stored.head["unpublished"]
        self.unsaved = unsaved
        self._data = data
        self._stored = stored
        self._fields: dict[str, Any] = {}
        self._changed = False  # diagnostics replaced (the run-wide link check adds some)

    def __reduce__(self) -> tuple[Any, ...]:
        if self._changed:
            raise TypeError("a result whose findings were replaced is not sent between processes")
        return _revive, (self.path, self._data, self._stored.raw, self.unsaved)

    def raw(self) -> bytes:
        return self._stored.raw

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


def _revive(path: str, data: bytes, raw: bytes, unsaved: str | None) -> StoredResult:
    return StoredResult(path, data, _parse(raw), unsaved)


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
