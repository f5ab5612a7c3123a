"""The site a file belongs to: its generator, Markdown engine settings, root, static folders, and
whether the generator publishes the file.

    site = detect(Path("blog/_posts/2024-01-01-hello.md"))
    site.kind, site.config, site.flavor_for(path).name, site.publication(path, front_matter)

Detection walks up from the file's folder to the first generator configuration (Jekyll
`_config.yml`, Hugo `hugo.*` or `config.*`, Astro `astro.config.*`) and is cached per folder. No
configuration found: a plain GFM site with no root. `flavor` and `[site]` in .artlint.toml override
what is detected (see `configured`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artlint.model import reads
from artlint.site.model import HUGO_SUFFIXES, NONE, Site

__all__ = ["NONE", "Site", "configured", "detect", "for_file", "revalidate", "stamp"]

if TYPE_CHECKING:
    from artlint.config.loading import Settings

JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
HUGO_LEGACY = ("config.toml", "config.yaml", "config.yml", "config.json")
ASTRO_CONFIGS = tuple(f"astro.config.{e}" for e in ("mjs", "js", "ts", "mts", "cjs", "cts"))


def detect(path: str | Path) -> Site:
    """The site of the file (or folder) at `path`; raises ConfigError for a broken config."""
    start = Path(path).absolute()
    folder = str(start if start.is_dir() else start.parent)
    site = _detect_folder(folder)
    # A check's findings depend on the site's configuration: a cached result is reused only
    # while the same configuration file, with the same bytes, is found for this folder.
    reads.record("site", (folder,), site.stamp)
    return site


def stamp(folder: str) -> str:
    """The configuration that `detect` finds for `folder`, as Site.stamp ("" for none)."""
    from artlint.config.values import ConfigError

    try:
        return _detect_folder(folder).stamp
    except ConfigError as exc:
        return f"error: {exc}"


@functools.cache
def _detect_folder(folder: str) -> Site:
    here = Path(folder)
    found = _site_here(here)
    if found is not None:
        return found
    if here.parent == here:
        return NONE
    return _detect_folder(str(here.parent))


def _site_here(folder: Path) -> Site | None:
    found = _config_here(folder)
    if found is None:
        return None
    from artlint.site import readers  # only for a folder that has a generator configuration

    kind, path = found
    reader = {"jekyll": readers.jekyll, "hugo": readers.hugo, "astro": readers.astro}[kind]
    return reader(path)


def _config_here(folder: Path) -> tuple[str, Path] | None:
    for name in JEKYLL_CONFIGS:
        if (folder / name).is_file():
            return "jekyll", folder / name
    for name in HUGO_CONFIGS:
        if (folder / name).is_file():
            return "hugo", folder / name
    config_dir = folder / "config" / "_default"
    if config_dir.is_dir() and any(p.suffix in HUGO_SUFFIXES for p in config_dir.iterdir()):
        return "hugo", config_dir
    for name in HUGO_LEGACY:
        candidate = folder / name
        if candidate.is_file() and any((folder / d).is_dir() for d in ("content", "layouts", "archetypes",
                                                                       "themes")):
            return "hugo", candidate
    for name in ASTRO_CONFIGS:
        if (folder / name).is_file():
            return "astro", folder / name
    return None


def configured(site: Site, flavor: str | None, table: dict[str, Any] | None, base: Path,
               settings_file: Path | None = None) -> Site:
    """`site` with .artlint.toml's `flavor` and `[site]` settings over what was detected:
    `static` replaces the detected static folders, `extend-static` adds to them."""
    from artlint import flavors

    changes: dict[str, Any] = {}
    table = table or {}
    if flavor:
        changes["flavor"] = flavors.get(flavor)
        changes["source"] = "configured"
    if table.get("root"):
        changes["root"] = (base / str(table["root"])).resolve()
    source = f"{settings_file or '.artlint.toml'}"
    static, origins = list(site.static), list(site.static_from)
    if table.get("static"):
        static = [(base / str(p)).resolve() for p in table["static"]]
        origins = [f"[site] static in {source}"] * len(static)
    for extra in table.get("extend_static") or ():
        static.append((base / str(extra)).resolve())
        origins.append(f"[site] extend-static in {source}")
    if table.get("static") or table.get("extend_static"):
        changes["static"], changes["static_from"] = tuple(static), tuple(origins)
    if table.get("baseurl"):
        changes["baseurl"] = str(table["baseurl"])
    return site._replace(**changes) if changes else site


def clear_cache() -> None:
    _detect_folder.cache_clear()
    _nearest.clear()
    _config_stats.clear()


# For a long-running process (the language server): the configuration file nearest to each
# folder seen, and the size and modification time each configuration had when first seen.
_nearest: dict[str, str] = {}
_config_stats: dict[str, tuple[object, ...]] = {}


def revalidate(path: str | Path) -> None:
    """Forget the detected sites when the configuration `path` would be detected with changed
    since it was last seen here: edited, removed, or a nearer one created. A run of `artlint
    check` reads each configuration once; an editor session outlives many edits of it."""
    start = Path(path).absolute()
    folder = start if start.is_dir() else start.parent
    config = ""
    stats: tuple[object, ...] = ()
    for here in (folder, *folder.parents):
        found = _config_here(here)
        if found is not None:
            config = str(found[1])
            stats = _signature(found[1])
            break
    key = str(folder)
    changed = _nearest.get(key, config) != config or _config_stats.get(config, stats) != stats
    if changed:
        clear_cache()
    _nearest[key] = config
    _config_stats[config] = stats


def for_file(path: str | Path, settings: Settings) -> Site:
    """The site of `path` with the configuration's `flavor` and `[site]` settings applied."""
    chosen = settings.site
    site = detect(path) if chosen.detect and path != "<text>" else NONE
    if settings.flavor is None and not any(getattr(chosen, k) for k in _OVERRIDES):
        return site
    return configured(site, settings.flavor, chosen._asdict(), settings.root, settings.config_file)


_OVERRIDES = ("root", "static", "extend_static", "baseurl")


def _signature(config: Path) -> tuple[object, ...]:
    """Sizes and modification times of a configuration file, or of a configuration directory's
    files (an edit in place changes neither the directory's time nor its size)."""
    from artlint.site.readers import hugo_config_files

    files = hugo_config_files(config) if config.is_dir() else [config]
    found: list[object] = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        found += (str(path), info.st_mtime_ns, info.st_size)
    return tuple(found)
