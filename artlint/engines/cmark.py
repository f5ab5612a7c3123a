"""cmark-gfm, GitHub's own Markdown engine (and, without extensions, the CommonMark reference).

cmark-gfm reads one document per process and answers in a few milliseconds, so a batch is run
as that many short processes, a few at a time; there is no long-lived process to keep.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from artlint.engines.errors import EngineError, EngineMissing

# What github.com turns on for a Markdown file (its tagfilter drops <script>, <style> and the like).
GITHUB_EXTENSIONS = ("table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes")
DEFAULTS: dict[str, Any] = {"extensions": list(GITHUB_EXTENSIONS), "unsafe": True, "smart": False}


def command(options: Mapping[str, Any]) -> list[str]:
    settings = DEFAULTS | dict(options)
    args = ["cmark-gfm", "--to", "html", "--validate-utf8"]
    if settings.get("unsafe"):
        args.append("--unsafe")
    if settings.get("smart"):
        args.append("--smart")
    if settings.get("hardbreaks"):
        args.append("--hardbreaks")
    for extension in settings.get("extensions") or ():
        args.extend(("-e", str(extension)))
    return args


class CmarkGfm:
    name = "cmark-gfm"

    def render_many(self, bodies: Sequence[str], options: Mapping[str, Any] | None = None) -> list[str]:
        args = command(options or {})
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(lambda body: self._render(args, body), bodies))

    @staticmethod
    def _render(args: list[str], body: str) -> str:
        try:
            done = subprocess.run(args, input=body, capture_output=True, text=True,
                                  encoding="utf-8", timeout=60, check=False)
        except OSError as exc:
            raise EngineMissing("cmark-gfm", str(exc)) from None
        except subprocess.TimeoutExpired:
            raise EngineError("cmark-gfm did not answer in 60 s") from None
        if done.returncode != 0:
            raise EngineError(f"cmark-gfm failed: {done.stderr.strip()[:2000]}")
        return done.stdout

    def close(self) -> None:
        pass
