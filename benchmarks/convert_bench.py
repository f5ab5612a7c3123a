"""Benchmark `artlint convert` against pandoc and plain markdownify (run by hand, not by CI).

    python benchmarks/convert_bench.py [--files 3000] [--small 1000] [--pandoc-sample 300]

The shared corpus (../shared/corpus) is replicated into benchmarks/.work/archive-N until it
holds N files; each tool converts the archive to Markdown:

- artlint: `artlint convert ARCHIVE --to markdown --out OUT` (verification on, default --jobs);
- pandoc: one `pandoc -f markdown -t gfm` process per file, as a shell loop would run it, on a
  sample of the archive (installs with `apt-get install -y pandoc`; skipped when absent);
- markdownify: `markdownify(text)` for every file in one Python process, no verification.

Each run is a separate process tree; its peak memory is the largest sum of resident memory of
the tree seen while polling /proc every 20 ms. Memory should stay flat as the archive grows,
so artlint runs on a small archive too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# ../shared/corpus next to the repository, or next to a folder holding it (a git worktree).
CORPUS = next((p / "shared" / "corpus" for p in REPO.parents if (p / "shared" / "corpus").is_dir()),
              REPO.parent / "shared" / "corpus")
WORK = HERE / ".work"
SUFFIXES = (".md", ".markdown", ".html")

MARKDOWNIFY_LOOP = """
import sys, pathlib
from markdownify import markdownify
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(src.rglob("*")):
    if path.suffix in (".md", ".markdown", ".html"):
        target = out / path.relative_to(src).with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdownify(path.read_text(encoding="utf-8-sig")), encoding="utf-8")
"""


def sources() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def replicate(count: int) -> Path:
    """benchmarks/.work/archive-COUNT: corpus copies in copy-N folders, COUNT files in all."""
    archive = WORK / f"archive-{count}"
    marker = archive / ".complete"
    if marker.is_file() and marker.read_text() == str(count):
        return archive
    shutil.rmtree(archive, ignore_errors=True)
    files = sources()
    for n in range(count):
        source = files[n % len(files)]
        target = archive / f"copy-{n // len(files)}" / source.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    # Default settings (the repository's own exclude benchmarks/) and a repository of its own:
    # artlint lists files with git, and benchmarks/.work is git-ignored.
    (archive / ".artlint.toml").write_text("# artlint defaults\n")
    subprocess.run(["git", "init", "-q", str(archive)], check=True)
    marker.write_text(str(count))
    return archive


def tree_rss(root: int) -> int:
    """Resident memory (bytes) of `root` and every process below it."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def measure(command: list[str]) -> tuple[float, int, float]:
    """Wall time, peak tree memory and CPU seconds (user + system, all descendants) of one command."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    poller.join()
    if process.returncode not in (0, 1):
        sys.exit(f"{command[:3]} failed ({process.returncode}): {err.decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, peak, cpu


def run_artlint(archive: Path, count: int) -> tuple[float, int, float]:
    out = WORK / f"out-artlint-{count}"
    report = WORK / f"report-{count}.json"
    shutil.rmtree(out, ignore_errors=True)
    timing = measure([sys.executable, "-m", "artlint", "convert", str(archive), "--to", "markdown",
                      "--out", str(out), "--quiet", "--report", str(report),
                      "--config", str(archive / ".artlint.toml")])
    done = json.loads(report.read_text(encoding="utf-8"))["summary"]["files"]
    if done != count:  # a rate over files never converted would mean nothing
        sys.exit(f"artlint converted {done} of the {count} files in {archive}")
    return timing


def run_markdownify(archive: Path, count: int) -> tuple[float, int, float]:
    out = WORK / f"out-markdownify-{count}"
    shutil.rmtree(out, ignore_errors=True)
    return measure([sys.executable, "-c", MARKDOWNIFY_LOOP, str(archive), str(out)])


def run_pandoc(archive: Path, sample: int) -> tuple[tuple[float, int, float], int] | None:
    if shutil.which("pandoc") is None:
        return None
    files = sorted(p for p in archive.rglob("*") if p.suffix in SUFFIXES)[:sample]
    out = WORK / "out-pandoc"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    script = "\n".join(
        f'pandoc -f markdown -t gfm "{p}" -o "{out / f"{n}.md"}" 2>/dev/null || true'
        for n, p in enumerate(files)
    )
    return measure(["sh", "-c", script]), len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--pandoc-sample", type=int, default=300)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    big, small = replicate(args.files), replicate(args.small)
    load_before = os.getloadavg()[0]
    rows: list[tuple[str, int, tuple[float, int, float]]] = []
    for archive, count in ((small, args.small), (big, args.files)):
        rows.append(("artlint", count, run_artlint(archive, count)))
    for archive, count in ((small, args.small), (big, args.files)):
        rows.append(("markdownify (1 process)", count, run_markdownify(archive, count)))
    pandoc = run_pandoc(big, args.pandoc_sample)
    if pandoc is not None:
        rows.append(("pandoc (1 process/file)", pandoc[1], pandoc[0]))
    cores = os.cpu_count() or 1
    # Other work on the machine inflates CPU time too (shared caches): note the load with the numbers.
    print(f"cores: {cores}; load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f}")
    print(f"{'tool':<26}{'files':>7}{'seconds':>9}{'files/s':>9}{'CPU s':>8}{'ms CPU/file':>12}"
          f"{'peak MiB':>10}")
    for label, count, (elapsed, peak, cpu) in rows:
        print(f"{label:<26}{count:>7}{elapsed:>9.2f}{count / elapsed:>9.1f}{cpu:>8.1f}"
              f"{1000 * cpu / count:>12.1f}{peak / 2**20:>10.1f}")
    wall = {label: count / t for label, count, (t, _, _) in rows if count == args.files or "pandoc" in label}
    cpu_rate = {
        label: count / c for label, count, (_, _, c) in rows if count == args.files or "pandoc" in label
    }
    # artlint spreads over every core; the others use one: compare what each does per second of
    # the whole machine when it has it alone (CPU rate x cores used).
    idle = {"artlint": cpu_rate["artlint"] * cores, **{k: v for k, v in cpu_rate.items() if k != "artlint"}}
    for other in [label for label in wall if label != "artlint"]:
        print(f"artlint vs {other}: {wall['artlint'] / wall[other]:.2f}x measured, "
              f"{idle['artlint'] / idle[other]:.2f}x from CPU time on an idle machine")
    if pandoc is None:
        print("pandoc: not installed (apt-get install -y pandoc); skipped")


if __name__ == "__main__":
    main()
