"""The example articles shipped in examples/: the quick start's `artlint check examples/` passes."""

from __future__ import annotations

import json

from conftest import REPO, Run

EXAMPLES = REPO / "examples"


def test_quick_start_check_passes(run: Run) -> None:
    done = run("check", "examples/", cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_examples_front_matter_is_valid_in_every_format(run: Run) -> None:
    done = run("check", "--select", "FM", "--format", "json", "examples/", cwd=REPO)
    report = json.loads(done.stdout)
    assert report["diagnostics"] == []
    assert report["summary"]["files"] == len(list(EXAMPLES.glob("*.md")))
    starts = {p.read_text(encoding="utf-8")[:3] for p in EXAMPLES.glob("*.md")}
    assert {"---", "+++"} <= starts and any(s.startswith("{") for s in starts)


def test_examples_match_the_example_site_schema(run: Run) -> None:
    done = run("check", "--select", "FM", "--schema", "examples/post.schema.json", "examples/", cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems" in done.stdout
