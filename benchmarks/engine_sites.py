"""Judge artlint on ../shared/sites with each repository's real Markdown engine. Run by hand.

    python benchmarks/engine_sites.py fix [--fix-args "--verify-with kramdown"]
    python benchmarks/engine_sites.py convert [--convert-args "--verify-with kramdown"]
    python benchmarks/engine_sites.py conformance

fix:         copy each site to a temporary folder, run `artlint check --fix` on it, and compare
             every page's real rendering before and after (text, blocks, headings, links,
             images, emphasis, classes). Target: 100% unchanged.
convert:     `artlint convert --to markdown` of each site (written for the site's flavour), the
             real rendering of each output against its input's. Target: >= 99% read the same;
             every refusal is listed with its reason.
conformance: the flavour model (artlint.flavors.render) against the real engine, page by page.
             Target: >= 98% agreement.

Jekyll repositories render with kramdown, their `_config.yml` kramdown options over Jekyll's
defaults; the Tistory mirror (read on GitHub) and the Astro site (remark with GFM) are GFM,
rendered by cmark-gfm, GitHub's own engine, with github.com's extensions. Prints one table per
command; `--details` lists every page that differs.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# ../shared/sites beside the checkout (or beside the folder holding it, for a worktree).
SITES = next((p / "shared" / "sites" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
             ROOT.parent / "shared" / "sites")
sys.path.insert(0, str(ROOT))

from artlint import engines  # noqa: E402
from artlint.flavors import GFM, KRAMDOWN, Flavor  # noqa: E402
from artlint.flavors.render import render as model_render  # noqa: E402
from artlint.meaning import model as meaning  # noqa: E402

KRAMDOWN_REPOS = {
    "daviddarnes__alembic": "_config.yml",
    "jekyll__jekyll": "docs/_config.yml",
    "ratsgo__ratsgo.github.io": "_config.yml",
    "skullkim__skullkim.github.io": "_config.yml",
}
GFM_REPOS = ("eunohhh__my_tistory_blog_posts", "chrismwilliams__astro-theme-cactus")
EXTENSIONS = (".md", ".markdown", ".mdx")


@dataclass
class Site:
    name: str
    engine: str  # "kramdown" or "cmark-gfm"
    options: dict[str, Any]
    flavor: Flavor

    def render(self, bodies: list[str]) -> list[str]:
        return engines.get(self.engine).render_many(bodies, self.options)


def site(name: str) -> Site:
    if name in KRAMDOWN_REPOS:
        import yaml

        config = yaml.safe_load((SITES / name / KRAMDOWN_REPOS[name]).read_text(encoding="utf-8")) or {}
        given = config.get("kramdown") or {}
        options = engines.defaults("kramdown") | {k: v for k, v in given.items() if k != "syntax_highlighter"}
        return Site(name, "kramdown", options, KRAMDOWN)
    return Site(name, "cmark-gfm", engines.defaults("cmark-gfm"), GFM)


def pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in EXTENSIONS and p.is_file()
                  and ".git" not in p.parts and p.name != "README.md")


def body_of(path: Path) -> str:
    from artlint.parsing.parse import parse
    from artlint.text.files import read_text

    return parse(read_text(str(path)).text, str(path)).body


class _Classes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[tuple[str, str]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key == "class" and value and not value.startswith("language-"):
                self.found[(tag, " ".join(sorted(value.split())))] += 1


def classes(html: str) -> Counter[tuple[str, str]]:
    reader = _Classes()
    reader.feed(html)
    reader.close()
    return reader.found


def differences(before: str, after: str, with_classes: bool = True) -> list[str]:
    found = meaning.differences(meaning.of_html(before), meaning.of_html(after))
    if with_classes:
        lost, gained = classes(before) - classes(after), classes(after) - classes(before)
        found += [f"class lost: <{t} class={c!r}>" for t, c in lost]
        found += [f"class gained: <{t} class={c!r}>" for t, c in gained]
    return found


def artlint(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "artlint", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def table(title: str, rows: list[tuple[str, int, int, str]], target: float) -> None:
    print(f"\n{title}")
    print(f"{'repository':36} {'files':>5} {'same':>5} {'%':>7}  notes")
    total = same = 0
    for name, files, ok, notes in rows:
        total, same = total + files, same + ok
        print(f"{name:36} {files:5} {ok:5} {percent(ok, files):>7}  {notes}")
    print(f"{'all':36} {total:5} {same:5} {percent(same, total):>7}  target {target:g}%")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def run_fix(names: list[str], extra: list[str], details: bool) -> None:
    rows = []
    for name in names:
        info = site(name)
        with tempfile.TemporaryDirectory(prefix="artlint-fix-") as temp:
            copy = Path(temp) / name
            shutil.copytree(SITES / name, copy)
            files = pages(copy)
            before = info.render([body_of(p) for p in files])
            done = artlint("check", "--fix", "--format", "json", "--exit-zero", *extra, str(copy))
            if done.returncode not in (0, 1):
                print(f"{name}: artlint exited {done.returncode}: {done.stderr[-2000:]}", file=sys.stderr)
            after = info.render([body_of(p) for p in files])
            changed = 0
            refused = done.stderr.count("not applied")
            for path, old, new in zip(files, before, after, strict=True):
                found = differences(old, new)
                if found:
                    changed += 1
                    if details:
                        print(f"  {name}/{path.relative_to(copy)}: {'; '.join(found[:3])}")
            notes = f"{info.engine}; fixes withheld in {refused}"
            rows.append((name, len(files), len(files) - changed, notes))
    table("check --fix: pages whose real rendering is unchanged", rows, 100)


def run_convert(names: list[str], extra: list[str], details: bool) -> None:
    from artlint.convert import pipeline
    from artlint.convert.options import Options

    rows = []
    for name in names:
        info = site(name)
        flavor = "kramdown" if info.engine == "kramdown" else "gfm"
        with tempfile.TemporaryDirectory(prefix="artlint-convert-") as temp:
            out, report = Path(temp) / "out", Path(temp) / "report.json"
            args = ["convert", str(SITES / name), "--to", "markdown", "--out", str(out), "--flavor", flavor,
                    "--report", str(report), "--quiet", "--jobs", "1"]
            done = artlint(*args, *extra)
            if not report.exists():
                print(f"{name}: no report: {done.stderr[-2000:]}", file=sys.stderr)
                continue
            results = json.loads(report.read_text(encoding="utf-8"))["files"]
            written = [r for r in results if r.get("output")]
            refusals = [r for r in results if r["status"] in ("failed", "error")]
            inputs = [body_of(Path(r["path"])) for r in written]
            outputs = [body_of(Path(r["output"])) for r in written]
            rendered = info.render(inputs + outputs)
            options = Options(flavor=flavor)
            same = 0
            pairs = zip(written, rendered[: len(written)], rendered[len(written) :], strict=True)
            for result, before, after in pairs:
                found = pipeline.page_differences(before, after, options)
                if not found:
                    same += 1
                elif details:
                    print(f"  differs {result['path']}: {'; '.join(found[:3])}")
            reasons = Counter(_reason(r) for r in refusals)
            for result in refusals:
                if details:
                    shown = "; ".join(result["differences"][:2])
                    print(f"  refused {result['path']}: {_reason(result)}: {shown}")
            notes = f"{info.engine}; {len(refusals)} refused" + (
                f" ({', '.join(f'{k}: {v}' for k, v in reasons.most_common())})" if reasons else "")
            rows.append((name, len(results), same, notes))
    table("convert --to markdown: outputs whose real rendering reads as the input's", rows, 99)


def _reason(result: dict[str, Any]) -> str:
    if result["status"] == "error":
        return "error"
    first = (result.get("differences") or ["unknown"])[0]
    return first.split(":")[0].split(" differs")[0]


def run_conformance(names: list[str], details: bool) -> None:
    rows = []
    for name in names:
        info = site(name)
        files = pages(SITES / name)
        bodies = [body_of(p) for p in files]
        real = info.render(bodies)
        agree = 0
        from artlint import site as sites

        for path, body, html in zip(files, bodies, real, strict=True):
            # The model as artlint applies it: the flavour of the site detected for the page.
            found = differences(model_render(body, sites.detect(path).flavor_for(path)), html)
            if not found:
                agree += 1
            elif details:
                print(f"  {name}/{path.relative_to(SITES / name)}: {'; '.join(found[:3])}")
        wanted = ("input", "auto_ids", "hard_wrap")
        shown = ", ".join(f"{k}={v}" for k, v in info.options.items() if k in wanted)
        rows.append((name, len(files), agree, f"{info.engine} {shown}".strip()))
    table("conformance: flavour model agrees with the real engine", rows, 98)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("fix", "convert", "conformance", "all"))
    parser.add_argument("--repos", help="comma-separated repository names (default: all six)")
    parser.add_argument("--fix-args", default="", help="extra arguments for artlint check --fix")
    parser.add_argument("--convert-args", default="", help="extra arguments for artlint convert")
    parser.add_argument("--details", action="store_true", help="list every page that differs")
    args = parser.parse_args()
    if not SITES.is_dir():
        print(f"no {SITES}: nothing to measure", file=sys.stderr)
        return 2
    for engine in ("kramdown", "cmark-gfm"):
        if not engines.available(engine):
            print(engines.EngineMissing(engine, engines.why_missing(engine)), file=sys.stderr)
            return 2
    names = args.repos.split(",") if args.repos else [*KRAMDOWN_REPOS, *GFM_REPOS]
    if args.command in ("fix", "all"):
        run_fix(names, shlex.split(args.fix_args), args.details)
    if args.command in ("convert", "all"):
        run_convert(names, shlex.split(args.convert_args), args.details)
    if args.command in ("conformance", "all"):
        run_conformance(names, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
