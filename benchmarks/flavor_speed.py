"""One-file check speed of this tree next to an earlier one (run by hand).

    git archive <commit> | tar -x -C /tmp/base
    python benchmarks/flavor_speed.py /tmp/base [FILE]

FILE defaults to the seed article of ../shared/corpus. Both trees run with the same interpreter
and environment, interleaved, 21 runs each: the median wall and CPU (user + system) time of
`artlint check FILE` (CPU time moves less when other programs share the cores), and the
import self-time of that command (per-module minimum over 15 `python -X importtime` runs, which
holds still on a busy machine better than one run does).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed" / "000_0733189af90eb2c7.md"
PROGRAM = ("import sys\nfrom artlint.cli.app import main\n"
           "sys.argv = ['artlint', 'check', '--no-cache', {!r}]\n"
           "try:\n    main()\nexcept SystemExit:\n    pass\n")


def _run(tree: str, path: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run([sys.executable, *flags, "-c", PROGRAM.format(path)], capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=tree), cwd=os.path.dirname(path))


def _import_ms(tree: str, path: str) -> float:
    best: dict[str, int] = {}
    for _ in range(15):
        for line in _run(tree, path, importtime=True).stderr.splitlines():
            if not line.startswith("import time:"):
                continue
            own, _, name = line.split("|")
            value = own.split(":")[1].strip()
            if value.isdigit():
                best[name.strip()] = min(best.get(name.strip(), 10**9), int(value))
    return sum(best.values()) / 1000


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    trees = {"before": sys.argv[1], "after": str(REPO)}
    path = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else SEED)
    times: dict[str, list[float]] = {k: [] for k in trees}
    cpu: dict[str, list[float]] = {k: [] for k in trees}
    for tree in trees.values():
        _run(tree, path)  # warm the bytecode caches
    for _ in range(21):
        for key, tree in trees.items():
            start, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            _run(tree, path)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[key].append(time.perf_counter() - start)
            cpu[key].append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    for key, tree in trees.items():
        print(f"{key:7} median {statistics.median(times[key]) * 1000:7.1f} ms   "
              f"cpu {statistics.median(cpu[key]) * 1000:7.1f} ms   "
              f"imports {_import_ms(tree, path):6.1f} ms   ({tree})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
