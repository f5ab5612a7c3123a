"""What a one-file `artlint check` loads, and that the lean option handling changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from typer.testing import CliRunner

from artlint.cli import app as cli
from artlint.cli import params as cli_params
from artlint.commands import check as check_command

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

HEAVY = ("pydantic", "jsonschema", "rich", "markdownify", "nh3", "aiohttp")


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


CASES = [
    [],
    ["a.md", "b.md"],
    ["--format", "json", "--select", "FM,ST101", "--select", "HT", "--ignore", "FM005", "x"],
    ["--config", "cfg.toml", "--output", "out.txt", "--schema", "none", "-"],
    ["--external", "--no-color", "--strict", "--exit-zero", "--stdin-filename", "p.md", "-"],
    ["--no-external", "--color", "--statistics", "--extend-select", "LK", "--jobs", "3", "d"],
    ["--fix", "--unsafe-fixes", "--diff", "--no-cache", "--allow-private", "--debug", "-j", "auto"],
]


def _options(argv: list[str], lean: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    seen: list[object] = []

    def fake_run_check(options: object) -> int:
        seen.append(options)
        return 0

    monkeypatch.setattr(check_command, "run_check", fake_run_check)
    if not lean:
        monkeypatch.setattr(cli_params, "install", lambda param: False)
    result = CliRunner().invoke(cli.app, ["check", *argv])
    assert result.exit_code == 0, result.output
    return seen[0]


@pytest.mark.parametrize("argv", CASES)
def test_lean_options_equal_typer_coercion(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        general = _options(argv, False, patch)
    with monkeypatch.context() as patch:
        lean = _options(argv, True, patch)
    assert lean == general


def test_lean_coercion_is_installed_on_check() -> None:
    import typer.main

    command = typer.main.get_command(cli.app)
    check = command.commands["check"]  # type: ignore[attr-defined]
    if not hasattr(check.params[0], "get_runtime_param"):
        pytest.skip("this typer has no lazy coercion layer")
    kinds = {p.name: type(p._runtime_param).__name__ for p in check.params}
    assert kinds["output_format"] == kinds["paths"] == kinds["config"] == "_Plain"
