"""Every article of the shared corpus through `artlint convert`, in worker processes.

Verification must hold for every file written; files refused are reported with the reason.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import CORPUS, Run, corpus


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from tests.conftest import run_artlint

    corpus()

    work = tmp_path_factory.mktemp("corpus")
    done = run_artlint("convert", str(CORPUS), "--to", "markdown", "--out", str(work / "out"),
                       "--report", str(work / "report.json"), "--quiet")
    assert done.returncode in (0, 1), done.stderr
    report: dict[str, object] = json.loads((work / "report.json").read_text(encoding="utf-8"))
    report["out"] = str(work / "out")
    return report


def test_corpus_converts_with_verification(corpus_report: dict[str, object]) -> None:
    files = corpus_report["files"]
    assert isinstance(files, list)
    statuses = Counter(f["status"] for f in files)
    refused = [f for f in files if f["status"] != "converted"]
    print(f"\n{len(files)} files: {dict(statuses)}")
    for f in refused:
        print(f"  {f['path']}: {f['error'] or '; '.join(f['differences'][:2])}")
    assert statuses["error"] == 0
    assert all(f["differences"] for f in files if f["status"] == "failed")  # refused says why
    assert statuses["converted"] >= 0.95 * len(files)


def test_corpus_outputs_are_fixed_points(run: Run, corpus_report: dict[str, object]) -> None:
    out = Path(str(corpus_report["out"]))
    done = run("convert", str(out), "--to", "markdown", "--out", str(out), "--check", "--quiet")
    assert done.returncode == 0, done.stderr[-2000:]
