"""A linked file is read once per run, and read again when it changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import artlint.parsing.parse
from artlint.api import check_file
from artlint.config.loading import from_mapping


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = artlint.parsing.parse.parse_bytes

    def counting(data: bytes, path: str, *args: object) -> object:
        seen.append(Path(path).name)
        return real(data, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(artlint.parsing.parse, "parse_bytes", counting)
    return seen


def test_target_parsed_once_for_many_linking_files(tmp_path: Path, parses: list[str]) -> None:
    (tmp_path / "target.md").write_text("## Alpha\n", encoding="utf-8")
    settings = from_mapping({}, root=tmp_path).with_cli(select=("LK",))
    for n in range(5):
        page = tmp_path / f"page{n}.md"
        page.write_text("[a](target.md#alpha) [b](target.md#beta)\n", encoding="utf-8")
        [diagnostic] = check_file(str(page), settings).diagnostics
        assert diagnostic.message.startswith("anchor #beta not found in target.md")
    assert parses.count("target.md") == 1


def test_changed_target_is_read_again(tmp_path: Path, parses: list[str]) -> None:
    target = tmp_path / "target.md"
    target.write_text("## Alpha\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[b](target.md#beta)\n", encoding="utf-8")
    settings = from_mapping({}, root=tmp_path).with_cli(select=("LK",))
    assert len(check_file(str(page), settings).diagnostics) == 1
    target.write_text("## Alpha\n\n## Beta\n", encoding="utf-8")
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert check_file(str(page), settings).diagnostics == []
