"""The Python API: the examples in its docstring run, and it agrees with the CLI."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from conftest import Run

import artlint
import artlint.api
from artlint.config.loading import Settings


def test_docstring_examples_run() -> None:
    result = doctest.testmod(artlint.api)
    assert result.attempted >= 8
    assert result.failed == 0


def test_package_exports_the_api() -> None:
    assert artlint.check_text is artlint.api.check_text
    assert artlint.check_paths is artlint.api.check_paths
    with pytest.raises(AttributeError):
        _ = artlint.no_such_name  # type: ignore[attr-defined]


def test_api_and_cli_agree(run: Run, tmp_path: Path) -> None:
    text = "---\ntitle: 2024\ncategories: 뉴스, 일상\nmode: 0644\n---\n본문\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    done = run("check", "--select", "FM", "--format", "json", "a.md", cwd=tmp_path)
    from_cli = json.loads(done.stdout)["diagnostics"]
    settings = Settings(root=tmp_path, select=("FM",))
    from_api = [d.to_dict() for d in artlint.check_text(text, "a.md", settings)]
    assert from_api == from_cli
    assert len(from_api) == 3


def test_check_text_finds_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".artlint.toml").write_text('ignore = ["FM005"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert artlint.check_text("---\ntitle: 글\ndraft: no\n---\n", "a.md") == []


def test_check_paths_keeps_going_past_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "b.md").write_text("---\ncategories: x, y\n---\n", encoding="utf-8")
    results = list(artlint.check_paths([str(tmp_path)], Settings(root=tmp_path, select=("FM",))))
    assert [Path(r.path).name for r in results] == ["a.md", "b.md"]
    assert [d.code for d in results[0].diagnostics] == ["AL001"]
    assert [d.code for d in results[1].diagnostics] == ["FM003", "FM003"]
    assert not any(r.crashed for r in results)


def test_a_parser_failure_on_one_file_stops_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = artlint.api.parse_bytes

    def flaky(data: bytes, path: str, *args: object) -> object:
        if path.endswith("a.md"):
            raise RecursionError("simulated")
        return real(data, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(artlint.api, "parse_bytes", flaky)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\ncategories: x, y\n---\n", encoding="utf-8")
    results = list(artlint.check_paths([str(tmp_path)], Settings(root=tmp_path, select=("FM",))))
    assert [(d.code, d.message) for d in results[0].diagnostics] == [
        ("AL000", "cannot parse the file: RecursionError: simulated")
    ]
    assert results[0].crashed
    assert [d.code for d in results[1].diagnostics] == ["FM003", "FM003"]


def test_deeply_nested_front_matter_is_a_syntax_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    for text, line in ((f'{{"title": {deep}}}\n', 1), (f'+++\ntitle = "x"\na = {deep}\n+++\n', 2)):
        found = artlint.check_text(text, "a.md", Settings(select=("FM",)))
        assert [(d.line, d.code) for d in found] == [(line, "FM001")]
        assert found[0].message.endswith("nested too deeply")
