"""Read article files with their byte-level style, and write text back in that style, atomically.

    tf = read_text("post.md")            # TextFile: text, encoding, bom, newline, final_newline
    doc = parse(tf.text, "post.md", bom=tf.bom, encoding=tf.encoding)
    write_atomic("post.md", new_text, like=tf)

`text` given to `apply_style`, `encode` and `write_atomic` may end its lines with "\\n" (as
Document.text does for bare-CR files, and as generated text does); they are written in the
newline style of `like`. A file whose newlines were mixed comes out in its dominant style.

Every write of the package goes through AtomicFile: a temporary file in the target's folder,
flushed to disk, then renamed over the target, so a kill at any moment leaves either the old
file or the new one. A path that is a symbolic link is written through to the link's target
(the link stays a link). Temporary files carry our own name pattern and the writer's process
id, so a later run can tell a killed run's leftovers from a live writer's and remove them.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, NamedTuple

from artlint.text.decode import DecodeError, decode, newline_style

if TYPE_CHECKING:
    from artlint.model.document import Document

TEMP_PREFIX = ".artlint-"
# ".artlint-<pid>-<random>-<name>.tmp": never a name a user would give a file of theirs.
_TEMP = re.compile(r"^\.artlint-(\d+)-[0-9a-f]{8}-.*\.tmp$", re.DOTALL)


class TextFile(NamedTuple):
    text: str  # decoded, BOM removed, newlines as in the file: ready for parse.parse
    encoding: str  # "utf-8", "utf-16-le", "utf-16-be", or the codec the file was read with
    bom: bool
    newline: str  # "\n", "\r\n" or "\r": the dominant style
    final_newline: bool  # whether the text ends with a line break

    @classmethod
    def like_document(cls, doc: Document) -> TextFile:
        """The style of the file a Document was parsed from (UTF-16 is taken as little-endian)."""
        encoding = "utf-16-le" if doc.encoding == "utf-16" else doc.encoding
        return cls(doc.text, encoding, doc.bom, doc.newline, doc.text.endswith(("\n", "\r")))

    @property
    def transcoded(self) -> bool:
        """Read from an encoding other than UTF-8 and UTF-16."""
        return not self.encoding.startswith(("utf-8", "utf-16"))


def decode_bytes(data: bytes, encoding: str | None = None) -> TextFile:
    """Decode file bytes; raises DecodeError (with a line and column) on bad bytes.

    `encoding`: a codec name, "auto", or None for UTF-8 (see artlint.text.decode).
    """
    text, bom, encoding = decode(data, encoding)
    if encoding == "utf-16":
        encoding = "utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le"
    if text.startswith("\ufeff"):  # the UTF-16 codec keeps no BOM, but be sure
        text = text[1:]
    return TextFile(text, encoding, bom, newline_style(text), text.endswith(("\n", "\r")))


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> TextFile:
    """Read and decode a file; raises OSError or DecodeError."""
    with open(path, "rb") as handle:
        return decode_bytes(handle.read(), encoding)


def apply_style(text: str, like: TextFile) -> str:
    """`text` with like's newline style and final-newline state."""
    if like.newline != "\n":
        text = text.replace("\r\n", "\n").replace("\n", like.newline)
    if text:
        ends = text.endswith(("\n", "\r"))
        if ends and not like.final_newline:
            text = text.rstrip("\r\n")
        elif not ends and like.final_newline:
            text += like.newline
    return text


def encode(text: str, like: TextFile) -> bytes:
    """The bytes `write_atomic` would write for `text` in like's style.

    Raises UnicodeEncodeError when a character has no form in like's encoding.
    """
    styled = apply_style(text, like)
    return (("\ufeff" if like.bom else "") + styled).encode(like.encoding)


def write_atomic(
    path: str | os.PathLike[str], text: str, like: TextFile | Document | None = None
) -> None:
    """Write `text` in the style of `like` (a TextFile or the Document read from the original).

    Without `like`, the style of the file already at `path`, else UTF-8 with "\\n".
    """
    if like is None:
        style = _existing_style(os.path.realpath(path))
    elif isinstance(like, TextFile):
        style = like
    else:
        style = TextFile.like_document(like)
    write_bytes(path, text.encode("utf-8") if style is None else encode(text, style))


