"""Read article files with their byte-level style, and write text back in that style, atomically.

    tf = read_text("post.md")            # TextFile: text, encoding, bom, newline, final_newline
    doc = parse(tf.text, "post.md", bom=tf.bom, encoding=tf.encoding)
    write_atomic("post.md", new_text, like=tf)

`text` given to `apply_style`, `encode` and `write_atomic` may end its lines with "\\n" (as
Document.text does for bare-CR files, and as generated text does); they are written in the
newline style of `like`. A file whose newlines were mixed comes out in its dominant style.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from artlint.parsing.parse import DecodeError, decode, newline_style

if TYPE_CHECKING:
    from artlint.model.document import Document


@dataclass(frozen=True)
class TextFile:
    text: str  # decoded, BOM removed, newlines as in the file: ready for parse.parse
    encoding: str  # "utf-8", "utf-16-le" or "utf-16-be"
    bom: bool
    newline: str  # "\n", "\r\n" or "\r": the dominant style
    final_newline: bool  # whether the text ends with a line break

    @classmethod
    def like_document(cls, doc: Document) -> TextFile:
        """The style of the file a Document was parsed from (UTF-16 is taken as little-endian)."""
        encoding = "utf-16-le" if doc.encoding == "utf-16" else doc.encoding
        return cls(doc.text, encoding, doc.bom, doc.newline, doc.text.endswith(("\n", "\r")))


def decode_bytes(data: bytes) -> TextFile:
    """Decode file bytes; raises parse.DecodeError (with a line and column) on bad bytes."""
    text, bom, encoding = decode(data)
    if encoding == "utf-16":
        encoding = "utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le"
    if text.startswith("\ufeff"):  # the UTF-16 codec keeps no BOM, but be sure
        text = text[1:]
    return TextFile(text, encoding, bom, newline_style(text), text.endswith(("\n", "\r")))


def read_text(path: str | os.PathLike[str]) -> TextFile:
    """Read and decode a file; raises OSError or parse.DecodeError."""
    with open(path, "rb") as handle:
        return decode_bytes(handle.read())


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
    """The bytes `write_atomic` would write for `text` in like's style."""
    styled = apply_style(text, like)
    return (("\ufeff" if like.bom else "") + styled).encode(like.encoding)


def write_atomic(
    path: str | os.PathLike[str], text: str, like: TextFile | Document | None = None
) -> None:
    """Write `text` through a temporary file in the same folder and os.replace.

    The style comes from `like` (a TextFile or the Document read from the original); without
    it, from the file already at `path`, else UTF-8 with "\\n". The file mode of an existing
    file is kept; a symlink is followed, so the link stays a link.
    """
    target = os.path.realpath(path)
    if like is None:
        style = _existing_style(target)
    elif isinstance(like, TextFile):
        style = like
    else:
        style = TextFile.like_document(like)
    data = text.encode("utf-8") if style is None else encode(text, style)
    folder, name = os.path.split(target)
    temp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    # 0o666 lets the umask decide, as for any new file; an existing file's mode is copied below.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _existing_style(path: str) -> TextFile | None:
    try:
        return read_text(path)
    except (OSError, DecodeError):
        return None
