"""Which modules each command imports: heavy dependencies load only where they are needed.

Expectations (keep them; when one fails, the change that made a command import a heavy module
needs a lazy import inside the function that uses it):

- every command here: never markdownify, nh3, aiohttp or rich (conversion, sanitising, the
  external link checker and pretty output are not on these paths);
- `--help` and `rules`: also never jsonschema, markdown_it or yaml (nothing is parsed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

NEVER = {"markdownify", "nh3", "aiohttp", "rich"}
NOT_FOR_METADATA = {"jsonschema", "markdown_it", "yaml"}


def imported(args: list[str], cwd: Path) -> set[str]:
    """Top-level names of every module imported by `python -X importtime -m artlint ARGS`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "artlint", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            names.add(name.split(".")[0])
    assert "artlint" in names  # the importtime output was read
    return names


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (["--help"], NEVER | NOT_FOR_METADATA),
        (["rules"], NEVER | NOT_FOR_METADATA),
        (["check", "a.md"], NEVER),
        (["check", "--format", "json", "a.md"], NEVER),
    ],
    ids=["help", "rules", "check", "check-json"],
)
def test_command_does_not_import(tmp_path: Path, args: list[str], forbidden: set[str]) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: 글\ncategories: 뉴스\n---\n<p data-ke-size=\"size16\">&nbsp;</p>\n\n본문 [링크](b.md)\n",
        encoding="utf-8",
    )
    loaded = imported(args, tmp_path)
    assert not loaded & forbidden, f"`artlint {' '.join(args)}` imported {sorted(loaded & forbidden)}"
