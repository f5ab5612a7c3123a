"""Benchmark `artlint check` against other Markdown linters on the same files (run by hand).

    python benchmarks/check_bench.py                # everything, default run counts
    python benchmarks/check_bench.py --runs 31 --corpus-runs 3 --tools artlint,rumdl

It builds benchmarks/.work/corpus3000 by copying every article of ../shared/corpus ten times,
installs the peers it lacks into benchmarks/.work (npm: markdownlint-cli2; a venv of its own:
rumdl, pymarkdownlnt), then times, side by side, one file (median of --runs) and the whole corpus
(median of --corpus-runs) for each tool, prints a table and writes the numbers as JSON to
benchmarks/.work/. A tool that cannot be installed is skipped with a message. Every tool runs with
its default rules and its output thrown away; only wall-clock time is measured.

The tools take turns: each round runs every tool once, in an order that rotates, so a tool is
never timed minutes apart from the one it is compared with. Cold and warm rows run in separate
rounds, since artlint's cold and warm rows share one cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work"
# ../shared/corpus next to the repository, or next to a folder holding it (a git worktree).
SOURCE = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
CORPUS = WORK / "corpus3000"
COPIES = 10
SEED = Path("seed") / "000_0733189af90eb2c7.md"
EXTENSIONS = (".md", ".markdown")
TIMEOUT = 900  # seconds for one run of one tool on the corpus
# As a user runs them: Python may cache byte code (some shells and sandboxes turn that off).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def articles(source: Path) -> list[Path]:
    """The corpus articles (its README describes the folder and is not one)."""
    found = [p for p in source.rglob("*") if p.is_file() and p.suffix in EXTENSIONS]
    return sorted(p.relative_to(source) for p in found if p.relative_to(source) != Path("README.md"))


def build_corpus() -> int:
    names = articles(SOURCE)
    marker = CORPUS / ".complete"
    expected = f"{COPIES} x {len(names)}"
    if marker.is_file() and marker.read_text() == expected:
        return COPIES * len(names)
    log(f"building {CORPUS} ({expected} files)")
    shutil.rmtree(CORPUS, ignore_errors=True)
    for copy in range(COPIES):
        for name in names:
            target = CORPUS / f"copy{copy:02d}" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SOURCE / name, target)
    # Defaults for artlint, whatever configuration the repository around it has; a repository of
    # its own, so artlint (which lists files with git) sees them although .work is git-ignored.
    (CORPUS / ".artlint.toml").write_text("# artlint defaults\n")
    subprocess.run(["git", "init", "-q", str(CORPUS)], check=True)
    marker.write_text(expected)
    return COPIES * len(names)


def install_peers() -> None:
    bin_js = WORK / "node_modules" / ".bin" / "markdownlint-cli2"
    if not bin_js.exists():
        if shutil.which("npm"):
            log("installing markdownlint-cli2 with npm")
            subprocess.run(["npm", "install", "--silent", "--prefix", str(WORK), "markdownlint-cli2"],
                           check=False)
        else:
            log("npm not found: markdownlint-cli2 skipped")
    venv = WORK / "venv"
    missing = [pkg for pkg, exe in (("rumdl", "rumdl"), ("pymarkdownlnt", "pymarkdown"))
               if not (venv / "bin" / exe).exists()]
    if missing:
        log(f"installing {' '.join(missing)} into {venv}")
        if not (venv / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", *missing], check=False)


def artlint_command() -> list[str]:
    script = Path(sys.executable).parent / "artlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "artlint"]


# Result caches of the tools that keep one: removed before every cold run, kept for warm runs.
ARTLINT_CACHE = ".artlint_cache"
RUMDL_CACHE = ".rumdl_cache"
DEFAULT_TOOLS = ("artlint", "artlint warm", "rumdl", "rumdl warm", "markdownlint-cli2")


def tools() -> dict[str, tuple[list[str], list[str], list[str], str | None, bool]]:
    """name -> (one-file command, corpus command, version command, its cache folder, warm?).

    A cold row removes the cache folder before each run, so each run starts from nothing; a
    warm row fills it once and then re-runs on the unchanged files, as a second CI run would.
    """
    art = artlint_command()
    mdl = str(WORK / "node_modules" / ".bin" / "markdownlint-cli2")
    rumdl = str(WORK / "venv" / "bin" / "rumdl")
    pym = str(WORK / "venv" / "bin" / "pymarkdown")
    seed = str(CORPUS / "copy00" / SEED)
    art_v, rumdl_v = [*art, "--version"], [rumdl, "--version"]
    return {
        "artlint": ([*art, "check", seed], [*art, "check", "."], art_v, ARTLINT_CACHE, False),
        "artlint warm": ([*art, "check", seed], [*art, "check", "."], art_v, ARTLINT_CACHE, True),
        "artlint --jobs 1": ([*art, "check", "--jobs", "1", seed], [*art, "check", "--jobs", "1", "."],
                             art_v, ARTLINT_CACHE, False),
        "markdownlint-cli2": ([mdl, seed], [mdl, "**/*.{md,markdown}"], [mdl, "--help"], None, False),
        "rumdl": ([rumdl, "check", "--no-config", seed], [rumdl, "check", "--no-config", "."],
                  rumdl_v, RUMDL_CACHE, False),
        "rumdl warm": ([rumdl, "check", "--no-config", seed], [rumdl, "check", "--no-config", "."],
                       rumdl_v, RUMDL_CACHE, True),
        "pymarkdown": ([pym, "scan", seed], [pym, "scan", "-r", "-ae", ".md,.markdown", "."],
                       [pym, "version"], None, False),
    }


def clear_cache(folder: str | None) -> None:
    if folder:
        shutil.rmtree(CORPUS / folder, ignore_errors=True)


def run_once(command: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds (user + system, the tool and its workers) and a note."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd or CORPUS, capture_output=True, text=True, timeout=TIMEOUT,
                          check=False, env=ENV)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.strip().splitlines() or [""]
    return elapsed, cpu, f"exit {done.returncode}: {lines[0][:100]} ... {lines[-1][:160]}"


# Runs the command given and prints its peak resident memory (KiB). A child's peak counts what
# it held from the fork on, so it is forked from this small interpreter, never from the benchmark
# itself, whose own memory (the captured reports) would be counted as the tool's.
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_memory(command: list[str], cwd: Path) -> int:
    """The peak resident memory (bytes) of one run of `command`, a single process."""
    done = subprocess.run([sys.executable, "-c", PEAK, *command], cwd=cwd, capture_output=True,
                          text=True, check=True, env=ENV)
    return int(done.stdout) * 1024  # kilobytes on Linux


def version(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False).stdout
    except OSError:
        return "?"
    first = (out.strip().splitlines() or ["?"])[0]
    found = re.search(r"v?\d+\.\d+(?:\.\d+)?", first)
    return found.group() if found else first[:20]


def machine() -> dict[str, object]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                      if line.startswith("model name")), "")
    node = shutil.which("node")
    return {
        "platform": platform.platform(), "cpu": model, "cores": os.cpu_count(),
        "python": platform.python_version(),
        "node": subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        if node else None,
    }


def measure(name: str, command: list[str], runs: int, cold_cache: str | None = None,
            cwd: Path | None = None) -> dict[str, object] | None:
    if not Path(command[0]).exists():
        log(f"{name}: {command[0]} not found, skipped")
        return None
    times: list[float] = []
    cpus: list[float] = []
    note = ""
    for _ in range(runs):
        clear_cache(cold_cache)
        try:
            elapsed, cpu, note = run_once(command, cwd)
        except subprocess.TimeoutExpired:
            log(f"{name}: timed out after {TIMEOUT} s")
            return {"median": None, "runs": times, "note": "timeout"}
        times.append(elapsed)
        cpus.append(cpu)
    return {"median": statistics.median(times), "runs": times,
            "cpu_median": statistics.median(cpus), "cpu_runs": cpus, "note": note}


def interleaved(entries: list[tuple[str, list[str], str | None, bool]],
                runs: int) -> dict[str, dict[str, object]]:
    """Each (name, command, cache folder, warm) run once per round, the order rotating each round.

    The machine's speed drifts over minutes; tools measured one after the other would be judged
    at different speeds, so ratios come from runs made side by side (see `paired`). A cold entry
    has its cache removed before each of its runs; a warm one has it filled once beforehand.
    """
    for _, command, cache, warm in entries:
        if warm:
            clear_cache(cache)
            run_once(command)
    times: dict[str, list[float]] = {name: [] for name, *_ in entries}
    cpus: dict[str, list[float]] = {name: [] for name, *_ in entries}
    notes: dict[str, str] = {}
    failed: set[str] = set()
    for round_ in range(runs):
        order = entries[round_ % len(entries):] + entries[:round_ % len(entries)]
        for name, command, cache, warm in order:
            if name in failed:
                continue
            if not warm:
                clear_cache(cache)
            try:
                elapsed, cpu, notes[name] = run_once(command)
            except subprocess.TimeoutExpired:
                log(f"{name}: timed out after {TIMEOUT} s")
                failed.add(name)
                continue
            times[name].append(elapsed)
            cpus[name].append(cpu)
    return {
        name: {"median": None, "runs": times[name], "note": "timeout"} if name in failed else
        {"median": statistics.median(times[name]), "runs": times[name],
         "cpu_median": statistics.median(cpus[name]), "cpu_runs": cpus[name], "note": notes[name]}
        for name, *_ in entries
    }


def paired(ours: dict[str, object] | None, theirs: dict[str, object] | None) -> float | None:
    """Median over rounds of theirs / ours, each pair run side by side (see `interleaved`)."""
    if not ours or not theirs or not ours.get("median") or not theirs.get("median"):
        return None
    a, b = ours["runs"], theirs["runs"]
    assert isinstance(a, list) and isinstance(b, list)
    if len(a) != len(b) or not a:
        return None
    return statistics.median(y / x for x, y in zip(a, b, strict=True))


def table(results: dict[str, dict[str, object]], files: int) -> str:
    base = results.get("artlint", {})
    one_base, corpus_base = base.get("one"), base.get("corpus")
    lines = [
        f"{'tool':<18} {'version':<8} {'1 file (ms)':>12} {'x artlint':>10} {'corpus (s)':>11} "
        f"{'files/s':>9} {'x artlint':>10} {'corpus CPU (s)':>15}",
    ]
    for name, row in results.items():
        one, corpus = row.get("one"), row.get("corpus")
        one_ms = one["median"] * 1000 if one and one["median"] else None
        corpus_s = corpus["median"] if corpus and corpus["median"] else None
        ratio_one = one_ms / (one_base["median"] * 1000) if one_ms and one_base else None
        ratio_corpus = corpus_s / corpus_base["median"] if corpus_s and corpus_base else None
        lines.append(
            f"{name:<18} {row['version']:<8} {_f(one_ms, '.0f'):>12} {_f(ratio_one, '.1f'):>10} "
            f"{_f(corpus_s, '.2f'):>11} {_f(files / corpus_s if corpus_s else None, '.0f'):>9} "
            f"{_f(ratio_corpus, '.1f'):>10} {_f(corpus.get('cpu_median') if corpus else None, '.2f'):>15}"
        )
    return "\n".join(lines)


def goals(results: dict[str, dict[str, object]]) -> str:
    """The ratios the project aims at: the ratio of this run's medians, and the median of the
    ratios of runs made side by side (the one that drift on the machine cannot bias)."""
    def row(name: str, part: str) -> dict[str, object] | None:
        found = results.get(name, {}).get(part)
        return found if isinstance(found, dict) and found.get("median") else None

    lines = [f"{'':<40} {'medians':>7} {'paired':>7}"]
    for label, ours, theirs, goal, inverse in (
        ("corpus cold: artlint / rumdl", row("artlint", "corpus"), row("rumdl", "corpus"), 2.5, False),
        ("corpus warm: artlint / rumdl warm", row("artlint warm", "corpus"),
         row("rumdl warm", "corpus"), 1.5, False),
        ("one file: markdownlint-cli2 / artlint", row("artlint", "one"),
         row("markdownlint-cli2", "one"), 3.5, True),
    ):
        if ours is None or theirs is None:
            lines.append(f"{label:<40} -")
            continue
        a, b = float(ours["median"]), float(theirs["median"])  # type: ignore[arg-type]
        ratio = b / a if inverse else a / b
        pair = paired(ours, theirs) if inverse else paired(theirs, ours)
        met = ratio >= goal if inverse else ratio <= goal
        sign = ">=" if inverse else "<="
        lines.append(f"{label:<40} {ratio:7.2f} {_f(pair, '7.2f')}  "
                     f"(goal {sign} {goal}: {'met' if met else 'not met'} by the medians)")
    return "\n".join(lines)


SIZES = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


def size_series(runs: int, huge: float) -> dict[str, object]:
    """`artlint check` on one HTML-heavy article of each size (bigarticle.py), and a huge one."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bigarticle import article

    folder = WORK / "sizes"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".artlint.toml").write_text("# artlint defaults\n")
    art = artlint_command()
    rows: dict[str, object] = {}
    for size in (*SIZES, huge):
        path = folder / f"article-{size:g}MB.md"
        if not path.is_file():
            path.write_text(article(size), encoding="utf-8")
        log(f"size series: {path.name}")
        command = [*art, "check", "--no-cache", path.name]
        row = rows[f"{size:g}"] = measure(path.name, command, 1 if size >= 4 else runs, cwd=folder)
        row["bytes"] = path.stat().st_size  # type: ignore[index]
        row["peak_bytes"] = peak_memory(command, folder)  # type: ignore[index]
    # The interpreter and the modules a check loads, measured on a 10 kB article of the same
    # kind: what an article costs is the peak above this.
    small = folder / "article-base.md"
    if not small.is_file():
        small.write_text(article(0.01), encoding="utf-8")
    rows["base"] = {"peak_bytes": peak_memory([*art, "check", "--no-cache", small.name], folder)}
    return rows


