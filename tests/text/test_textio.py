"""Reading keeps a file's byte-level style; writing puts it back, atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from artlint.parsing.parse import parse
from artlint.text import files as textio
from artlint.text.decode import DecodeError

STYLES = [
    pytest.param(b"# T\n\nbody\n", id="lf"),
    pytest.param(b"# T\r\n\r\nbody\r\n", id="crlf"),
    pytest.param(b"# T\r\rbody\r", id="bare-cr"),
    pytest.param(b"\xef\xbb\xbf# T\n\nbody\n", id="utf8-bom"),
    pytest.param("\ufeff# T\r\n\r\n본문\r\n".encode("utf-16-le"), id="utf16-le"),
    pytest.param("\ufeff# T\n\n본문".encode("utf-16-be"), id="utf16-be-no-final-newline"),
    pytest.param(b"# T\n\nno final newline", id="no-final-newline"),
]


@pytest.mark.parametrize("data", STYLES)
def test_write_back_unchanged_text_gives_the_same_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(data)
    original = textio.read_text(path)
    doc = parse(original.text, str(path), bom=original.bom, encoding=original.encoding)
    textio.write_atomic(path, doc.text, like=original)
    assert path.read_bytes() == data


@pytest.mark.parametrize("data", STYLES)
def test_generated_text_with_lf_takes_the_original_style(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(data)
    original = textio.read_text(path)
    new_text = original.text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"
    textio.write_atomic(path, new_text, like=original)
    assert path.read_bytes() == data


def test_document_can_stand_in_for_the_style(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nbody"
    path = tmp_path / "post.md"
    path.write_bytes(data)
    doc = parse(textio.read_text(path).text, str(path), bom=True)
    textio.write_atomic(path, "---\ntitle: x\n---\nnew body\n", like=doc)
    assert path.read_bytes() == b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nnew body"


def test_without_like_the_existing_file_gives_the_style(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"old\r\n")
    textio.write_atomic(path, "new\nlines\n")
    assert path.read_bytes() == b"new\r\nlines\r\n"


def test_new_file_is_utf8_as_given(tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    textio.write_atomic(path, "한글\n")
    assert path.read_bytes() == "한글\n".encode()


def test_file_mode_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("old\n")
    os.chmod(path, 0o640)
    textio.write_atomic(path, "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_symlink_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    textio.write_atomic(link, "new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"


def test_failed_write_leaves_the_original_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"old\n")
    with pytest.raises(UnicodeEncodeError):
        textio.write_atomic(path, "bad \udcff surrogate\n")
    assert path.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_bad_bytes_raise_with_a_position(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"ok\nbad \xff here\n")
    with pytest.raises(DecodeError) as caught:
        textio.read_text(path)
    assert (caught.value.line, caught.value.column) == (2, 5)


def test_style_is_recorded() -> None:
    style = textio.decode_bytes("\ufeffa\r\nb".encode("utf-16-be"))
    assert (style.text, style.encoding, style.bom, style.newline, style.final_newline) == (
        "a\r\nb", "utf-16-be", True, "\r\n", False
    )
