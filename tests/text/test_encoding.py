"""Files that are not UTF-8: named, readable on request, written back in their own encoding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run
from hostile import KOREAN

from artlint.text.decode import DecodeError, decode, detect


def _findings(done: object) -> list[tuple[int, int, str, str]]:
    report = json.loads(done.stdout)  # type: ignore[attr-defined]
    return [(d["line"], d["column"], d["code"], d["message"]) for d in report["diagnostics"]]


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_check_names_the_likely_encoding(run: Run, tmp_path: Path, codec: str) -> None:
    (tmp_path / "old.md").write_bytes(KOREAN.encode(codec))
    done = run("check", "--format", "json", "old.md", cwd=tmp_path)
    assert done.returncode == 1
    [(line, _, code, message)] = _findings(done)
    assert (line, code) == (2, "AL001")
    assert "CP949 (EUC-KR)" in message and "Korean" in message and "confidence: high" in message
    assert "--encoding cp949" in message


def test_check_with_encoding_finds_what_a_utf8_copy_gives(run: Run, tmp_path: Path) -> None:
    (tmp_path / "old.md").write_bytes(KOREAN.encode("cp949"))
    (tmp_path / "new.md").write_bytes(KOREAN.encode("utf-8"))
    legacy = run("check", "--format", "json", "--encoding", "cp949", "old.md", cwd=tmp_path)
    modern = run("check", "--format", "json", "new.md", cwd=tmp_path)
    assert legacy.returncode == modern.returncode
    assert _findings(legacy) == _findings(modern)
    assert len(_findings(modern)) >= 2
    auto = run("check", "--format", "json", "--encoding", "auto", "old.md", cwd=tmp_path)
    assert _findings(auto) == _findings(modern)


def test_convert_with_encoding_gives_the_bytes_of_the_utf8_copy(run: Run, tmp_path: Path) -> None:
    (tmp_path / "old.md").write_bytes(KOREAN.encode("cp949"))
    (tmp_path / "new.md").write_bytes(KOREAN.encode("utf-8"))
    for to in ("markdown", "json"):
        legacy = run("convert", "--to", to, "--encoding", "cp949", "old.md", cwd=tmp_path)
        modern = run("convert", "--to", to, "new.md", cwd=tmp_path)
        assert legacy.returncode == modern.returncode == 0, legacy.stderr
        assert legacy.stdout.replace("old.md", "new.md") == modern.stdout
        assert "본문입니다" in legacy.stdout


def test_convert_report_says_it_transcoded(run: Run, tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "old.md").write_bytes(KOREAN.encode("cp949"))
    done = run("convert", "--to", "markdown", "--encoding", "cp949", "--out", "out",
               "--report", "r.json", "src", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "transcoded to UTF-8: 1 from CP949" in done.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["files"][0]["transcoded"] == "cp949"
    assert report["summary"]["transcoded"] == {"cp949": 1}
    assert "본문입니다" in (tmp_path / "out" / "old.md").read_text(encoding="utf-8")


def test_fix_writes_back_in_the_files_own_encoding(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "old.md"
    path.write_bytes(KOREAN.replace("\n", "\r\n").encode("cp949"))
    done = run("check", "--fix", "--encoding", "cp949", "old.md", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    data = path.read_bytes()
    text = data.decode("cp949")  # still CP949, and still CRLF
    assert "<p>&nbsp;</p>" not in text  # the spacer paragraph was fixed
    assert "본문입니다" in text and "\r\n" in text and "\n" not in text.replace("\r\n", "")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_encoding_per_glob_in_overrides(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text('[[overrides]]\nfiles = ["legacy/**"]\nencoding = "cp949"\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.md").write_bytes(KOREAN.encode("cp949"))
    (tmp_path / "new.md").write_bytes(KOREAN.encode("utf-8"))
    done = run("check", "--format", "json", ".", cwd=tmp_path)
    codes = {d["path"]: d["code"] for d in json.loads(done.stdout)["diagnostics"]}
    assert "AL001" not in codes.values()
    assert {"legacy/old.md", "new.md"} <= set(codes)


def test_unknown_encoding_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x\n")
    for args in (["check", "--encoding", "klingon", "a.md"],
                 ["convert", "--to", "json", "--encoding", "klingon", "a.md"]):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2
        assert "unknown encoding 'klingon'" in done.stderr
        assert "Traceback" not in done.stderr


def test_bytes_undecodable_in_the_chosen_encoding_name_the_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"---\ntitle: x\n---\nfine\nbad \x80\xff here\n")
    done = run("check", "--encoding", "cp949", "a.md", cwd=tmp_path)
    assert done.returncode == 1
    assert "a.md:5:5: AL001 file-unreadable not valid CP949: byte 0x80 cannot be decoded" in done.stdout


def test_a_bom_wins_over_the_named_encoding() -> None:
    assert decode("\ufeff한글".encode("utf-8"), "cp949") == ("한글", True, "utf-8")
    assert decode("\ufeff한글".encode("utf-16-le"), "cp949") == ("한글", True, "utf-16")


def test_binary_is_not_guessed_as_text() -> None:
    assert detect(bytes(range(256)) * 8) is None
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x00\x01\x02\xff" * 100)


def test_clean_utf8_never_loads_the_detector(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: 안녕\n---\n본문\n", encoding="utf-8")
    code = ("import sys, artlint.api as a; from artlint.config.loading import Settings; "
            "a.check_file('a.md', Settings()); print('charset_normalizer' in sys.modules)")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "False", done.stderr
