"""Shared helpers: run the real `python -m artlint`, write files, find the shared corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The shared data (real articles, schemas) sits beside the checkout; ARTLINT_SHARED names
# another place for it.
SHARED = Path(os.environ.get("ARTLINT_SHARED") or REPO.parent / "shared")
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "000_0733189af90eb2c7.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

Run = Callable[..., subprocess.CompletedProcess[str]]


def run_artlint(
    *args: str,
    cwd: Path | str | None = None,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -m artlint ARGS` in a clean environment: no colour, not inside GitHub Actions."""
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR")}
    environment.update(env or {})
    data = input.encode("utf-8") if isinstance(input, str) else input
    done = subprocess.run(
        [sys.executable, "-m", "artlint", *args],
        cwd=cwd, input=data, capture_output=True, env=environment, timeout=120,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


@pytest.fixture
def run() -> Run:
    return run_artlint


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write `text` to `tmp_path / name` (folders created), byte for byte."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return path

    return _write


def corpus(*parts: str) -> Path:
    """A folder or file of the shared corpus; the calling test is skipped when it is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"the shared corpus is not here ({path})")
    return path


def corpus_articles() -> list[Path]:
    """Every Markdown article of the shared corpus, in a stable order (skips when absent)."""
    return sorted(corpus().rglob("*.md"))


@pytest.fixture
def seed_text() -> str:
    return corpus("seed", SEED.name).read_text(encoding="utf-8")