def size_table(rows: dict[str, object]) -> str:
    lines = [f"{'size (MB)':>10} {'bytes':>10} {'time (s)':>9} {'x previous':>11} {'x 0.25 MB':>10} "
             f"{'peak MiB':>9} {'x bytes':>8}"]
    base_row = rows.get("base")
    base = base_row.get("peak_bytes") if isinstance(base_row, dict) else None
    first = previous = None
    for size, row in rows.items():
        if size == "base" or not isinstance(row, dict):
            continue
        seconds = row["median"]
        ratio = seconds / previous if seconds and previous else None
        to_first = seconds / first if seconds and first else None
        peak = row.get("peak_bytes")
        # Memory the article itself costs, per byte of it: flat along the series when memory is
        # linear in the file's size (a skipped file costs none).
        per_byte = (peak - base) / row["bytes"] if peak and base else None
        lines.append(f"{size:>10} {row['bytes']:>10} {_f(seconds, '.2f'):>9} {_f(ratio, '.2f'):>11} "
                     f"{_f(to_first, '.1f'):>10} {_f(peak / 2**20 if peak else None, '.0f'):>9} "
                     f"{_f(per_byte, '.1f'):>8}")
        first = first or seconds
        previous = seconds
    if base:
        lines.append(f"peak MiB of a check of a 10 kB article (the base of 'x bytes'): {base / 2**20:.0f}")
    one, eight = rows.get("1"), rows.get("8")
    if isinstance(one, dict) and isinstance(eight, dict) and one["median"] and eight["median"]:
        lines.append(f"8 MB / 1 MB: {eight['median'] / one['median']:.2f} (goal <= 10)")
    return "\n".join(lines)


