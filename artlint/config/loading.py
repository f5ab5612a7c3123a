"""Settings: found in .artlint.toml or [tool.artlint] of pyproject.toml, merged with the CLI.

Reading and checking each value lives in values.py and, for the [links] and [convert] tables,
sections.py; this module finds the file and builds the frozen Settings. Rule selection is
checked against the rules by lint.selection once the Settings are built.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from artlint.config.sections import ConvertSettings, LinksSettings, read_convert, read_links
from artlint.config.values import (
    OVERRIDE_KEYS,
    ConfigError,
    Override,
    RuleSettings,
    check_keys,
    read_list,
    read_optional_list,
    read_override,
    read_rules,
    read_schema,
    read_table_list,
)
from artlint.discovery.globs import matches_any

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
DEFAULT_EXTENSIONS = (".md", ".markdown", ".html")
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
}


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
    schemas: tuple[tuple[str, str | bool], ...] = ()
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    links: LinksSettings = field(default_factory=LinksSettings)
    convert: ConvertSettings = field(default_factory=ConvertSettings)
    strict: bool = False

    def relative(self, path: str) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def schema_for(self, path: str) -> str | bool:
        rel = self.relative(path)
        for override in reversed(self.overrides):  # the last matching override wins
            if override.schema is not None and matches_any(override.files, rel):
                return override.schema
        for pattern, schema in self.schemas:
            if matches_any((pattern,), rel):
                return schema
        return self.schema

    def excluded(self, path: str) -> bool:
        return bool(self.exclude) and matches_any(self.exclude, self.relative(path))

    def with_cli(self, **changes: Any) -> Settings:
        changes = {k: v for k, v in changes.items() if v is not None}
        if "schema" in changes:
            schema = changes["schema"]
            is_path = isinstance(schema, str) and ("/" in schema or schema.endswith(SCHEMA_FILES))
            if is_path:
                changes["schema"] = os.path.abspath(schema)  # relative to where the command runs
            # A schema named on the command line applies to every file, over per-glob schemas.
            changes.setdefault("schemas", ())
            overrides = changes.get("overrides", self.overrides)
            changes["overrides"] = tuple(replace(o, schema=None) for o in overrides)
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
        return "artlint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
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
        schemas=tuple((str(k), read_schema(v, source)) for k, v in schemas.items()),
        rules=read_rules(data.get("rules", {}), source),
        overrides=tuple(read_override(o, source) for o in read_table_list(data, "overrides", source)),
        links=read_links(data.get("links", {}), source),
        convert=read_convert(data.get("convert", {}), source),
        strict=bool(data.get("strict", False)),
    )


