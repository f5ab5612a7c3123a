"""The result cache: a re-run reports exactly what the first run did, and re-checks what changed."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from conftest import Run

Write = Callable[[str, str], Path]

STYLED = """---
title: Spring sale {n}
categories: News, Sale
---
<p data-ke-size="size16">&nbsp;</p>

<b><span style="color: #e5e5e5;">Only this week</span></b> for item {n}.
See [the notes](notes.md#prices) and [the map](map.png).
"""

NOTES = """---
title: Notes
---
## Prices

Everything costs less.
"""


def _site(write: Write, tmp_path: Path, count: int = 6) -> None:
    (tmp_path / ".artlint.toml").write_text("", encoding="utf-8")
    for n in range(count):
        write(f"posts/{n:02d}.md", STYLED.format(n=n))
    write("posts/notes.md", NOTES)
    write("posts/map.png", "png")


def _database(tmp_path: Path) -> Path:
    return tmp_path / ".artlint_cache" / "results.sqlite3"


def _entries(tmp_path: Path) -> list[tuple[str, str]]:
    """(settings, real path) of each entry: one a checked file, per settings."""
    if not _database(tmp_path).is_file():
        return []
    with sqlite3.connect(_database(tmp_path)) as db:
        return sorted(db.execute("SELECT settings, path FROM entries").fetchall())


def _set_entry(tmp_path: Path, key: tuple[str, str], data: bytes) -> None:
    with sqlite3.connect(_database(tmp_path)) as db:
        db.execute("UPDATE entries SET data = ? WHERE settings = ? AND path = ?", (data, *key))


def _entry(tmp_path: Path, key: tuple[str, str]) -> bytes:
    with sqlite3.connect(_database(tmp_path)) as db:
        row = db.execute("SELECT data FROM entries WHERE settings = ? AND path = ?", key).fetchone()
    return bytes(row[0])


def test_warm_run_prints_what_the_cold_run_printed(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    cold = run("check", "posts", cwd=tmp_path)
    assert cold.returncode == 1 and "fixable with --fix" in cold.stdout and "LK" not in cold.stdout
    assert len(_entries(tmp_path)) == 7
    assert (tmp_path / ".artlint_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    for output_format in ("text", "json", "sarif", "github"):
        first = run("check", "-f", output_format, "posts", cwd=tmp_path)
        again = run("check", "-f", output_format, "--jobs", "2", "posts", cwd=tmp_path)
        uncached = run("check", "-f", output_format, "--no-cache", "posts", cwd=tmp_path)
        assert first.stdout == again.stdout == uncached.stdout
        assert first.returncode == again.returncode == uncached.returncode == 1
    assert run("check", "posts", cwd=tmp_path).stdout == cold.stdout


def test_an_edited_file_is_checked_again(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    first = run("check", "posts", cwd=tmp_path)
    write("posts/03.md", STYLED.format(n=3).replace("title: Spring sale 3", "title: 2024"))
    done = run("check", "posts", cwd=tmp_path)
    assert "03.md:2:8: FM003" not in first.stdout and "03.md:2:8: FM003" in done.stdout
    assert done.stdout == run("check", "--no-cache", "posts", cwd=tmp_path).stdout


def test_a_change_in_a_linked_file_is_seen(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    assert "LK" not in run("check", "posts", cwd=tmp_path).stdout
    write("posts/notes.md", NOTES.replace("## Prices", "## Costs"))
    renamed = run("check", "posts", cwd=tmp_path)
    assert renamed.stdout.count("link-anchor-missing") == 6
    (tmp_path / "posts" / "map.png").unlink()
    gone = run("check", "posts", cwd=tmp_path)
    assert gone.stdout.count("link-file-missing") == 6
    assert gone.stdout == run("check", "--no-cache", "posts", cwd=tmp_path).stdout


def test_changed_settings_or_schema_check_again(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    first = run("check", "posts", cwd=tmp_path)
    assert "ST105" in first.stdout
    (tmp_path / ".artlint.toml").write_text('ignore = ["ST105"]\n', encoding="utf-8")
    assert "ST105" not in run("check", "posts", cwd=tmp_path).stdout
    schema = tmp_path / "post.schema.json"
    schema.write_text('{"type": "object"}', encoding="utf-8")
    (tmp_path / ".artlint.toml").write_text('schema = "post.schema.json"\n', encoding="utf-8")
    assert "FM003" not in run("check", "posts", cwd=tmp_path).stdout
    schema.write_text('{"type": "object", "required": ["author"]}', encoding="utf-8")
    assert run("check", "posts", cwd=tmp_path).stdout.count("FM003") == 7


def test_corrupt_or_foreign_entries_are_not_trusted(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    cold = run("check", "posts", cwd=tmp_path)
    entries = _entries(tmp_path)
    _set_entry(tmp_path, entries[0], b"{not json")
    _set_entry(tmp_path, entries[1], b'{"format": "artlint-results-2", "diagnostics": []}')
    _set_entry(tmp_path, entries[2], _entry(tmp_path, entries[2])[:40])
    foreign = _entry(tmp_path, entries[4]).replace(b'"diagnostics":[', b'"diagnostics":[[1,1')
    _set_entry(tmp_path, entries[3], foreign)
    assert run("check", "posts", cwd=tmp_path).stdout == cold.stdout
    # The damaged entries were checked again and replaced; the next run is answered from them.
    assert all(b"artlint-results-" in _entry(tmp_path, key)[:60] for key in entries[:4])
    assert run("check", "posts", cwd=tmp_path).stdout == cold.stdout


def test_a_foreign_or_damaged_database_is_started_afresh(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    cold = run("check", "posts", cwd=tmp_path)
    for junk in (b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000):
        _database(tmp_path).write_bytes(junk)
        for suffix in ("-wal", "-shm"):
            Path(f"{_database(tmp_path)}{suffix}").unlink(missing_ok=True)
        again = run("check", "posts", cwd=tmp_path)
        assert again.returncode == cold.returncode and again.stdout == cold.stdout
        assert again.stderr == cold.stderr
        assert len(_entries(tmp_path)) == 7


def test_no_cache_and_cache_clear(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    run("check", "--no-cache", "posts", cwd=tmp_path)
    assert _entries(tmp_path) == []
    (tmp_path / ".artlint.toml").write_text("cache = false\n", encoding="utf-8")
    run("check", "posts", cwd=tmp_path)
    assert _entries(tmp_path) == []
    (tmp_path / ".artlint.toml").write_text("", encoding="utf-8")
    run("check", "posts", cwd=tmp_path)
    assert len(_entries(tmp_path)) == 7
    done = run("cache", "clear", cwd=tmp_path)
    assert done.returncode == 0 and "removed 7 file results" in done.stdout
    assert _entries(tmp_path) == []


def test_fix_is_never_answered_from_the_cache(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path, count=2)
    before = run("check", "posts", cwd=tmp_path)
    fixed = run("check", "--fix", "posts", cwd=tmp_path)
    assert "Fixed" in fixed.stderr and "data-ke-size" not in (tmp_path / "posts" / "00.md").read_text()
    after = run("check", "posts", cwd=tmp_path)
    assert after.stdout != before.stdout
    assert after.stdout == run("check", "--no-cache", "posts", cwd=tmp_path).stdout


def test_a_file_over_max_file_size_gets_one_diagnostic(run: Run, write: Write, tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text('max-file-size = "1KB"\n', encoding="utf-8")
    write("big.md", "---\ntitle: Big\n---\n" + "<p><span style='color:#eee'>x</span></p>\n" * 100)
    write("small.md", STYLED.format(n=1))
    done = run("check", "big.md", "small.md", cwd=tmp_path)
    big = [line for line in done.stdout.splitlines() if line.startswith("big.md:")]
    assert len(big) == 1 and "AL002 file-too-large" in big[0]
    assert "skipped" in big[0] and "max-file-size" in big[0] and "1 KB" in big[0]
    assert "small.md:" in done.stdout
    (tmp_path / ".artlint.toml").write_text("max-file-size = 0\n", encoding="utf-8")
    assert "AL002" not in run("check", "big.md", cwd=tmp_path).stdout
    (tmp_path / ".artlint.toml").write_text('max-file-size = "lots"\n', encoding="utf-8")
    bad = run("check", "big.md", cwd=tmp_path)
    assert bad.returncode == 2 and "max-file-size" in bad.stderr


def test_two_runs_sharing_a_folder_agree(write: Write, tmp_path: Path) -> None:
    import subprocess
    import sys

    _site(write, tmp_path, count=40)
    command = [sys.executable, "-m", "artlint", "check", "--jobs", "2", "posts"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    plain = subprocess.run([*command, "--no-cache"], cwd=tmp_path, capture_output=True, timeout=120)
    warm = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert outputs[0] == outputs[1] == plain.stdout == warm.stdout
    assert b"41 files checked" in plain.stdout
    assert not list((tmp_path / ".artlint_cache").rglob("*.tmp"))
    assert len(_entries(tmp_path)) == 41


def test_oversized_stdin_with_fix_passes_through(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    text = STYLED.format(n=1)
    done = run("check", "--fix", "-", "--stdin-filename", "post.md", cwd=tmp_path, input=text)
    assert done.stdout == text
    assert "AL002" in done.stderr and "max-file-size" in done.stderr


def test_a_file_named_otherwise_gets_the_same_report(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    plain = run("check", "--no-cache", str(tmp_path / "posts"), cwd=tmp_path)
    run("check", "posts", cwd=tmp_path)  # the entries hold lines written for "posts/..."
    again = run("check", str(tmp_path / "posts"), cwd=tmp_path)
    assert str(tmp_path / "posts" / "00.md") + ":" in again.stdout
    assert again.stdout == plain.stdout and again.returncode == plain.returncode == 1
    assert run("check", "posts/00.md", cwd=tmp_path).stdout == run(
        "check", "--no-cache", "posts/00.md", cwd=tmp_path).stdout


def _settings(tmp_path: Path) -> list[str]:
    return sorted({settings for settings, _ in _entries(tmp_path)})


def test_entries_no_run_will_read_are_removed(run: Run, write: Write, tmp_path: Path) -> None:
    _site(write, tmp_path)
    old_format = tmp_path / ".artlint_cache" / "results" / "ab" / "abcdef.json"
    old_format.parent.mkdir(parents=True)
    old_format.write_text("{}", encoding="utf-8")
    run("check", "posts", cwd=tmp_path)
    assert not old_format.parent.parent.exists()
    assert len(_settings(tmp_path)) == 1
    # Each settings keeps its entries; the least recently used go once three are kept.
    for ignored in ("ST105", "HT101", "ST101"):
        (tmp_path / ".artlint.toml").write_text(f'ignore = ["{ignored}"]\n', encoding="utf-8")
        run("check", "posts", cwd=tmp_path)
    assert len(_settings(tmp_path)) == 3
    assert len(_entries(tmp_path)) == 3 * 7
    # Entries of files that are gone are swept, at most once a day, by a run that checks a file.
    (tmp_path / "posts" / "05.md").unlink()
    write("posts/04.md", STYLED.format(n=44))
    run("check", "posts", cwd=tmp_path)
    assert len(_entries(tmp_path)) == 3 * 7
    with sqlite3.connect(_database(tmp_path)) as db:
        db.execute("UPDATE marks SET at = ? WHERE name = 'swept'", (time.time() - 2 * 86400,))
    write("posts/04.md", STYLED.format(n=4))
    done = run("check", "posts", cwd=tmp_path)
    assert len(_entries(tmp_path)) == 3 * 6
    assert not any(path.endswith("05.md") for _, path in _entries(tmp_path))
    assert done.stdout == run("check", "--no-cache", "posts", cwd=tmp_path).stdout
