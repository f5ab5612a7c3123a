"""The site one article belongs to: its generator, flavour, folders and published paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from artlint.flavors import GFM, MDX, Flavor

# The languages a Hugo configuration file may be written in.
HUGO_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
# Where Hugo ends a page's summary (its summary divider), whatever the configuration says.
HUGO_SUMMARY_DIVIDER = "<!--more-->"


class Site(NamedTuple):
    kind: str  # "jekyll", "hugo", "astro" or "none"
    flavor: Flavor
    root: Path | None = None  # the folder root-relative URLs start from
    config: Path | None = None  # the file the settings were read from
    static: tuple[Path, ...] = ()  # folders served at the root (/img/a.png), first match wins
    static_from: tuple[str, ...] = ()  # for each static folder, where it came from
    content: Path | None = None  # Hugo contentDir
    baseurl: str = ""
    permalink: str | None = None
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()  # Jekyll collections whose `_name` folders are published
    source: str = "default"  # where the flavour came from: "detected", "configured" or "default"
    stamp: str = ""  # the configuration file's name and a digest of its bytes ("" without one)
    # Where a post's excerpt ends: Jekyll's `excerpt_separator` (unset: the first paragraph, "")
    # or Hugo's summary divider. The generator looks for it in the Markdown, byte for byte.
    excerpt_separator: str = ""

    def flavor_for(self, path: str | Path) -> Flavor:
        if str(path).endswith(".mdx"):
            return MDX
        return self.flavor

    def url_roots(self) -> tuple[Path, ...]:
        """Folders a root-relative URL ("/img/a.png") may resolve into, in the order the
        generator looks: the static folders, then (Hugo) the content folder, whose page bundles
        are served at their pages' URLs. A site without static folders serves its root."""
        roots = list(self.static)
        if self.kind == "hugo" and self.content is not None:
            roots.append(self.content)
        if not roots and self.root is not None:
            roots.append(self.root)
        return tuple(dict.fromkeys(roots))

    def static_folders(self) -> list[tuple[Path, str]]:
        """Each static folder with where it came from."""
        origins = self.static_from + ("",) * (len(self.static) - len(self.static_from))
        return list(zip(self.static, origins, strict=True))

    def publication(self, path: str | Path, front_matter: Any = None) -> tuple[bool, str]:
        """(published, why) for a file of this site; why is "" for an ordinary published page."""
        from artlint.site import publish

        return publish.publication(self, Path(path), front_matter)

    def describe(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "config": str(self.config) if self.config else None,
            "flavor": self.flavor.name,
            "flavor_label": self.flavor.label,
            "flavor_source": self.source,
            "root": str(self.root) if self.root else None,
            "static": [str(p) for p in self.static],
            "static_folders": [
                {"path": str(p), "from": origin, "exists": p.is_dir()} for p, origin in self.static_folders()
            ],
            "content": str(self.content) if self.content else None,
            "baseurl": self.baseurl,
            "permalink": self.permalink,
            "excerpt_separator": self.excerpt_separator or None,
        }


NONE = Site("none", GFM)


