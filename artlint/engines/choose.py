"""Which real engine renders a flavour's pages, with which settings.

kramdown sites render with kramdown (their `kramdown:` options on top of Jekyll's defaults);
goldmark sites with Hugo (their `markup.goldmark` settings). CommonMark, GFM and MDX have no
engine artlint runs: their model is markdown-it itself, the reference those flavours follow.
"""

from __future__ import annotations

from typing import Any

from artlint.flavors import Flavor

ENGINE_OF = {"kramdown": "kramdown", "goldmark": "hugo"}
FLAVOR_OF = {"kramdown": "kramdown", "hugo": "goldmark"}


def engine_for(flavor: Flavor | str) -> str | None:
    engine = flavor if isinstance(flavor, str) else flavor.engine
    return ENGINE_OF.get(engine)


def settings_for(flavor: Flavor, engine: str) -> dict[str, Any]:
    """The engine's settings as the flavour's site gave them (Flavor.options)."""
    if engine_for(flavor) != engine:
        return {}
    settings: dict[str, Any] = {}
    for key, value in flavor.options:
        if engine == "hugo" and "." in key:
            # "renderer.unsafe" = true -> {"renderer": {"unsafe": true}}
            *parents, last = key.split(".")
            node = settings
            for parent in parents:
                node = node.setdefault(parent, {})
            node[last] = value
        else:
            settings[key] = value
    return settings


def verifier(verify: str, verify_with: str | None, flavor: Flavor | None = None) -> Any:
    """The Renderer that `verify = "engine"` asks for, or None to verify with the model.

    The engine is `verify_with`, else the flavour's own; raises EngineMissing when it is not
    installed (never a quiet fall back to the model).
    """
    from artlint import engines

    if verify != "engine":
        return None
    name = verify_with or (engine_for(flavor) if flavor is not None else None)
    if name is None:
        return None
    if not engines.available(name):
        raise engines.EngineMissing(name, engines.why_missing(name))
    return engines.renderer(name, settings_for(flavor, name) if flavor is not None else None)
