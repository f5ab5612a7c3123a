"""The real archives in ../shared/corpus, checked with the schemas their owners would write."""

from __future__ import annotations

import json

from conftest import CORPUS, FIXTURES, Run, corpus

CONFIG = FIXTURES / "frontmatter" / "corpus" / "corpus.artlint.toml"
ARTICLE_SUFFIXES = (".md", ".markdown", ".html")


def test_corpus_front_matter(run: Run) -> None:
    done = run("check", "--config", str(CONFIG), "--format", "json", ".", cwd=corpus())
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    on_disk = [p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
    assert report["summary"]["files"] == len(on_disk)  # every file answered, none lost
    codes = {d["code"] for d in report["diagnostics"]}
    assert not codes & {"AL000", "AL001"}, [d for d in report["diagnostics"] if d["code"].startswith("AL")]
    assert codes <= {"FM001", "FM002", "FM003", "FM004", "FM005"}
    # A real trap in the Jekyll archive: `version: 3.0` is the number 3.0, not the text "3.0".
    version = [d for d in report["diagnostics"] if d["pointer"] == "/version"]
    assert [(d["line"], d["column"], d["code"]) for d in version] == [(5, 10, "FM003")]
    assert "quote it: '3.0'" in version[0]["message"]


def test_corpus_with_the_default_schema_does_not_crash(run: Run) -> None:
    done = run("check", "--select", "FM", "--format", "json", ".", cwd=corpus())
    report = json.loads(done.stdout)
    assert not {d["code"] for d in report["diagnostics"]} & {"AL000", "AL001"}
    missing = {d["path"].split("/")[0] for d in report["diagnostics"] if d["code"] == "FM002"}
    # The corpus is a folder of no site: the Tistory mirror (no front matter by design, read as
    # it is on GitHub) is not asked for front matter that nothing would read.
    assert "eunohhh__my_tistory_blog_posts" not in missing
    assert "seed" not in {d["path"].split("/")[0] for d in report["diagnostics"]}
