"""Read one generator's configuration file into a Site: Jekyll, Hugo, Astro.

A file that cannot be read, does not parse, or whose settings contradict each other is one
ConfigError naming the file and the key, so the run stops with exit 2 instead of guessing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from artlint import flavors
from artlint.config.values import ConfigError
from artlint.flavors import GFM, GOLDMARK, Flavor
from artlint.site.model import HUGO_SUFFIXES, HUGO_SUMMARY_DIVIDER, Site

# Markdown engines Jekyll names in `markdown:` whose output is GFM (jekyll-commonmark is cmark-gfm).
_JEKYLL_GFM = {"commonmark", "commonmarkghpages", "gfm"}
_HUGO_ID_STYLES = {"github": "hugo", "github-ascii": "hugo", "blackfriday": "hugo"}


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the site configuration: {exc}") from None


def _stamp(path: Path, text: str) -> str:
    """What a cached result depends on: which configuration file, with which bytes."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return f"{path}:{digest}"


def _flat(table: Mapping[str, Any], prefix: str = "") -> list[tuple[str, object]]:
    """A settings table as ("parent.key", value) pairs, keys as written, values hashable."""
    pairs: list[tuple[str, object]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            pairs += _flat(value, name + ".")
        elif isinstance(value, list):
            pairs.append((name, tuple(value)))
        else:
            pairs.append((name, value))
    return sorted(pairs, key=lambda pair: pair[0])


def _mapping(value: Any, path: Path, key: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: '{key}' must be a table of settings, not {type(value).__name__}")
    return value


def _bool(table: Mapping[str, Any], name: str, default: bool, path: Path, key: str) -> bool:
    value = table.get(name, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: '{key}.{name}' must be true or false, not {value!r}")
    return value


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


# --- Jekyll ----------------------------------------------------------------------------------


def jekyll(path: Path) -> Site:
    import yaml

    text = _text(path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    data = _mapping(data, path, "(top level)")
    root = path.parent
    engine = data.get("markdown", "kramdown")
    if not isinstance(engine, str):
        raise ConfigError(f"{path}: 'markdown' must be the name of a Markdown engine, not {engine!r}")
    options = _mapping(data.get("kramdown"), path, "kramdown")
    if engine.lower() in _JEKYLL_GFM:
        flavor: Flavor = GFM
    elif engine.lower() == "kramdown":
        flavor = _kramdown(options, path)
    else:
        raise ConfigError(
            f"{path}: 'markdown: {engine}' is not an engine artlint models; "
            "use kramdown or CommonMark, or set flavor in .artlint.toml"
        )
    source = data.get("source", ".")
    if not isinstance(source, str):
        raise ConfigError(f"{path}: 'source' must be a folder name")
    site_root = (root / source).resolve()
    collections = data.get("collections") or {}
    if isinstance(collections, list | Mapping):
        names = tuple(str(c) for c in collections)
    else:
        raise ConfigError(f"{path}: 'collections' must be a table or a list")
    baseurl = data.get("baseurl") or ""
    permalink = data.get("permalink")
    separator = data.get("excerpt_separator")
    return Site(
        "jekyll", flavor, root=site_root, config=path, static=(site_root,),
        static_from=("Jekyll's source folder",),
        baseurl=str(baseurl), permalink=str(permalink) if permalink else None,
        exclude=_strings(data.get("exclude"), path, "exclude"),
        include=_strings(data.get("include"), path, "include"),
        collections=names, source="detected", stamp=_stamp(path, text),
        excerpt_separator=separator if isinstance(separator, str) and separator.strip() else "",
    )


def _kramdown(options: Mapping[str, Any], path: Path) -> Flavor:
    given = options.get("input", "GFM")
    if not isinstance(given, str) or given.lower() not in ("gfm", "kramdown"):
        raise ConfigError(f"{path}: 'kramdown.input' must be GFM or kramdown, not {given!r}")
    flavor = flavors.kramdown(given)
    quotes = options.get("smart_quotes", "lsquo,rsquo,ldquo,rdquo")
    if isinstance(quotes, list):
        quotes = ",".join(str(q) for q in quotes)
    if not isinstance(quotes, str):
        raise ConfigError(f"{path}: 'kramdown.smart_quotes' must be four entity names, not {quotes!r}")
    smart = not all(q.strip() in ("apos", "quot") for q in quotes.split(","))
    auto_ids = _bool(options, "auto_ids", True, path, "kramdown")
    # kramdown's GFM parser breaks lines by default; Jekyll turns that off unless asked.
    hard_wrap = _bool(options, "hard_wrap", False, path, "kramdown")
    block_html = _bool(options, "parse_block_html", False, path, "kramdown")
    return flavor.with_options(
        smart_quotes=smart, heading_ids=flavor.heading_ids if auto_ids else "none",
        hard_wrap=hard_wrap, parse_block_html=block_html,
        options=tuple(_flat(options)),
    )


# --- Hugo ------------------------------------------------------------------------------------


def _load_any(path: Path, text: str) -> Mapping[str, Any]:
    # Each parser loads only for a configuration written in its language.
    if path.suffix == ".toml":
        import tomllib

        invalid: tuple[type[Exception], ...] = (tomllib.TOMLDecodeError,)
    else:
        invalid = (json.JSONDecodeError,)
    try:
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
    except invalid as exc:
        raise ConfigError(f"{path}: invalid {path.suffix[1:].upper()}: {exc}") from None
    except Exception as exc:  # yaml.YAMLError, without importing yaml for TOML sites
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    return _mapping(data, path, "(top level)")


def _lower(table: Mapping[str, Any]) -> dict[str, Any]:
    # Hugo's configuration keys are case-insensitive.
    return {str(k).lower(): v for k, v in table.items()}


# A Hugo configuration directory: `config/_default`, then the environment `hugo` builds by
# default, each file merged over the last; `markup.toml` holds the `markup` table, `hugo.toml`
# (or `config.toml`) the top level.
HUGO_ENVIRONMENTS = ("_default", "production")


def hugo_config_files(folder: Path) -> list[Path]:
    """The files of the configuration directory `folder` (config/_default) Hugo merges, in order."""
    files: list[Path] = []
    for environment in HUGO_ENVIRONMENTS:
        here = folder.parent / environment
        if here.is_dir():
            files += sorted(p for p in here.iterdir() if p.suffix in HUGO_SUFFIXES and p.is_file())
    return files


def _hugo_config_dir(folder: Path) -> tuple[dict[str, Any], str]:
    """The merged configuration of a Hugo configuration directory, and what it was read from."""
    merged: dict[str, Any] = {}
    read: list[str] = []
    for path in hugo_config_files(folder):
        text = _text(path)
        read.append(f"{path.parent.name}/{path.name}\n{text}")
        if "." in path.stem:
            continue  # menus.en.toml: one language's settings; the engine's are the site's
        data = _load_any(path, text)
        key = path.stem.lower()
        _merge(merged, data if key in ("hugo", "config") else {key: data})
    return merged, "\n".join(read)


def _merge(into: dict[str, Any], over: Mapping[str, Any]) -> None:
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = dict(value) if isinstance(value, Mapping) else value


def hugo(path: Path) -> Site:
    """A Hugo site from its configuration file, or from its configuration directory
    (`path` is then config/_default)."""
    if path.is_dir():
        raw, text = _hugo_config_dir(path)
        data = _lower(raw)
        root = path.parent.parent
    else:
        text = _text(path)
        data = _lower(_load_any(path, text))
        root = path.parent
    markup = _lower(_mapping(data.get("markup"), path, "markup"))
    handler = markup.get("defaultmarkdownhandler", "goldmark")
    if handler != "goldmark":
        raise ConfigError(
            f"{path}: 'markup.defaultMarkdownHandler = {handler!r}' is not an engine artlint models; "
            "set flavor in .artlint.toml"
        )
    written = _mapping(markup.get("goldmark"), path, "markup.goldmark")
    goldmark = _lower(written)
    renderer = _lower(_mapping(goldmark.get("renderer"), path, "markup.goldmark.renderer"))
    parser = _lower(_mapping(goldmark.get("parser"), path, "markup.goldmark.parser"))
    attribute = _lower(_mapping(parser.get("attribute"), path, "markup.goldmark.parser.attribute"))
    extensions = _lower(_mapping(goldmark.get("extensions"), path, "markup.goldmark.extensions"))
    where = "markup.goldmark"
    typographer = extensions.get("typographer", True)
    if isinstance(typographer, Mapping):  # newer Hugo: a table with `disable`
        typographer = not _lower(typographer).get("disable", False)
    if not isinstance(typographer, bool):
        raise ConfigError(f"{path}: '{where}.extensions.typographer' must be true, false or a table")
    style = parser.get("autoheadingidtype", "github")
    if style not in _HUGO_ID_STYLES:
        raise ConfigError(
            f"{path}: '{where}.parser.autoHeadingIDType' must be one of "
            f"{', '.join(_HUGO_ID_STYLES)}, not {style!r}"
        )
    auto_ids = _bool(parser, "autoheadingid", True, path, f"{where}.parser")
    flavor = GOLDMARK.with_options(
        raw_html=_bool(renderer, "unsafe", False, path, f"{where}.renderer"),
        hard_wrap=_bool(renderer, "hardwraps", False, path, f"{where}.renderer"),
        definition_term_ids=_bool(parser, "autodefinitiontermid", False, path, f"{where}.parser"),
        block_attributes=_bool(attribute, "block", False, path, f"{where}.parser.attribute"),
        attribute_lists="goldmark" if _bool(attribute, "title", True, path,
                                            f"{where}.parser.attribute") else "",
        heading_ids=_HUGO_ID_STYLES[style] if auto_ids else "none",
        smart_quotes=typographer,
        definition_lists=_bool(extensions, "definitionlist", True, path, f"{where}.extensions"),
        footnotes=_bool(extensions, "footnote", True, path, f"{where}.extensions"),
        tables=_bool(extensions, "table", True, path, f"{where}.extensions"),
        strikethrough=_bool(extensions, "strikethrough", True, path, f"{where}.extensions"),
        autolinks="goldmark" if _bool(extensions, "linkify", True, path, f"{where}.extensions") else "",
        options=tuple(_flat(written)),  # what the real Hugo is given when it verifies a fix
    )
    content = data.get("contentdir", "content")
    if not isinstance(content, str):
        raise ConfigError(f"{path}: 'contentDir' must be a folder name")
    permalinks = data.get("permalinks")
    static, static_from = _hugo_static(data, root, path)
    return Site(
        "hugo", flavor, root=root, config=path, static=static, static_from=static_from,
        content=root / content,
        baseurl=str(data.get("baseurl", "") or ""),
        permalink=json.dumps(permalinks, sort_keys=True) if permalinks else None,
        source="detected", stamp=_stamp(path, text), excerpt_separator=HUGO_SUMMARY_DIVIDER,
    )


def _hugo_static(data: Mapping[str, Any], root: Path, path: Path) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """The folders Hugo serves at the site root: staticDir (and staticDir0..10), the themes'
    static folders, and assetDir, whose files a template or render hook publishes."""
    folders: list[tuple[Path, str]] = []
    numbered = sorted((k for k in data if k.startswith("staticdir") and k[9:].isdigit()),
                      key=lambda k: int(k[9:]))
    for key in ("staticdir", *numbered):
        if key in data:
            for name in _strings(data[key], path, key.replace("staticdir", "staticDir")):
                folders.append((root / name, f"{key.replace('staticdir', 'staticDir')} in {path.name}"))
    if not folders:
        folders.append((root / "static", "Hugo's default staticDir"))
    themes = root / _folder(data.get("themesdir", "themes"), path, "themesDir")
    for theme in _strings(data.get("theme"), path, "theme"):
        folders.append((themes / theme / "static", f"the static folder of theme '{theme}'"))
    if "assetdir" in data:
        folders.append((root / _folder(data["assetdir"], path, "assetDir"), f"assetDir in {path.name}"))
    else:
        folders.append((root / "assets", "Hugo's default assetDir"))
    return tuple(p for p, _ in folders), tuple(o for _, o in folders)


def _folder(value: Any, path: Path, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: '{key}' must be a folder name, not {value!r}")
    return value


# --- Astro -----------------------------------------------------------------------------------


def astro(path: Path) -> Site:
    text = _text(path)  # unreadable is an error; its JavaScript is not evaluated
    root = path.parent
    found = _astro_literals(text)
    public = found.get("publicDir")
    static = (root / public,) if public else (root / "public",)
    origin = f"publicDir in {path.name}" if public else "Astro's public folder"
    return Site("astro", GFM, root=root, config=path, static=static, static_from=(origin,),
                baseurl=found.get("base", ""), source="detected", stamp=_stamp(path, text))


def _astro_literals(text: str) -> dict[str, str]:
    """`publicDir` and `base` of `defineConfig({...})` when written as string literals. Only the
    object's own keys count (those indented as its first key is): `base` is a common name
    inside integrations' options, and a value computed in JavaScript is not known here."""
    start = text.find("defineConfig(")
    if start < 0:
        return {}
    lines = text[start:].splitlines()[1:]
    first = next((line for line in lines if line.strip() and not line.strip().startswith("//")), "")
    indent = first[: len(first) - len(first.lstrip())]
    if not indent:
        return {}
    pattern = re.compile(rf"^{re.escape(indent)}(publicDir|base)\s*:\s*(['\"`])([^'\"`$]*)\2\s*,?\s*(?://.*)?$")
    found: dict[str, str] = {}
    for line in lines:
        match = pattern.match(line)
        if match is not None:
            found.setdefault(match.group(1), match.group(3).strip())
    return found
