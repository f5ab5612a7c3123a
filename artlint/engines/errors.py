"""What goes wrong with a real engine: not installed, failing, or not one we know."""

from __future__ import annotations

NAMES = ("kramdown", "hugo", "cmark-gfm")

_INSTALL = {
    "kramdown": "install Ruby with kramdown and its GFM parser "
    "(Debian/Ubuntu: apt-get install ruby-kramdown ruby-kramdown-parser-gfm)",
    "hugo": "install Hugo (Debian/Ubuntu: apt-get install hugo)",
    "cmark-gfm": "install cmark-gfm, GitHub's Markdown engine (Debian/Ubuntu: apt-get install cmark-gfm)",
}
class EngineMissing(RuntimeError):
    """The engine asked for is not installed."""

    def __init__(self, name: str, detail: str = "") -> None:
        why = f" ({detail})" if detail else ""
        super().__init__(f"the {name} engine is not available{why}: {_INSTALL[name]}")
        self.name = name


class EngineError(RuntimeError):
    """The engine failed on a document (or stopped answering)."""


class UnknownEngine(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown engine {name!r}; valid engines: {', '.join(NAMES)}")
