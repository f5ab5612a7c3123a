"""The HTML report: every finding on one self-contained page, article text escaped, filters that work."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import Run

HOSTILE = """---
title: 위험한 글
categories:
  - 메모
---
<p data-ke-size="size16">&nbsp;</p>
<span style="color: #ee2323;"><img src=x onerror="document.title='owned'"> 빨간 글씨</span>
<a href="https://example.com/" rel="dofollow">링크</a>
"""


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "tr" and found.get("class") == "finding":
            self.rows.append(found)


def _report(run: Run, tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    (tmp_path / "post.md").write_text(HOSTILE, encoding="utf-8")
    done = run("check", "--format", "html", "--output", "report.html", "post.md", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    listed = run("check", "--format", "json", "post.md", cwd=tmp_path)
    return tmp_path / "report.html", json.loads(listed.stdout)["diagnostics"]


def test_every_finding_is_on_the_page_and_article_markup_never_runs(run: Run, tmp_path: Path) -> None:
    report, diagnostics = _report(run, tmp_path)
    page = report.read_text(encoding="utf-8")
    reader = _Rows()
    reader.feed(page)
    assert [(r["data-code"], r["data-severity"]) for r in reader.rows] == [
        (d["code"], d["severity"]) for d in diagnostics
    ]
    assert "img" not in reader.tags  # the post's <img onerror> is shown as text, not made an element
    assert "&lt;img src=x onerror=" in page
    assert "http" not in page.replace("https://example.com/", "")  # nothing is loaded from anywhere


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium to render the report")


def _dom(browser: str, url: str, profile: Path) -> str:
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_in_a_browser_the_fragment_filters_by_severity_and_rule(run: Run, tmp_path: Path) -> None:
    browser = _chromium()
    report, diagnostics = _report(run, tmp_path)
    severities = {d["severity"] for d in diagnostics}
    assert "error" in severities and len(severities) > 1

    for fragment, wanted in (
        ("severity=error", lambda d: d["severity"] == "error"),
        ("rule=HT108", lambda d: d["code"] == "HT108"),
        ("", lambda d: True),
    ):
        dom = _dom(browser, f"{report.as_uri()}#{fragment}", tmp_path / "profile")
        reader = _Rows()
        reader.feed(dom)
        shown = [r["data-code"] for r in reader.rows if "hidden" not in r]
        assert shown == [d["code"] for d in diagnostics if wanted(d)], fragment
        assert "<title>artlint report</title>" in dom  # the post's script did not rename the page


def test_convert_report_as_html_names_each_file_and_why(run: Run, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "post.md").write_text(HOSTILE, encoding="utf-8")
    done = run("convert", "in", "--to", "markdown", "--out", "out", "--report", "report.html", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    reader = _Rows()
    reader.feed(page)
    assert len(reader.rows) == 1
    assert "post.md" in page and "dropped on purpose" in page.lower()
