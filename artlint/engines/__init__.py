"""The real Markdown engines, run as a site generator would run them.

    engine = engines.get("kramdown")            # raises EngineMissing when not installed
    pages = engine.render_many(bodies, {"input": "GFM", "smart_quotes": "..."})

Each engine is started once per run and given every document of the run: one `ruby` process
serves all kramdown renderings; one `hugo` build renders a whole batch; cmark-gfm (GitHub's
engine) answers each document in a few milliseconds from a short process of its own. A missing
engine is an error naming what to install, never a quiet switch to a model.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from artlint.engines.errors import NAMES, EngineError, EngineMissing, UnknownEngine

# bodies -> the HTML a reader gets for each; what fix and convert verification render with.
Renderer = Callable[[Sequence[str]], list[str]]

__all__ = ["NAMES", "EngineError", "EngineMissing", "Renderer", "UnknownEngine", "available", "get"]
_PROGRAM = {"kramdown": "ruby", "hugo": "hugo", "cmark-gfm": "cmark-gfm"}


class Engine(Protocol):
    name: str

    def render_many(self, bodies: Sequence[str], options: Mapping[str, Any] | None = None) -> list[str]:
        ...

    def close(self) -> None:
        ...


def available(name: str) -> bool:
    """Whether `name`'s program is on PATH (kramdown: and loads with its GFM parser)."""
    if name not in NAMES:
        raise UnknownEngine(name)
    if shutil.which(_PROGRAM[name]) is None:
        return False
    if name == "kramdown":
        from artlint.engines.kramdown import libraries_load

        return libraries_load()
    return True


def why_missing(name: str) -> str:
    if shutil.which(_PROGRAM[name]) is None:
        return f"no {_PROGRAM[name]!r} on PATH"
    return "ruby cannot load kramdown and kramdown-parser-gfm" if name == "kramdown" else ""


_RUNNING: dict[str, Engine] = {}


def get(name: str) -> Engine:
    """The run's one instance of engine `name`, started on first use."""
    if name not in NAMES:
        raise UnknownEngine(name)
    engine = _RUNNING.get(name)
    if engine is None:
        if shutil.which(_PROGRAM[name]) is None:
            raise EngineMissing(name, f"no {_PROGRAM[name]!r} on PATH")
        if name == "kramdown":
            from artlint.engines.kramdown import Kramdown

            engine = Kramdown()
        elif name == "hugo":
            from artlint.engines.hugo import Hugo

            engine = Hugo()
        else:
            from artlint.engines.cmark import CmarkGfm

            engine = CmarkGfm()
        _RUNNING[name] = engine
    return engine


def renderer(name: str, options: Mapping[str, Any] | None = None) -> Renderer:
    """A Renderer for engine `name` with `options`; each distinct body is rendered once."""
    engine = get(name)
    settings = defaults(name) | dict(options or {})
    seen: dict[str, str] = {}

    def render(bodies: Sequence[str]) -> list[str]:
        wanted = list(dict.fromkeys(b for b in bodies if b not in seen))
        if wanted:
            seen.update(zip(wanted, engine.render_many(wanted, settings), strict=True))
        return [seen[b] for b in bodies]

    return render


def defaults(name: str) -> dict[str, Any]:
    """The settings a site gets when its config says nothing: Jekyll's for kramdown, Hugo's own."""
    if name == "kramdown":
        from artlint.engines.kramdown import JEKYLL_DEFAULTS

        return dict(JEKYLL_DEFAULTS)
    if name == "cmark-gfm":
        from artlint.engines.cmark import DEFAULTS

        return dict(DEFAULTS)
    return {}


def close_all() -> None:
    for engine in _RUNNING.values():
        engine.close()
    _RUNNING.clear()
