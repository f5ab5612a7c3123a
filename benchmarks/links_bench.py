"""Online link checking, side by side: artlint --external, markdown-link-check, linkinator.

Run by hand (never by CI):  python benchmarks/links_bench.py [--urls 1000] [--articles 50]

A local aiohttp server on 127.0.0.1 answers every request after 20 ms; about one URL in ten
is a 404. Articles with front matter, Markdown links and Tistory-style HTML links are
generated under benchmarks/.work/links/. Each tool checks them once; the script prints wall
time, peak memory (largest process, from getrusage of a fresh wrapper per run) and how the
tool's verdicts compare with the ground truth. Peers come from npm
(`npm install --prefix benchmarks/.work markdown-link-check linkinator`); one that cannot be
installed is skipped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
ARTICLES = WORK / "links" / "articles"
BIN = WORK / "node_modules" / ".bin"
DELAY = 0.02
URL_RE = re.compile(r"https?://127\.0\.0\.1:\d+/[^\s\"'<>)\]]*")

# Run a command, then print its wall time and the peak RSS of its largest process (KiB).
MEASURE = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], capture_output=True)
wall = time.perf_counter() - start
open(sys.argv[1], "wb").write(done.stdout + b"\\n" + done.stderr)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_kib": peak, "code": done.returncode}))
"""


@dataclass
class Outcome:
    tool: str
    wall: float
    peak_mib: float
    code: int
    flagged: set[str]
    requests: int


class Server:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.loop = asyncio.new_event_loop()
        self.port = 0

    async def handle(self, request: object) -> object:
        from aiohttp import web

        assert isinstance(request, web.Request)
        self.hits[request.path] += 1
        await asyncio.sleep(DELAY)
        return web.Response(status=404 if broken(request.path) else 200, text="page\n")

    async def start(self) -> None:
        from aiohttp import web

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)  # type: ignore[arg-type]
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", 0, backlog=1024).start()
        self.port = self.runner.addresses[0][1]

    def __enter__(self) -> Server:
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self.start(), self.loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)


def broken(path: str) -> bool:
    number = path.rstrip("/").rsplit("/", 1)[-1]
    return number.isdigit() and int(number) % 10 == 7


def generate(port: int, urls: int, articles: int) -> dict[str, bool]:
    """Articles whose links cover `urls` unique URLs (some shared by every article); url -> broken."""
    shutil.rmtree(ARTICLES, ignore_errors=True)
    ARTICLES.mkdir(parents=True)
    base = f"http://127.0.0.1:{port}"
    shared = [f"{base}/shared/{i}" for i in range(5)]
    unique = [f"{base}/post/{i}" for i in range(urls - len(shared))]
    truth = {u: broken(u) for u in shared + unique}
    per = -(-len(unique) // articles)
    for n in range(articles):
        mine = unique[n * per : (n + 1) * per]
        lines = [f"---\ntitle: 링크 모음 {n}\ndate: 2024-01-{n % 28 + 1:02d}\n---\n", f"# 글 {n}\n"]
        for i, url in enumerate(mine):
            if i % 3 == 0:
                lines.append(f'<p data-ke-size="size16"><a href="{url}" rel="dofollow">링크 {i}</a></p>\n')
            else:
                lines.append(f"본문 문장과 [링크 {i}]({url}) 하나.\n")
        lines.extend(f"- [공통 {j}]({url})\n" for j, url in enumerate(shared))
        (ARTICLES / f"post-{n:03d}.md").write_text("\n".join(lines), encoding="utf-8")
    return truth


def measure(
    tool: str, command: list[str], parse: Callable[[str], set[str]], server: Server, cwd: Path | None = None
) -> Outcome:
    output = WORK / "links" / f"{tool}.out"
    before = sum(server.hits.values())
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(output), *command],
        capture_output=True, text=True, check=True, cwd=cwd,
    )
    stats = json.loads(done.stdout)
    text = output.read_text(encoding="utf-8", errors="replace")
    requests = sum(server.hits.values()) - before
    return Outcome(tool, stats["wall"], stats["peak_kib"] / 1024, stats["code"], parse(text), requests)


