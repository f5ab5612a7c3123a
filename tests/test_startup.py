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
from artlint.cli.entry import plain_check, plain_options
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
categories: Notes, Drafts
---
Body.
"""

# click too: a plain `check PATH...` goes past it (artlint.cli.entry).
HEAVY = ("click", "typer", "pydantic", "pygls", "lsprotocol", "jsonschema", "rich", "markdownify", "nh3",
         "aiohttp")


def _loaded_modules(path: Path, *options: str) -> set[str]:
    program = (
        "import sys, json\n"
        f"sys.argv = ['artlint', 'check', *{list(options)!r}, {str(path)!r}]\n"
        "from artlint.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                          cwd=path.parent)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_valid_file_loads_no_heavy_module(write: Write) -> None:
    loaded = _loaded_modules(write("post.md", VALID))
    assert not {name for name in loaded if name.split(".")[0] in HEAVY}


# Nor what only other inputs or options need: TOML (no TOML configuration here), git and worker
# processes (one named file), near-miss search (no broken link), the TOML and JSON front-matter
# readers, the check's click options; with --no-cache, the digests of the result cache.
UNNEEDED = ("tomllib", "subprocess", "multiprocessing", "difflib", "artlint.frontmatter.toml_positions",
            "artlint.frontmatter.json_positions", "artlint.cli.app", "artlint.cli.params")


@pytest.mark.parametrize("options", [(), ("--no-cache",)])
def test_a_plain_one_file_check_loads_only_what_it_uses(write: Write, options: tuple[str, ...]) -> None:
    loaded = _loaded_modules(write("post.md", VALID), *options)
    assert "artlint.parsing.parse" in loaded and "yaml" in loaded  # the file was checked
    unneeded = UNNEEDED + (("hashlib",) if options else ())
    assert not {name for name in loaded if name in unneeded or name.split(".")[0] in unneeded}


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


@pytest.mark.parametrize(
    "argv",
    [
        ["a.md"],
        [],
        ["a.md", "--no-cache", "b.md"],
        ["--fix", "a.md"],
        ["--strict", "--exit-zero", "--fix", "--unsafe-fixes", "--diff", "--no-cache", "--allow-private",
         "--statistics", "--debug", "--fix", "a.md"],
        ["", "dir/"],
    ],
)
def test_a_plain_check_means_what_click_makes_of_it(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    plain = plain_check(["check", *argv])
    assert plain is not None
    assert plain_options(*plain) == _options(argv, monkeypatch)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json", "a.md"],
        ["check", "-f", "json", "a.md"],
        ["check", "-"],
        ["check", "--", "-a.md"],
        ["check", "--help"],
        ["check", "--no-cache=1", "a.md"],
        ["check", "--no-color", "a.md"],
        ["check", "--jobs", "2", "a.md"],
        ["--version"],
        ["rules"],
        ["checks", "a.md"],
        [],
    ],
)
def test_everything_else_goes_through_click(args: list[str]) -> None:
    assert plain_check(args) is None


def test_shell_completion_goes_through_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ARTLINT_COMPLETE", "bash_complete")
    assert plain_check(["check", "a.md"]) is None


def test_a_plain_check_and_click_report_alike(run: Run, write: Write, tmp_path: Path) -> None:
    write("bad.md", INVALID)
    plain = run("check", "--no-cache", "bad.md", cwd=tmp_path)
    through_click = run("check", "--no-cache", "--format", "auto", "bad.md", cwd=tmp_path)
    assert plain.returncode == through_click.returncode == 1
    assert plain.stdout == through_click.stdout and plain.stdout
    missing = run("check", "--no-cache", "gone.md", cwd=tmp_path)
    assert missing.returncode == 2 and "gone.md" in missing.stderr


def test_the_plain_flags_are_the_flags_of_the_click_command() -> None:
    import click

    from artlint.cli.entry import FLAGS

    command = cli.app.commands["check"]
    flags = {opt: param.name for param in command.params if isinstance(param, click.Option)
             and param.is_flag and not param.secondary_opts for opt in param.opts}
    assert flags == FLAGS
