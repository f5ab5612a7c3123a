"""Settings: found in .artlint.toml or [tool.artlint] of pyproject.toml, merged with the CLI.

Every key is checked: an unknown one is an error naming it and listing the valid ones.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from artlint.diagnostics import Severity
from artlint.globs import matches_any

CONFIG_NAMES = (".artlint.toml", "artlint.toml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".html")

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
OVERRIDE_KEYS = ("files", "select", "extend-select", "ignore", "rules", "schema")
SECTION_DEFAULTS: dict[str, dict[str, Any]] = {"links": {}, "convert": {}}


class ConfigError(Exception):
    """A usage, configuration or schema problem: exit code 2."""


@dataclass(frozen=True)
class RuleSettings:
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    schema: str | bool | None = None


@dataclass(frozen=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)  # globs and schema paths are relative to it
    config_file: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    schema: str | bool = "blog"
    schemas: tuple[tuple[str, str | bool], ...] = ()
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    strict: bool = False

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name, {})

    def relative(self, path: str) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def schema_for(self, path: str) -> str | bool:
        rel = self.relative(path)
        for override in self.overrides:
            if override.schema is not None and matches_any(override.files, rel):
                return override.schema
        for pattern, schema in self.schemas:
            if matches_any((pattern,), rel):
                return schema
        return self.schema

    def excluded(self, path: str) -> bool:
        return bool(self.exclude) and matches_any(self.exclude, self.relative(path))

    def with_cli(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


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
    _check_keys(data, TOP_KEYS, source)
    sections = {name: _section(data.get(name, {}), name, source) for name in SECTION_DEFAULTS}
    schemas = data.get("schemas", {})
    if not isinstance(schemas, Mapping):
        raise ConfigError(f"{source}: 'schemas' must be a table of glob = schema")
    return Settings(
        root=root,
        config_file=config_file,
        select=_opt_list(data, "select", source),
        extend_select=_list(data, "extend-select", source),
        ignore=_list(data, "ignore", source),
        exclude=_list(data, "exclude", source),
        extensions=tuple(_list(data, "extensions", source) or DEFAULT_EXTENSIONS),
        schema=_schema_value(data.get("schema", "blog"), source),
        schemas=tuple((str(k), _schema_value(v, source)) for k, v in schemas.items()),
        rules=_rules(data.get("rules", {}), source),
        overrides=tuple(_override(o, source) for o in _table_list(data, "overrides", source)),
        sections=sections,
        strict=bool(data.get("strict", False)),
    )


def _check_keys(data: Mapping[str, Any], valid: Mapping[str, Any] | Sequence[str], where: str) -> None:
    for key in data:
        if key not in valid:
            names = ", ".join(sorted(valid))
            raise ConfigError(f"{where}: unknown key {key!r}; valid keys: {names}")


def _section(value: Any, name: str, source: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: '{name}' must be a table")
    defaults = section_defaults(name)
    _check_keys(value, defaults, f"{source}: [{name}]")
    return {**defaults, **value}


def section_defaults(name: str) -> dict[str, Any]:
    """Defaults of a settings table, declared by the package that owns it."""
    if name == "links":
        from artlint.links.settings import DEFAULTS as LINKS

        return dict(LINKS)
    if name == "convert":
        from artlint.convert.settings import DEFAULTS as CONVERT

        return dict(CONVERT)
    return dict(SECTION_DEFAULTS.get(name, {}))


def _list(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    return _opt_list(data, key, source) or ()


def _opt_list(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return tuple(value)


def _table_list(data: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ConfigError(f"{source}: '{key}' must be an array of tables ([[{key}]])")
    return value


def _schema_value(value: Any, source: str) -> str | bool:
    if isinstance(value, bool | str):
        return value
    raise ConfigError(f"{source}: a schema is a path, a built-in name, or false")


def _rules(value: Any, source: str) -> dict[str, RuleSettings]:
    from artlint import rules as registry

    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: 'rules' must be a table of [rules.CODE] tables")
    result: dict[str, RuleSettings] = {}
    for key, settings in value.items():
        rule = registry.lookup(key)
        if rule is None:
            raise ConfigError(f"{source}: [rules.{key}]: no rule has that code or name; see 'artlint rules'")
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{source}: [rules.{key}] must be a table")
        valid = {"severity": None, **rule.options}
        _check_keys(settings, valid, f"{source}: [rules.{key}]")
        severity = settings.get("severity")
        try:
            parsed = Severity.parse(severity) if severity is not None else None
        except ValueError as exc:
            raise ConfigError(f"{source}: [rules.{key}]: {exc}") from None
        options = {k: v for k, v in settings.items() if k != "severity"}
        for name, given in options.items():
            default = rule.options[name]
            if default is not None and not isinstance(given, type(default)):
                expected = type(default).__name__
                raise ConfigError(f"{source}: [rules.{key}] {name}: expected {expected}, got {given!r}")
        result[rule.code] = RuleSettings(parsed, options)
    return result


def _override(value: Mapping[str, Any], source: str) -> Override:
    where = f"{source}: [[overrides]]"
    _check_keys(value, OVERRIDE_KEYS, where)
    files = _list(value, "files", where)
    if not files:
        raise ConfigError(f"{where}: 'files' (a list of globs) is required")
    schema = value.get("schema")
    return Override(
        files=files,
        select=_opt_list(value, "select", where),
        extend_select=_list(value, "extend-select", where),
        ignore=_list(value, "ignore", where),
        rules=_rules(value.get("rules", {}), where),
        schema=None if schema is None else _schema_value(schema, where),
    )
