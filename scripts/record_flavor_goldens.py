"""Render tests/fixtures/flavors/cases/*.md with the real engines and store their HTML as goldens.

Run by hand after adding a case or changing an engine setting (needs `ruby` with the kramdown and
kramdown-parser-gfm gems, `hugo` and `cmark-gfm`):

    python scripts/record_flavor_goldens.py            # write tests/fixtures/flavors/golden/
    python scripts/record_flavor_goldens.py --check    # compare only; exit 1 when a golden differs

Each engine variant is rendered in one batched process (one ruby, one hugo build per variant);
cmark-gfm, GitHub's engine, reads one document per process.
tests/flavors/test_flavors_conformance.py asserts each flavour model reads the same as these files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "fixtures" / "flavors" / "cases"
GOLDEN = REPO / "tests" / "fixtures" / "flavors" / "golden"

# Jekyll's own kramdown defaults (what a Jekyll site gets without a kramdown: table).
JEKYLL = {"auto_ids": True, "hard_wrap": False, "smart_quotes": "lsquo,rsquo,ldquo,rdquo"}
KRAMDOWN_VARIANTS = {
    "kramdown-gfm": {**JEKYLL, "input": "GFM"},
    "kramdown": {**JEKYLL, "input": "kramdown"},
    "kramdown-gfm-hard-wrap": {**JEKYLL, "input": "GFM", "hard_wrap": True},
}
HUGO_VARIANTS = {
    "hugo": {},
    "hugo-unsafe": {"renderer": {"unsafe": True}},
    "hugo-termid": {"parser": {"autoDefinitionTermID": True}},
    "hugo-block": {"parser": {"attribute": {"block": True}}},
}

# What github.com enables (cmark-gfm's own extension names).
CMARK_GFM = ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
             "-e", "tasklist", "-e", "footnotes"]

RUBY = r"""
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'
jobs = JSON.parse(STDIN.read)
out = jobs.map do |job|
  opts = job['options'].transform_keys(&:to_sym)
  opts[:input] = opts[:input] || 'GFM'
  Kramdown::Document.new(job['source'], opts).to_html
end
STDOUT.write(JSON.generate(out))
"""


def kramdown(sources: list[str], options: dict[str, object]) -> list[str]:
    jobs = [{"source": s, "options": options} for s in sources]
    done = subprocess.run(["ruby", "-e", RUBY], input=json.dumps(jobs), capture_output=True,
                          text=True, check=True)
    result: list[str] = json.loads(done.stdout)
    return result


def hugo(names: list[str], sources: list[str], goldmark: dict[str, object]) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "content").mkdir()
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
        config = {
            "baseURL": "http://example.org/",
            "uglyURLs": True,
            "disableKinds": ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"],
            "markup": {"goldmark": goldmark},
        }
        (site / "hugo.json").write_text(json.dumps(config))
        for name, source in zip(names, sources, strict=True):
            (site / "content" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{source}")
        subprocess.run(["hugo", "--quiet", "-s", str(site), "-d", str(site / "out")], check=True,
                       capture_output=True)
        return [(site / "out" / f"{name}.html").read_text(encoding="utf-8") for name in names]


def cmark_gfm(sources: list[str]) -> list[str]:
    return [subprocess.run(["cmark-gfm", *CMARK_GFM], input=s, capture_output=True, text=True,
                           check=True).stdout for s in sources]


def render_all() -> dict[str, str]:
    cases = sorted(CASES.glob("*.md"))
    names = [c.stem for c in cases]
    sources = [c.read_text(encoding="utf-8") for c in cases]
    out: dict[str, str] = {}
    for variant, options in KRAMDOWN_VARIANTS.items():
        for name, html in zip(names, kramdown(sources, options), strict=True):
            out[f"{name}.{variant}.html"] = html
    for variant, goldmark in HUGO_VARIANTS.items():
        for name, html in zip(names, hugo(names, sources, goldmark), strict=True):
            out[f"{name}.{variant}.html"] = html
    for name, html in zip(names, cmark_gfm(sources), strict=True):
        out[f"{name}.gfm.html"] = html
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the stored goldens only")
    args = parser.parse_args()
    missing = [tool for tool in ("ruby", "hugo", "cmark-gfm") if shutil.which(tool) is None]
    if missing:
        print(f"record_flavor_goldens: not installed: {', '.join(missing)}", file=sys.stderr)
        return 2
    rendered = render_all()
    if args.check:
        stale = [n for n, html in rendered.items()
                 if not (GOLDEN / n).is_file() or (GOLDEN / n).read_text(encoding="utf-8") != html]
        for name in stale:
            print(f"differs: {name}")
        return 1 if stale else 0
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, html in rendered.items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
    print(f"wrote {len(rendered)} goldens to {GOLDEN.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
