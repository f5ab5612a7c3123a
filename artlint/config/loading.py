"""Settings: found in .artlint.toml or [tool.artlint] of pyproject.toml, merged with the CLI.

Reading and checking each value lives in values.py and, for the [links] and [convert] tables,
sections.py; this module finds the file and builds the frozen Settings. Rule selection is
checked against the rules by lint.selection once the Settings are built.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from artlint.config.sections import (
    ConvertSettings,
    LinksSettings,
    SiteSettings,
    read_convert,
    read_links,
    read_site,
)
from artlint.config.values import (
    OVERRIDE_KEYS,
    ConfigError,
    Override,
    RuleSettings,
    check_keys,
    read_encoding,
    read_limit,
    read_list,
    read_optional_list,
    read_override,
    read_rules,
    read_schema,
    read_size,
    read_table_list,
)
from artlint.discovery.globs import matches_any
from artlint.model.limits import SETTINGS as LIMIT_SETTINGS
from artlint.model.limits import Limits

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXTENSIONS",
    "OVERRIDE_KEYS",
    "TOP_KEYS",
    "ConfigError",
    "ConvertSettings",
    "LinksSettings",
    "Override",
    "RuleSettings",
    "Settings",
    "find_config",
    "from_mapping",
    "load",
]

CONFIG_NAMES = (".artlint.toml", "artlint.toml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".mdx", ".html")
SCHEMA_FILES = (".json", ".yaml", ".yml")

TOP_KEYS = {
    "select": "list of rule codes, names or prefixes to run (default: rules on by default)",
    "extend-select": "rules to add to the selection",
    "ignore": "list of rule codes, names or prefixes to skip",
    "exclude": "list of globs of files to skip",
    "extensions": "file extensions to check",
    "schema": "front-matter schema for every file: a path, a built-in name, or false",
    "schemas": "table of glob = schema, for per-path schemas (first match wins)",
    "rules": "table of per-rule settings: [rules.CODE] severity = ..., and the rule's options",
    "overrides": "list of tables with files = [globs] and select/ignore/rules for those files",
    "links": "table of link-checking settings",
    "convert": "table of conversion settings",
    "strict": "treat warnings as failures",
    "max-file-size": "skip (with one diagnostic) files over this size: bytes, or \"10MB\"; 0: no limit",
    "cache": "keep results per file in .artlint_cache/ and reuse them while nothing they depend on changed",
    "verify": 'how --fix and convert judge "reads the same": "model" (the flavour\'s model) or "engine"',
    "verify-with": "the real engine verification renders with: kramdown or hugo (implies verify = engine)",
    "flavor": "Markdown flavour of every file, over what the site detection finds",
    "site": "table of site settings: detect, root, static, extend-static, baseurl, unpublished",
    "encoding": "how to read files that are not UTF-8: a codec name (cp949, euc-kr, ...) or auto",
    "schema_fetch": "allow schemas to $ref http(s) URLs (fetched once, cached); default false",
    "max_front_matter_size": "largest front matter read, in characters",
    "max_attributes": "most attributes on one HTML element",
    "max_nesting": "deepest nesting of HTML elements and of front-matter lists and tables",
}
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
VERIFY_MODES = ("model", "engine")


@dataclass(frozen=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)  # globs and schema paths are relative to it
    config_file: Path | None = None
    source: str = "configuration"  # how messages name where a setting came from
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    schema: str | bool = "blog"
    schema_given: bool = False  # `schema` was set (configuration or --schema), not the default
    schemas: tuple[tuple[str, str | bool], ...] = ()
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    links: LinksSettings = field(default_factory=LinksSettings)
    convert: ConvertSettings = field(default_factory=ConvertSettings)
    strict: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; 0: no limit
    cache: bool = True
    verify: str = "model"  # "engine": --fix renders with the real engine (verify_with, or the flavour's)
    verify_with: str | None = None
    flavor: str | None = None  # a flavour name (artlint.flavors.NAMES); None: detected per site
    site: SiteSettings = field(default_factory=SiteSettings)
    encoding: str | None = None  # a codec name or "auto"; None: UTF-8 (or UTF-16 with a BOM)
    schema_fetch: bool = False
    limits: Limits = field(default_factory=Limits)

    def encoding_for(self, path: str) -> str | None:
        """How to read `path`: the last matching override's encoding, else the run's."""
        rel = self.relative(path)
        for override in self.overrides[::-1]:
            if override.encoding is not None and matches_any(override.files, rel):
                return override.encoding
        return self.encoding

    def relative(self, path: str) -> str:
        # Asked several times for every file (schema, encoding, overrides): answered once.
        return _relative(str(self.root), os.path.abspath(path), path)

    def schema_for(self, path: str) -> str | bool:
        rel = self.relative(path)
        for override in self.overrides[::-1]:  # the last matching override wins
            if override.schema is not None and matches_any(override.files, rel):
                return override.schema
        for pattern, schema in self.schemas:
            if matches_any((pattern,), rel):
                return schema
        return self.schema

    def schema_chosen(self, path: str) -> bool:
        """Whether the schema of `path` was chosen by the user (`schema`, `schemas`, an
        override's schema or --schema) rather than being the built-in default."""
        rel = self.relative(path)
        if any(o.schema is not None and matches_any(o.files, rel) for o in self.overrides):
            return True
        return self.schema_given or any(matches_any((pattern,), rel) for pattern, _ in self.schemas)

    def excluded(self, path: str) -> bool:
        return bool(self.exclude) and matches_any(self.exclude, self.relative(path))

    def with_cli(self, **changes: Any) -> Settings:
        changes = {k: v for k, v in changes.items() if v is not None}
        if "encoding" in changes:
            # An encoding named on the command line applies to every file, over per-glob ones.
            changes["encoding"] = read_encoding(changes["encoding"], "--encoding")
            overrides = changes.get("overrides", self.overrides)
            changes["overrides"] = tuple(o._replace(encoding=None) for o in overrides)
        if "schema" in changes:
            schema = changes["schema"]
            is_path = isinstance(schema, str) and ("/" in schema or schema.endswith(SCHEMA_FILES))
            if is_path:
                changes["schema"] = os.path.abspath(schema)  # relative to where the command runs
            # A schema named on the command line applies to every file, over per-glob schemas.
            changes["schema_given"] = True
            changes.setdefault("schemas", ())
            overrides = changes.get("overrides", self.overrides)
            changes["overrides"] = tuple(o._replace(schema=None) for o in overrides)
        return replace(self, **changes)


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_section(candidate):
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # Most pyproject.toml files never name artlint: no need to load a TOML parser to see that.
    # (A key spelt with escapes, "\u0061rtlint", is the one way to name it without the word.)
    if "artlint" not in text and "\\" not in text:
        return False
    try:
        return "artlint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # loaded only where a TOML configuration file is found

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load(config_file: Path | None = None, start: Path | None = None) -> Settings:
    """Settings from an explicit file, or the first found walking up from `start`."""
    path = config_file or find_config(start or Path.cwd())
    if path is None:
        return Settings(root=(start or Path.cwd()).resolve())
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("artlint", {})
    return from_mapping(data, root=path.parent.resolve(), source=str(path), config_file=path)


def from_mapping(
    data: Mapping[str, Any], root: Path, source: str = "configuration", config_file: Path | None = None
) -> Settings:
    """Settings from a parsed table. Rule tables stay keyed as written (a code or a name) and
    selectors unchecked until lint.selection.validated, which needs the rules, resolves them."""
    check_keys(data, TOP_KEYS, source)
    schemas = data.get("schemas", {})
    if not isinstance(schemas, Mapping):
        raise ConfigError(f"{source}: 'schemas' must be a table of glob = schema")
    return Settings(
        root=root,
        config_file=config_file,
        source=source,
        select=read_optional_list(data, "select", source),
        extend_select=read_list(data, "extend-select", source),
        ignore=read_list(data, "ignore", source),
        exclude=read_list(data, "exclude", source),
        extensions=tuple(read_list(data, "extensions", source) or DEFAULT_EXTENSIONS),
        schema=read_schema(data.get("schema", "blog"), source),
        schema_given="schema" in data,
        schemas=tuple((str(k), read_schema(v, source)) for k, v in schemas.items()),
        rules=read_rules(data.get("rules", {}), source),
        overrides=tuple(read_override(o, source) for o in read_table_list(data, "overrides", source)),
        links=read_links(data.get("links", {}), source),
        convert=read_convert(data.get("convert", {}), source),
        strict=bool(data.get("strict", False)),
        max_file_size=read_size(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE), "max-file-size", source),
        cache=_read_bool(data.get("cache", True), "cache", source),
        **_read_verify(data, source),
        flavor=_read_flavor(data.get("flavor"), source),
        site=read_site(data.get("site", {}), source),
        encoding=read_encoding(data.get("encoding"), source),
        schema_fetch=_read_bool(data.get("schema_fetch", False), "schema_fetch", source),
        limits=Limits(**{field: read_limit(data, key, getattr(Limits(), field), source)
                         for key, field in LIMIT_SETTINGS.items()}),
    )


def _read_bool(value: Any, key: str, source: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: {key!r} must be true or false, got {value!r}")
    return value


# The real engines (artlint.engines.NAMES; configuration is a leaf and cannot import them).
VERIFY_ENGINES = ("kramdown", "hugo", "cmark-gfm")


def _read_verify(data: Mapping[str, Any], source: str) -> dict[str, Any]:
    verify = data.get("verify", "model")
    if verify not in VERIFY_MODES:
        raise ConfigError(f"{source}: 'verify' must be one of {', '.join(VERIFY_MODES)}, not {verify!r}")
    engine = data.get("verify-with")
    if engine is not None and engine not in VERIFY_ENGINES:
        valid = ", ".join(VERIFY_ENGINES)
        raise ConfigError(f"{source}: 'verify-with' must be one of {valid}, not {engine!r}")
    return {"verify": "engine" if engine else verify, "verify_with": engine}


def _read_flavor(value: Any, source: str) -> str | None:
    """A flavour's name; which names exist is checked after loading (lint.selection)."""
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{source}: 'flavor' must be a flavour's name, got {value!r}")
    return value


@functools.lru_cache(maxsize=4096)
def _relative(root: str, absolute: str, path: str) -> str:
    try:
        return Path(absolute).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
