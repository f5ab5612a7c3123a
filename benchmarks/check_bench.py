"""Benchmark `artlint check` against other Markdown linters on the same files (run by hand).

    python benchmarks/check_bench.py                # everything, default run counts
    python benchmarks/check_bench.py --runs 31 --corpus-runs 3 --tools artlint,rumdl

It builds benchmarks/.work/corpus3000 by copying every article of ../shared/corpus ten times,
installs the peers it lacks into benchmarks/.work (npm: markdownlint-cli2; a venv of its own:
rumdl, pymarkdownlnt), then times, side by side, one file (median of --runs) and the whole corpus
(median of --corpus-runs) for each tool, prints a table and writes the numbers as JSON to
benchmarks/.work/. A tool that cannot be installed is skipped with a message. Every tool runs with
its default rules and its output thrown away; only wall-clock time is measured.
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


def tools() -> dict[str, tuple[list[str], list[str], list[str]]]:
    """name -> (command for one file, command for the corpus folder, command printing the version)."""
    art = artlint_command()
    mdl = str(WORK / "node_modules" / ".bin" / "markdownlint-cli2")
    rumdl = str(WORK / "venv" / "bin" / "rumdl")
    pym = str(WORK / "venv" / "bin" / "pymarkdown")
    seed = str(CORPUS / "copy00" / SEED)
    return {
        "artlint": ([*art, "check", seed], [*art, "check", "."], [*art, "--version"]),
        "artlint --jobs 1": ([*art, "check", "--jobs", "1", seed], [*art, "check", "--jobs", "1", "."],
                             [*art, "--version"]),
        "markdownlint-cli2": ([mdl, seed], [mdl, "**/*.{md,markdown}"], [mdl, "--help"]),
        "rumdl": ([rumdl, "check", "--no-config", seed], [rumdl, "check", "--no-config", "."],
                  [rumdl, "--version"]),
        "pymarkdown": ([pym, "scan", seed], [pym, "scan", "-r", "-ae", ".md,.markdown", "."],
                       [pym, "version"]),
    }


def run_once(command: list[str]) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds (user + system, the tool and its workers) and a note."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=CORPUS, capture_output=True, text=True, timeout=TIMEOUT,
                          check=False, env=ENV)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.strip().splitlines() or [""]
    return elapsed, cpu, f"exit {done.returncode}: {lines[0][:100]} ... {lines[-1][:160]}"


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


def measure(name: str, command: list[str], runs: int) -> dict[str, object] | None:
    if not Path(command[0]).exists():
        log(f"{name}: {command[0]} not found, skipped")
        return None
    times: list[float] = []
    cpus: list[float] = []
    note = ""
    for _ in range(runs):
        try:
            elapsed, cpu, note = run_once(command)
        except subprocess.TimeoutExpired:
            log(f"{name}: timed out after {TIMEOUT} s")
            return {"median": None, "runs": times, "note": "timeout"}
        times.append(elapsed)
        cpus.append(cpu)
    return {"median": statistics.median(times), "runs": times,
            "cpu_median": statistics.median(cpus), "cpu_runs": cpus, "note": note}


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
    chosen = [t.strip() for t in args.tools.split(",") if t.strip()]
    results: dict[str, dict[str, object]] = {}
    for name, (one_cmd, corpus_cmd, version_cmd) in tools().items():
        if chosen and name not in chosen:
            continue
        if not Path(one_cmd[0]).exists():
            log(f"{name}: not installed, skipped")
            continue
        log(f"{name}: one file x {args.runs}, corpus x {args.corpus_runs}")
        run_once(one_cmd)  # warm the file system cache and any byte-code cache
        one = measure(name, one_cmd, args.runs)
        corpus = measure(name, corpus_cmd, args.corpus_runs)
        results[name] = {"version": version(version_cmd), "one": one, "corpus": corpus,
                         "commands": {"one": one_cmd, "corpus": corpus_cmd}}
        log(f"  one file {one and one['median']}, corpus {corpus and corpus['median']}")
    report = table(results, files)
    print(f"{files} files in {CORPUS}\n{report}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = {"when": stamp, "machine": machine(), "files": files, "results": results, "table": report}
    for target in (WORK / f"check_bench-{stamp}.json", WORK / "check_bench-latest.json"):
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    log(f"wrote {WORK / f'check_bench-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
