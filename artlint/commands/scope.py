"""Which of the discovered files a run checks: `--shard i/n` and `--changed-since REF`.

A shard is chosen by a hash of the file's path relative to the project root (posix form), so
the same file lands in the same shard on every machine and every run, and the n shards of a CI
matrix together check each file exactly once. `--changed-since` asks git what changed and adds
the files that link to a changed (or deleted) file, since their link findings may change too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from artlint.commands.options import CheckOptions
from artlint.config.loading import ConfigError, Settings


def parse_shard(text: str) -> tuple[int, int]:
    """`i/n` with 1 <= i <= n; raises ValueError with the reason."""
    index, slash, count = text.partition("/")
    if not slash or not index.strip().isdigit() or not count.strip().isdigit():
        raise ValueError(f"expected i/n such as 1/3, got {text!r}")
    i, n = int(index), int(count)
    if n < 1 or not 1 <= i <= n:
        raise ValueError(f"expected 1 <= i <= n, got {text!r}")
    return i, n


def shard_of(relative: str, count: int) -> int:
    """The shard (1-based) of a repository-relative posix path."""
    import hashlib  # only --shard needs it; a plain check skips its start-up cost

    digest = hashlib.blake2b(relative.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count + 1


def in_shard(paths: Iterable[str], settings: Settings, shard: tuple[int, int]) -> list[str]:
    index, count = shard
    return [p for p in paths if shard_of(settings.relative(p), count) == index]


def changed_since(paths: list[str], settings: Settings, ref: str) -> list[str]:
    """The files of `paths` changed since `ref` (or untracked), and those linking to a changed file."""
    changed = _git_changed(str(settings.root), ref)
    chosen = [p for p in paths if os.path.abspath(p) in changed]
    picked = set(chosen)
    stems = {_stem(c) for c in changed}
    stems.discard("")
    if stems:
        chosen += [p for p in paths if p not in picked and _links_to(p, changed, stems, settings)]
    order = {p: i for i, p in enumerate(paths)}
    return sorted(chosen, key=order.__getitem__)


def _git(root: str, *args: str) -> list[str]:
    import subprocess

    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ConfigError(f"--changed-since needs git: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise ConfigError(f"--changed-since: git {' '.join(args[:2])}: {message}")
    return [line for line in done.stdout.splitlines() if line]


def _git_changed(root: str, ref: str) -> set[str]:
    top = _git(root, "rev-parse", "--show-toplevel")[0]
    names = _git(top, "-c", "core.quotepath=off", "diff", "--name-only", "--no-renames", ref, "--")
    names += _git(top, "-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard")
    return {os.path.abspath(os.path.join(top, name)) for name in names}


def _stem(path: str) -> str:
    name = os.path.basename(path.rstrip("/"))
    return os.path.splitext(name)[0]


def _links_to(path: str, changed: set[str], stems: set[str], settings: Settings) -> bool:
    from urllib.parse import quote

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    text = data.decode("utf-8", errors="replace")
    # Most files mention no changed name at all; only those are parsed.
    if not any(stem in text or quote(stem) in text for stem in stems):
        return False
    from artlint.links.classify import classify
    from artlint.links.local.options import link_options
    from artlint.parsing.parse import parse

    try:
        options = link_options(settings)
        doc = parse(text, path)
    except ValueError:
        return True  # cannot tell: check it
    folder = os.path.dirname(os.path.abspath(path))
    for link in doc.links:
        target = classify(link, options)
        if target.kind not in ("local", "site") or not target.path:
            continue
        if target.kind == "site":
            base = str(options.site_root) if options.site_root else str(settings.root)
            where = os.path.normpath(os.path.join(base, target.path.lstrip("/")))
        else:
            where = os.path.normpath(os.path.join(folder, target.path))
        # Pretty URLs (post/ for post.md) and folder indexes: compare by name without extension.
        if where in changed or _stem(target.path) in stems:
            return True
    return False


def scoped(paths: list[str], options: CheckOptions, settings: Settings) -> list[str]:
    """The files `--changed-since` and `--shard` leave of the discovered ones."""
    if options.changed_since is not None:
        paths = changed_since(paths, settings, options.changed_since)
    if options.shard is not None:
        paths = in_shard(paths, settings, options.shard)
    return paths
