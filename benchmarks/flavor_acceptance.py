"""Judge the flavour-aware checks against the real engines on ../shared/sites (run by hand).

    python benchmarks/flavor_acceptance.py ht117 [SITES]  # HT117 findings kramdown renders fine
    python benchmarks/flavor_acceptance.py fix [SITES]    # pages whose rendering --fix changed
    python benchmarks/flavor_acceptance.py agree [SITES]  # kramdown model vs real kramdown, per repo

SITES defaults to ../shared/sites beside the repository.

ht117: every HT117 finding on a Jekyll site is looked up in real kramdown's HTML of that page
(one batched ruby process); a finding whose text kramdown rendered as emphasis is a false one.
fix: each site is copied to a temporary folder, `artlint check --fix` runs on the copy, and the
Meaning of every page under its site's flavour (and, for kramdown sites, under real kramdown)
is compared before and after.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITES = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO.parent / "shared" / "sites"
sys.path.insert(0, str(REPO))

from artlint import site as sites  # noqa: E402
from artlint.meaning import model as meaning  # noqa: E402
from artlint.parsing.parse import parse  # noqa: E402

RUBY = r"""
require 'json'; require 'kramdown'; require 'kramdown-parser-gfm'
jobs = JSON.parse(STDIN.read)
STDOUT.write(JSON.generate(jobs.map { |j|
  Kramdown::Document.new(j['source'], j['options'].transform_keys(&:to_sym)).to_html }))
"""


def kramdown_html(jobs: list[tuple[str, dict[str, object]]]) -> list[str]:
    payload = json.dumps([{"source": s, "options": o} for s, o in jobs])
    done = subprocess.run(["ruby", "-e", RUBY], input=payload, capture_output=True, text=True, check=True)
    result: list[str] = json.loads(done.stdout)
    return result


def _options(flavor: object) -> dict[str, object]:
    return {"input": getattr(flavor, "input", "GFM") or "GFM", "hard_wrap": False, "auto_ids": True}


def pages() -> list[Path]:
    return sorted(p for p in SITES.rglob("*") if p.suffix in (".md", ".markdown", ".mdx") and p.is_file()
                  and p.name != "README.md")


def ht117() -> int:
    from artlint.api import check_file
    from artlint.config.loading import Settings

    settings = Settings(root=SITES, select=("HT117",))
    findings = []
    for page in pages():
        site = sites.detect(page)
        if site.flavor.engine != "kramdown":
            continue
        for d in check_file(str(page), settings).diagnostics:
            findings.append((page, site, d))
    docs = {p: parse(p.read_text(encoding="utf-8"), str(p)) for p, _, _ in findings}
    order = list(docs)
    htmls = dict(zip(order, kramdown_html([(docs[p].body, _options(sites.detect(p).flavor)) for p in order]),
                     strict=True))
    false = 0
    for page, _, d in findings:
        literal = d.message.split(" is not rendered")[0]
        inner = literal.strip("*_")
        rendered = meaning.of_html(htmls[page])
        if literal not in rendered.text and any(inner == t for _, t in rendered.emphasis):
            false += 1
            print(f"kramdown renders it: {page.relative_to(SITES)}:{d.line}: {literal}")
    kramdown_pages = sum(1 for p in pages() if sites.detect(p).flavor.engine == "kramdown")
    print(f"HT117 on {kramdown_pages} kramdown pages: {len(findings)} findings, "
          f"{false} that kramdown renders")
    return 1 if false else 0


def fix() -> int:
    changed_total = checked = fixed_pages = 0
    real_changed = 0
    for repo in sorted(p for p in SITES.iterdir() if p.is_dir()):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / repo.name
            shutil.copytree(repo, copy)
            before = {p: p.read_text(encoding="utf-8") for p in copy.rglob("*")
                      if p.suffix in (".md", ".markdown", ".mdx") and p.is_file()}
            command = [sys.executable, "-c", "from artlint.cli.app import main; main()"]
            subprocess.run([*command, "check", "--fix", "--exit-zero", "--jobs", "1", "--format", "json",
                            str(copy)],
                           capture_output=True, text=True, cwd=tmp)
            jobs = []
            for path, old in before.items():
                new = path.read_text(encoding="utf-8")
                checked += 1
                if new == old:
                    continue
                fixed_pages += 1
                site = sites.detect(path)
                flavor = site.flavor_for(path)
                a = parse(old, str(path), flavor=flavor)
                b = parse(new, str(path), flavor=flavor)
                problems = meaning.differences(meaning.of_document(a), meaning.of_document(b))
                changed_total += bool(problems)
                if problems:
                    print(f"{repo.name}/{path.relative_to(copy)}: {problems[:3]}")
                if flavor.engine == "kramdown":
                    jobs.append((a.body, b.body, _options(flavor), path))
            if jobs and shutil.which("ruby"):
                htmls = kramdown_html([(x, o) for x, _, o, _ in jobs] + [(y, o) for _, y, o, _ in jobs])
                half = len(jobs)
                for k, (_, _, _, path) in enumerate(jobs):
                    diff = meaning.differences(meaning.of_html(htmls[k]), meaning.of_html(htmls[half + k]))
                    if diff:
                        real_changed += 1
                        print(f"real kramdown: {repo.name}/{path.relative_to(copy)}: {diff[:3]}")
        sites.clear_cache()
    print(f"--fix over {checked} pages ({fixed_pages} changed by fixes): {changed_total} read "
          "differently under their flavour model, "
          f"{real_changed} under real kramdown")
    return 1 if changed_total or real_changed else 0


def agree() -> int:
    from collections import Counter

    from artlint.flavors.render import render

    kramdown_pages = [p for p in pages() if sites.detect(p).flavor.engine == "kramdown"]
    docs = [parse(p.read_text(encoding="utf-8"), str(p)) for p in kramdown_pages]
    flavours = [sites.detect(p).flavor for p in kramdown_pages]
    htmls = kramdown_html([(d.body, _options(f)) for d, f in zip(docs, flavours, strict=True)])
    same: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for page, doc, flavor, html in zip(kramdown_pages, docs, flavours, htmls, strict=True):
        repo = page.relative_to(SITES).parts[0]
        total[repo] += 1
        diff = meaning.differences(meaning.of_html(html), meaning.of_html(render(doc.body, flavor)))
        if diff:
            print(f"{page.relative_to(SITES)}: {diff[:2]}")
        else:
            same[repo] += 1
    for repo in sorted(total):
        print(f"{repo}: {same[repo]}/{total[repo]} read the same as real kramdown")
    print(f"all: {sum(same.values())}/{sum(total.values())}")
    return 0


if __name__ == "__main__":
    sys.exit({"ht117": ht117, "fix": fix, "agree": agree}[sys.argv[1]]())