def write_bytes(
    path: str | os.PathLike[str], data: bytes, durable: bool = True, sync_folder: bool = True
) -> None:
    """`sync_folder=False`: the caller syncs the folder later (see `sync_folders`)."""
    with AtomicFile(path, durable, sync_folder) as handle:
        handle.write(data)


def sync_folders(folders: Iterable[str | os.PathLike[str]]) -> None:
    """Make the renames into `folders` durable: one sync per folder, for a batch of writes.

    A batch writes its files with `sync_folder=False` and calls this once at the end. Each file's
    content is on disk before its rename, so until the folder is synced a power cut can only
    undo a rename, which leaves the original file: never a half-written one.
    """
    for folder in dict.fromkeys(os.path.realpath(f) for f in folders):
        _sync_folder(folder)


class AtomicFile:
    """A file written under a temporary name and renamed into place by `commit`.

        with AtomicFile("out.jsonl") as handle:   # commits on success, aborts on any exception
            handle.write(b"...")

    The folder is created when missing. An existing target's mode, and its owner where the
    process may set it, are copied to the new file. `durable=False` skips the fsyncs, for files
    that may be lost in a power cut but never seen half written (the result cache: a lost or
    unreadable entry only costs a re-check). `sync_folder=False` leaves the folder's sync to the
    caller, who makes a batch of renames durable at once (`sync_folders`).
    """

    def __init__(self, path: str | os.PathLike[str], durable: bool = True, sync_folder: bool = True) -> None:
        self.durable = durable
        self.sync_folder = durable and sync_folder
        self.target = os.path.realpath(path)  # a link is written through to what it points at
        folder, name = os.path.split(self.target)
        os.makedirs(folder or ".", exist_ok=True)
        # The name is kept short enough that the temporary name stays under the 255-byte limit.
        short = name.encode("utf-8", "surrogateescape")[:180].decode("utf-8", "ignore")
        self.temp = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}-{short}.tmp")
        # 0o666 lets the umask decide, as for any new file; an existing file's mode is copied below.
        fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        self.handle: IO[bytes] = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def commit(self) -> None:
        try:
            self.handle.flush()
            if self.durable:
                os.fsync(self.handle.fileno())
            self.handle.close()
            _copy_owner_and_mode(self.target, self.temp)
            os.replace(self.temp, self.target)
        except BaseException:
            self.abort()
            raise
        if self.sync_folder:
            _sync_folder(os.path.dirname(self.target))

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temp)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def _copy_owner_and_mode(original: str, temp: str) -> None:
    try:
        info = os.stat(original)
    except FileNotFoundError:
        return
    os.chmod(temp, stat.S_IMODE(info.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root, or the owner keeping its group, may
            os.chown(temp, info.st_uid, info.st_gid)


def _sync_folder(folder: str) -> None:
    # The rename is durable once the folder's entry is on disk; not every system allows it.
    with contextlib.suppress(OSError):
        fd = os.open(folder or ".", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def is_temporary(name: str) -> bool:
    """Whether a file name is one of our temporary files."""
    return _TEMP.match(name) is not None


def remove_stale(folders: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Remove temporary files a killed run left in `folders`; return their paths.

    Only names of our own pattern are touched, and only when the process that wrote them is
    gone, so a run in parallel keeps its files.
    """
    removed: list[str] = []
    for folder in dict.fromkeys(os.path.realpath(f) for f in folders):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            found = _TEMP.match(name)
            if found is None or _alive(int(found.group(1))):
                continue
            path = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                if os.path.isfile(path) and not os.path.islink(path):
                    os.unlink(path)
                    removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process: leave its files alone
    try:  # a killed worker may linger as a zombie, which writes nothing any more
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _existing_style(path: str) -> TextFile | None:
    try:
        return read_text(path)
    except (OSError, DecodeError):
        return None
