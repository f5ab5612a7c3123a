"""`--jobs`: worker processes change the speed of a run, never its report or its exit code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

from artlint import runner as parallel
from artlint.api import check_file, settings_for

Write = Callable[[str, str], Path]

CLEAN = """---
title: Weekly notes {n}
categories:
  - News
---
Plain paragraph number {n}, with a [link](https://example.com/{n}).
"""

STYLED = """---
title: Spring sale {n}
---
<p data-ke-size="size16">&nbsp;</p>
<b><span style="color: #ee2323;">Only this week</span></b> for item {n}.
"""

BROKEN = """---
title: ""
categories: News
---
<div><span style="background-color: #21538527;">Draft {n}</span>
"""


def _tree(write: Write, count: int) -> list[Path]:
    """A folder of articles of three kinds, interleaved so findings appear all along the run."""
    kinds = (CLEAN, STYLED, BROKEN)
    return [write(f"posts/{n:03d}-post.md", kinds[n % 3].format(n=n)) for n in range(count)]


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif"])
def test_report_and_exit_code_do_not_depend_on_jobs(
    run: Run, write: Write, tmp_path: Path, output_format: str
) -> None:
    _tree(write, 30)
    write("posts/zz-undecodable.md", "")
    (tmp_path / "posts" / "zz-undecodable.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    one = run("check", "--jobs", "1", "--format", output_format, "posts", cwd=tmp_path)
    two = run("check", "--jobs", "2", "--format", output_format, "posts", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "001-post.md" in one.stdout and "029-post.md" in one.stdout
    assert "zz-undecodable.md" in one.stdout


def test_files_are_reported_in_input_order(run: Run, write: Write, tmp_path: Path) -> None:
    _tree(write, 24)
    done = run("check", "--jobs", "2", "--format", "github", "posts", cwd=tmp_path)
    reported = [line.split("file=")[1].split(",")[0] for line in done.stdout.splitlines() if "file=" in line]
    names = [Path(name).name for name in reported]
    assert names == sorted(names)
    assert len(set(names)) == 16  # every STYLED and BROKEN file has findings


def test_stdin_and_files_together(run: Run, write: Write, tmp_path: Path) -> None:
    _tree(write, 12)
    stdin = BROKEN.format(n=99)
    one = run("check", "--jobs", "1", "--stdin-filename", "new.md", "-", "posts", cwd=tmp_path, input=stdin)
    two = run("check", "--jobs", "2", "--stdin-filename", "new.md", "-", "posts", cwd=tmp_path, input=stdin)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stdout.count("new.md:") == two.stdout.count("new.md:") > 0


def test_exit_zero_and_statistics_with_jobs(run: Run, write: Write, tmp_path: Path) -> None:
    _tree(write, 12)
    one = run("check", "--jobs", "1", "--statistics", "--exit-zero", "posts", cwd=tmp_path)
    two = run("check", "--jobs", "2", "--statistics", "--exit-zero", "posts", cwd=tmp_path)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert "FM003" in one.stdout


def test_api_results_match_one_process(write: Write, tmp_path: Path) -> None:
    paths = [str(p) for p in _tree(write, 40)]
    settings = settings_for()
    expected = [check_file(p, settings) for p in paths]
    got = list(parallel.check_files(paths, settings, jobs=2))
    assert [r.path for r in got] == paths
    assert [r.diagnostics for r in got] == [r.diagnostics for r in expected]
    assert [r.links for r in got] == [r.links for r in expected]


@pytest.mark.parametrize("value", ["x", "-1", "1.5", ""])
def test_bad_jobs_value_is_a_usage_error(run: Run, write: Write, tmp_path: Path, value: str) -> None:
    write("a.md", CLEAN.format(n=1))
    done = run("check", "--jobs", value, "a.md", cwd=tmp_path)
    assert done.returncode == 2
    assert "--jobs" in done.stderr and "Traceback" not in done.stderr


def test_auto_uses_one_process_for_a_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    assert parallel.workers_for(1, None) == 1
    assert parallel.workers_for(parallel.AUTO_THRESHOLD, None) == 1
    assert parallel.workers_for(parallel.AUTO_THRESHOLD + 1, None) == 8
    assert parallel.workers_for(3, 4) == 3  # never more workers than files
    assert parallel.workers_for(500, 1) == 1


def test_parse_jobs() -> None:
    assert parallel.parse_jobs("auto") is None
    assert parallel.parse_jobs("0") is None
    assert parallel.parse_jobs(" 3 ") == 3
    with pytest.raises(ValueError, match="positive number or auto"):
        parallel.parse_jobs("many")
