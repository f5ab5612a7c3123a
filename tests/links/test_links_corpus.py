"""The offline link rules on real articles: no false positives on the seed, no crash anywhere."""

from __future__ import annotations

from pathlib import Path

from conftest import corpus

from artlint.api import check_paths
from artlint.config.loading import from_mapping
from artlint.lint.engine import INTERNAL_CODE


def _lk(path: Path) -> list[str]:
    settings = from_mapping({}, root=path).with_cli(select=("LK",))
    return [
        f"{Path(r.path).name}:{d.line}:{d.column} {d.code} {d.message}"
        for r in check_paths([str(path)], settings)
        for d in r.diagnostics
    ]


def test_seed_article_has_no_link_findings() -> None:
    assert _lk(corpus("seed")) == []


def test_corpus_checks_without_internal_errors() -> None:
    found = _lk(corpus())
    assert not [f for f in found if f" {INTERNAL_CODE} " in f]
    # Liquid in URLs ({{ site.baseurl }}, {% link %}) is never taken for a path.
    assert not [f for f in found if "{{" in f or "{%" in f]
