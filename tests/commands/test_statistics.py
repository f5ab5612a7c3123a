"""`artlint check --statistics`: one count per rule and honest totals, in text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = """---
title: 통계
---

<p data-ke-size="size16">&nbsp;</p>

<p>글 <span style="color: #ee2323;">강조</span></p>
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "artlint", "check", "--statistics", *args],
        capture_output=True, text=True, cwd=cwd,
    )


def test_text_statistics_count_per_rule_and_total(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    done = run("--format", "text", ".", cwd=tmp_path)
    lines = done.stdout.splitlines()
    counts = {line.split()[1]: int(line.split()[0]) for line in lines[:-1]}
    assert counts["HT102"] == 2 and counts["ST102"] == 2
    assert lines[-1].startswith("2 files checked: ")
    assert "no problems" not in lines[-1]


def test_json_statistics_is_valid_json_with_totals(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    done = run("--format", "json", "a.md", cwd=tmp_path)
    data = json.loads(done.stdout)
    assert data["summary"]["files"] == 1
    by_code = {row["code"]: row["count"] for row in data["statistics"]}
    assert by_code["HT102"] == 1
    assert sum(by_code.values()) == sum(data["summary"][s] for s in ("error", "warning", "info"))
