"""Which real engine renders a flavour's pages, with which settings.

kramdown sites render with kramdown (their `kramdown:` options on top of Jekyll's defaults);
goldmark sites with Hugo (their `markup.goldmark` settings); GFM sites (github.com, Astro's
remark-gfm) with cmark-gfm, GitHub's engine, and CommonMark with cmark-gfm without extensions.
MDX has no engine artlint runs.
`Verifiers` picks the engine and settings for each file of a `check --fix` run from its site.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artlint.flavors import Flavor

if TYPE_CHECKING:
    from artlint.engines import Renderer

ENGINE_OF = {"kramdown": "kramdown", "goldmark": "hugo", "gfm": "cmark-gfm", "commonmark": "cmark-gfm"}
FLAVOR_OF = {"kramdown": "kramdown", "hugo": "goldmark", "cmark-gfm": "gfm"}


def engine_for(flavor: Flavor | str) -> str | None:
    if isinstance(flavor, str):
        return ENGINE_OF.get(flavor)
    # GFM and CommonMark share the markdown-it model; their engines differ by extensions.
    return ENGINE_OF.get(flavor.name if flavor.engine == "markdown-it" else flavor.engine)


def settings_for(flavor: Flavor, engine: str) -> dict[str, Any]:
    """The engine's settings as the flavour's site gave them (Flavor.options, "a.b" keys nested)."""
    if engine_for(flavor) != engine:
        return {}
    settings: dict[str, Any] = {}
    if engine == "cmark-gfm":
        if flavor.hard_wrap:
            settings["hardbreaks"] = True
        if flavor.name == "commonmark":
            settings["extensions"] = []
    for key, value in flavor.options:
        # "renderer.unsafe" = true -> {"renderer": {"unsafe": true}}
        *parents, last = key.split(".")
        node = settings
        for parent in parents:
            node = node.setdefault(parent, {})
        node[last] = list(value) if isinstance(value, tuple) else value
    return settings


class WrongEngine(RuntimeError):
    """`--verify-with` names an engine that is not the one the file's site renders with."""


class Verifiers:
    """The renderer that judges the fixes of each file, chosen from the file's site.

    `verify = "engine"` alone: each file with its own site's engine (kramdown for a Jekyll site,
    Hugo for a Hugo site, cmark-gfm for a GFM one) and that site's settings; a file whose
    flavour has no engine artlint runs (MDX) is judged by the model.
    `verify_with`: that engine for every file, with the site's settings when the site renders
    with it; a file whose site (a configuration found) renders with another engine is refused
    (WrongEngine), and so is a file whose engine is not installed (EngineMissing): never a quiet
    fall back to the model.
    """

    def __init__(self, verify: str, verify_with: str | None) -> None:
        self.active = verify == "engine" or bool(verify_with)
        self.verify_with = verify_with
        self._renderers: dict[tuple[str, str], Renderer] = {}

    def check_named(self) -> None:
        """Raise EngineMissing now when the engine `verify_with` names is not installed."""
        from artlint import engines

        if self.verify_with and not engines.available(self.verify_with):
            raise engines.EngineMissing(self.verify_with, engines.why_missing(self.verify_with))

    def choice(self, flavor: Flavor, config: Path | None = None) -> tuple[str, dict[str, Any]] | None:
        """(engine, its settings) for a file of this flavour (its site configured in `config`),
        or None to judge with the model."""
        if not self.active:
            return None
        own = engine_for(flavor)
        name = self.verify_with or own
        if name is None:
            return None
        if own is not None and own != name and config is not None:
            # A file of no site has no engine of its own: the one named judges it.
            raise WrongEngine(
                f"its site ({config}) renders with {own}, which --verify-with {name} does not judge; "
                f"use --verify-with {own}, or verify = \"engine\" to judge each file with its site's engine"
            )
        return name, settings_for(flavor, name)

    def renderer(self, flavor: Flavor, config: Path | None = None) -> Renderer | None:
        """The renderer for a file of this flavour; raises WrongEngine or EngineMissing."""
        from artlint import engines

        chosen = self.choice(flavor, config)
        if chosen is None:
            return None
        name, settings = chosen
        key = (name, json.dumps(settings, sort_keys=True, default=str))
        if key not in self._renderers:
            if not engines.available(name):
                raise engines.EngineMissing(name, engines.why_missing(name))
            self._renderers[key] = engines.renderer(name, settings)
        return self._renderers[key]
