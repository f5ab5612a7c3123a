"""Hugo (goldmark): one `hugo` build of a temporary site renders a whole batch of documents.

Each document becomes a content page whose layout prints only `.Content`; the site's goldmark
settings (`markup.goldmark` as a mapping: renderer, parser, extensions) go into its config.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from artlint.engines.errors import EngineError, EngineMissing

_LAYOUT = "{{ .Content }}"
_DISABLED = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]


def site_config(goldmark: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "baseURL": "http://localhost/",
        "disableKinds": _DISABLED,
        "uglyURLs": True,
        "markup": {"defaultMarkdownHandler": "goldmark", "goldmark": dict(goldmark)},
    }


class Hugo:
    name = "hugo"
    builds = 0  # hugo builds run by this Python process

    def render_many(self, bodies: Sequence[str], options: Mapping[str, Any] | None = None) -> list[str]:
        if not bodies:
            return []
        with tempfile.TemporaryDirectory(prefix="artlint-hugo-") as temp:
            root = Path(temp)
            (root / "hugo.json").write_text(json.dumps(site_config(options or {})), encoding="utf-8")
            layouts = root / "layouts" / "_default"
            layouts.mkdir(parents=True)
            (layouts / "single.html").write_text(_LAYOUT, encoding="utf-8")
            content = root / "content"
            content.mkdir()
            names = [f"p{number:06d}" for number in range(len(bodies))]
            for name, body in zip(names, bodies, strict=True):
                page = f'{{"title": "{name}"}}\n\n{body}'
                (content / f"{name}.md").write_text(page, encoding="utf-8")
            self._build(root)
            return [(root / "public" / f"{name}.html").read_text(encoding="utf-8") for name in names]

    def _build(self, root: Path) -> None:
        command = ["hugo", "--quiet", "--source", str(root), "--destination", str(root / "public"),
                   "--noBuildLock", "--cacheDir", str(root / ".cache")]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        except OSError as exc:
            raise EngineMissing("hugo", str(exc)) from None
        except subprocess.TimeoutExpired:
            raise EngineError("hugo build did not finish in 600 s") from None
        Hugo.builds += 1
        if done.returncode != 0:
            raise EngineError(f"hugo build failed: {(done.stderr or done.stdout).strip()[:2000]}")

    def close(self) -> None:
        pass