def _f(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=21, help="runs of the one-file check (median)")
    parser.add_argument("--corpus-runs", type=int, default=3, help="runs over the corpus (median)")
    parser.add_argument("--tools", default="", help="comma-separated subset of the tools")
    parser.add_argument("--no-install", action="store_true", help="do not install missing peers")
    parser.add_argument("--show", type=Path, help="print the table of a saved results JSON and stop")
    parser.add_argument("--size-runs", type=int, default=3, help="runs per article size up to 2 MB (median)")
    parser.add_argument("--huge", type=float, default=50.0, help="the last, huge article of the series (MB)")
    parser.add_argument("--no-sizes", action="store_true", help="skip the file-size series")
    args = parser.parse_args()
    if args.show:
        saved = json.loads(args.show.read_text())
        for row in saved["results"].values():
            row["version"] = re.sub(r".*?(v?\d+\.\d+(?:\.\d+)?).*", r"\1", row["version"])
        print(f"{saved['files']} files\n{table(saved['results'], saved['files'])}")
        return 0
    if not SOURCE.is_dir():
        print(f"no corpus at {SOURCE}: nothing to benchmark", file=sys.stderr)
        return 0
    WORK.mkdir(parents=True, exist_ok=True)
    files = build_corpus()
    if not args.no_install:
        install_peers()
    chosen = [t.strip() for t in args.tools.split(",") if t.strip()] or list(DEFAULT_TOOLS)
    table_of_tools = {name: spec for name, spec in tools().items() if name in chosen}
    for name, (one_cmd, *_rest) in list(table_of_tools.items()):
        if not Path(one_cmd[0]).exists():
            log(f"{name}: not installed, skipped")
            del table_of_tools[name]
    results: dict[str, dict[str, object]] = {
        name: {"version": version(version_cmd), "commands": {"one": one_cmd, "corpus": corpus_cmd}}
        for name, (one_cmd, corpus_cmd, version_cmd, _, _) in table_of_tools.items()
    }
    for one_cmd, *_rest in table_of_tools.values():
        run_once(one_cmd)  # warm the file system cache and any byte-code cache
    for part, runs in (("one", args.runs), ("corpus", args.corpus_runs)):
        for warm in (False, True):
            entries = [(name, spec[0] if part == "one" else spec[1], spec[3], warm)
                       for name, spec in table_of_tools.items() if spec[4] == warm]
            if part == "one" and not warm and "artlint" in table_of_tools:
                # The least any Python tool that parses with PyYAML and markdown-it-py can take
                # for one file: starting the interpreter and importing the two parsers.
                entries.append(("parser imports", [sys.executable, "-c", "import yaml, markdown_it"],
                                None, False))
            if not entries:
                continue
            log(f"{part}: {', '.join(e[0] for e in entries)}, {runs} interleaved rounds")
            for name, result in interleaved(entries, runs).items():
                if name == "parser imports":
                    results["artlint"]["floor"] = result
                else:
                    results[name][part] = result
    floor = results.get("artlint", {}).get("floor")
    report = table(results, files) + "\n\n" + goals(results)
    if floor and floor.get("median") and results.get("markdownlint-cli2", {}).get("one"):
        mdl, least = results["markdownlint-cli2"]["one"]["median"], floor["median"]
        report += (f"\n  (starting Python and importing yaml and markdown_it alone takes "
                   f"{least * 1000:.0f} ms: markdownlint-cli2 / that = {mdl / least:.2f})")
    sizes = {} if args.no_sizes else size_series(args.size_runs, args.huge)
    if sizes:
        report += "\n\nOne HTML-heavy article (benchmarks/bigarticle.py), artlint check --no-cache:\n"
        report += size_table(sizes)
    print(f"{files} files in {CORPUS}\n{report}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = {"when": stamp, "machine": machine(), "files": files, "results": results, "sizes": sizes,
            "table": report}
    for target in (WORK / f"check_bench-{stamp}.json", WORK / "check_bench-latest.json"):
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    log(f"wrote {WORK / f'check_bench-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
