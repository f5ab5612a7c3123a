"""`artlint site`: the detected (or configured) site of each path, as text or JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from artlint import site as sites
from artlint.config.loading import ConfigError, load


def describe(path: str, settings: Any) -> dict[str, Any]:
    site = sites.for_file(path, settings)
    info: dict[str, Any] = {"path": path, **site.describe()}
    info["flavor"] = site.flavor_for(path).name
    if os.path.isfile(path):
        from artlint.site.preflight import _front_matter

        published, why = site.publication(path, _front_matter(path))
        info["published"], info["publication"] = published, why
    return info


def show_site(paths: tuple[str, ...], output_format: str, config: Path | None, flavor: str | None) -> int:
    if output_format not in ("text", "json"):
        raise ConfigError(f"unknown format {output_format!r}; use one of: text, json")
    settings = load(config)
    if flavor is not None:
        from artlint.site.options import check_flavor

        settings = settings.with_cli(flavor=check_flavor(flavor, "--flavor"))
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"artlint: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    found = [describe(p, settings) for p in paths]
    if output_format == "json":
        json.dump(found if len(found) > 1 else found[0], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for info in found:
        print(f"{info['path']}:")
        print(f"  site:      {info['kind']} ({info['config'] or 'no generator configuration found'})")
        print(f"  flavor:    {info['flavor_label'] if info['flavor'] != 'mdx' else 'mdx'}"
              f" ({info['flavor_source']})")
        if info["root"]:
            print(f"  root:      {info['root']}")
        for n, served in enumerate(info["static_folders"]):
            absent = "" if served["exists"] else ", does not exist"
            label = "static:" if n == 0 else ""
            print(f"  {label:<10} {served['path']} ({served['from']}{absent})")
        if info["content"]:
            print(f"  content:   {info['content']}")
        if info["baseurl"]:
            print(f"  baseurl:   {info['baseurl']}")
        if info["excerpt_separator"]:
            # What `convert` keeps where it stands, since the site's excerpts end there.
            print(f"  excerpt:   {info['excerpt_separator']!r} ends a post's excerpt")
        if "published" in info and info["root"]:  # a file of no site has no generator to publish it
            state = "yes" if info["published"] else "no"
            print(f"  published: {state}{' (' + info['publication'] + ')' if info['publication'] else ''}")
    return 0
