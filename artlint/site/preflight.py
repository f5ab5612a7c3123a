"""Read every site configuration a run needs once, up front, in the main process.

A broken `_config.yml` then stops the run with one configuration error (exit 2) before any file
is checked, and `[site] unpublished = "skip"` drops the files the generator does not publish.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from artlint import site as sites

if TYPE_CHECKING:
    from artlint.config.loading import Settings


def preflight(files: list[str], settings: Settings) -> list[str]:
    if not settings.site.detect:
        return files
    for folder in {os.path.dirname(os.path.abspath(f)) for f in files}:
        sites.detect(os.path.join(folder, "x"))
    if settings.site.unpublished != "skip":
        return files
    kept = []
    for path in files:
        site = sites.for_file(path, settings)
        published, _ = site.publication(path, _front_matter(path) if site.root else None)
        if published:
            kept.append(path)
    return kept


def _front_matter(path: str) -> object:
    from artlint.frontmatter import split as frontmatter
    from artlint.text.decode import DecodeError, decode

    try:
        with open(path, "rb") as handle:
            text = decode(handle.read())[0]
        fm, _ = frontmatter.split(text)
        if fm is None:
            return None
        frontmatter.load(fm)
        return fm.data
    except (OSError, DecodeError):
        return None
