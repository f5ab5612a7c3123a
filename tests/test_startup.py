"""What a one-file `artlint check` loads, and that options reach the check as given."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Run

from artlint.cli import app as cli
from artlint.commands import check as check_command
from artlint.commands.check import CheckOptions

Write = Callable[[str, str], Path]

VALID = """---
title: A quiet week
categories:
  - Notes
feature_image: /assets/img/cover.png
image: https://example.com/res/images/cover.jpg
---
<p data-ke-size="size16">Nothing <b>much</b> happened.</p>
"""

INVALID = """---
title: ""
categories: Notes
---
Body.
"""

HEAVY = ("typer", "pydantic", "pygls", "lsprotocol", "jsonschema", "rich", "markdownify", "nh3", "aiohttp")


def _loaded_modules(path: Path) -> set[str]:
    program = (
        "import sys, json\n"
        f"sys.argv = ['artlint', 'check', {str(path)!r}]\n"
        "from artlint.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                          cwd=path.parent)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_valid_file_loads_no_heavy_module(write: Write) -> None:
    loaded = _loaded_modules(write("post.md", VALID))
    assert not {name for name in loaded if name.split(".")[0] in HEAVY}


def test_invalid_front_matter_still_gets_jsonschema_errors(run: Run, write: Write, tmp_path: Path) -> None:
    path = write("post.md", INVALID)
    assert "jsonschema" in _loaded_modules(path)
    done = run("check", "--select", "FM003", "post.md", cwd=tmp_path)
    assert done.returncode == 1
    assert "$.title" in done.stdout and "$.categories" in done.stdout


def _options(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> CheckOptions:
    seen: list[CheckOptions] = []

    def fake_run_check(options: CheckOptions) -> int:
        seen.append(options)
        return 0

    monkeypatch.setattr(check_command, "run_check", fake_run_check)
    result = CliRunner().invoke(cli.app, ["check", *argv])
    assert result.exit_code == 0, result.output
    return seen[0]


def test_no_options_mean_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _options([], monkeypatch) == CheckOptions()


def test_options_reach_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["--format", "json", "--select", "FM,ST101", "--select", "HT", "--ignore", "FM005",
            "--config", "cfg.toml", "--output", "out.txt", "--no-external", "--color", "--jobs", "3",
            "--fix", "--unsafe-fixes", "--stdin-filename", "p.md", "a.md", "b.md"]
    options = _options(argv, monkeypatch)
    assert options.paths == ("a.md", "b.md")
    assert options.output_format == "json"
    assert options.select == ("FM", "ST101", "HT")
    assert options.ignore == ("FM005",)
    assert options.extend_select is None
    assert options.config == Path("cfg.toml") and options.output == Path("out.txt")
    assert options.external is False and options.color is True
    assert options.jobs == 3 and options.fix and options.unsafe_fixes
    assert options.stdin_filename == "p.md"
    assert not options.diff and not options.strict


def test_bad_jobs_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    done = run("check", "--jobs", "many", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert "--jobs" in done.stderr and "Traceback" not in done.stderr