def parse_artlint(text: str) -> set[str]:
    start = text.find("{")
    report = json.loads(text[start : text.rindex("}") + 1])
    return {
        m.group(0).rstrip(":")
        for d in report["diagnostics"]
        if d["code"] in ("LK201", "LK202")
        for m in [URL_RE.search(d["message"])]
        if m
    }


def parse_mlc(text: str) -> set[str]:
    return {m.group(0) for line in text.splitlines() if "✖" in line for m in [URL_RE.search(line)] if m}


def parse_linkinator(text: str) -> set[str]:
    start = text.find("{")
    report = json.loads(text[start : text.rindex("}") + 1])
    return {link["url"] for link in report.get("links", []) if link.get("state") == "BROKEN"}


def peers() -> None:
    if (BIN / "markdown-link-check").exists() and (BIN / "linkinator").exists():
        return
    npm = shutil.which("npm")
    if npm:
        packages = ["markdown-link-check", "linkinator"]
        subprocess.run([npm, "install", "--prefix", str(WORK), *packages], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    peers()
    files = lambda: sorted(str(p) for p in ARTICLES.glob("*.md"))  # noqa: E731
    results: list[Outcome] = []
    with Server() as server:
        truth = generate(server.port, args.urls, args.articles)
        results.extend(artlint_runs(files(), server))
        if (BIN / "markdown-link-check").exists():
            results.append(measure("markdown-link-check", [str(BIN / "markdown-link-check"), *files()],
                                   parse_mlc, server))
        else:
            print("markdown-link-check: not installed, skipped")
        if (BIN / "linkinator").exists():
            # linkinator serves the files itself and wants paths relative to where it runs.
            command = [str(BIN / "linkinator"), "*.md", "--markdown", "--format", "json"]
            results.append(measure("linkinator", command, parse_linkinator, server, cwd=ARTICLES))
        else:
            print("linkinator: not installed, skipped")
    report(results, truth, args)
    return 0


def artlint_runs(files: list[str], server: Server) -> list[Outcome]:
    """Defaults; tuned for one fast local host; tuned again over a cache a first run filled."""
    links = WORK / "links"
    tuned = links / "fast.toml"
    tuned.write_text("[links]\nper_host = 64\nconcurrency = 64\nspacing = 0.0\n", encoding="utf-8")
    cache_dir = links / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    cached = links / "cached.toml"
    cached.write_text(tuned.read_text(encoding="utf-8") + f'cache_dir = "{cache_dir}"\n', encoding="utf-8")
    base = [sys.executable, "-m", "artlint", "check", "--external", "--allow-private"]
    common = ["--select", "LK2", "--format", "json", "--exit-zero", *files]
    # The repository's own [tool.artlint] excludes benchmarks/: name a config of plain defaults.
    defaults = links / "defaults.toml"
    defaults.write_text("# artlint defaults\n", encoding="utf-8")
    cold = [*base, "--no-cache", "--config", str(defaults), *common]
    fast = [*base, "--no-cache", "--config", str(tuned), *common]
    warm = [*base, "--config", str(cached), *common]
    results = [
        measure("artlint (defaults)", cold, parse_artlint, server),
        measure("artlint (per_host=64, spacing=0)", fast, parse_artlint, server),
    ]
    subprocess.run(warm, capture_output=True, check=False)  # fills the cache
    results.append(measure("artlint (tuned, warm cache)", warm, parse_artlint, server))
    return results


def report(results: list[Outcome], truth: dict[str, bool], args: argparse.Namespace) -> None:
    bad = {u for u, b in truth.items() if b}
    print(f"{len(truth)} unique URLs ({len(bad)} broken) in {args.articles} articles; "
          f"server delay {DELAY * 1000:.0f} ms; python {sys.version.split()[0]}; {os.cpu_count()} CPUs")
    columns = ("wall s", "peak MiB", "requests", "found", "missed", "false")
    print(f"{'tool':36}" + "".join(f"{c:>10}" for c in columns))
    for r in results:
        found, missed, false = len(r.flagged & bad), len(bad - r.flagged), len(r.flagged - bad)
        cells = (f"{r.wall:.2f}", f"{r.peak_mib:.1f}", r.requests, found, missed, false)
        print(f"{r.tool:36}" + "".join(f"{c:>10}" for c in cells))


if __name__ == "__main__":
    raise SystemExit(main())
