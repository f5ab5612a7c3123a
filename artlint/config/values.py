"""Reading configuration values: key checks, types, rule settings, overrides.

Every key is checked: an unknown one is an error naming it and listing the valid ones. What
needs the rules (that a selector or a [rules.X] table names one, that an option is the rule's)
is checked after loading, by lint.selection: configuration knows nothing of the rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from artlint.model.diagnostics import Severity

OVERRIDE_KEYS = ("files", "select", "extend-select", "ignore", "rules", "schema", "encoding")


class ConfigError(Exception):
    """A usage, configuration or schema problem: exit code 2."""


# Settings are tuples: defining a frozen dataclass costs a millisecond of every start.
class RuleSettings(NamedTuple):
    severity: Severity | None = None
    options: Mapping[str, Any] = MappingProxyType({})


class Override(NamedTuple):
    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, RuleSettings] = MappingProxyType({})
    schema: str | bool | None = None
    encoding: str | None = None


_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def read_size(value: Any, key: str, source: str) -> int:
    """A size in bytes: an integer, or a number with KB, MB or GB ("10MB", "1.5 GB")."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str):
        text = value.strip().upper().replace(" ", "")
        number = text.rstrip("KMGB")
        unit = text[len(number):]
        try:
            amount = float(number)
        except ValueError:
            amount = -1.0
        if unit in _UNITS and amount >= 0:
            return int(amount * _UNITS[unit])
    raise ConfigError(
        f"{source}: {key!r} must be a size such as 10485760, \"10MB\" or \"512KB\" (0: no limit), "
        f"got {value!r}"
    )


def format_size(size: int) -> str:
    for unit in ("GB", "MB", "KB"):
        if size >= _UNITS[unit]:
            return f"{size / _UNITS[unit]:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def check_keys(data: Mapping[str, Any], valid: Mapping[str, Any] | Sequence[str], where: str) -> None:
    for key in data:
        if key not in valid:
            names = ", ".join(sorted(valid))
            raise ConfigError(f"{where}: unknown key {key!r}; valid keys: {names}")


def check_type(given: Any, default: Any, where: str) -> None:
    """A value has its default's type; an integer is a fine float, a boolean is not a number."""
    if default is None:
        return
    if isinstance(given, type(default)) and not (isinstance(given, bool) and not isinstance(default, bool)):
        return
    if isinstance(default, float) and isinstance(given, int) and not isinstance(given, bool):
        return
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "a table"}
    expected = names.get(type(default), type(default).__name__)
    raise ConfigError(f"{where}: expected {expected}, got {given!r}")


def read_list(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    return read_optional_list(data, key, source) or ()


def read_optional_list(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of strings")
    return tuple(value)


def read_table_list(data: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ConfigError(f"{source}: '{key}' must be an array of tables ([[{key}]])")
    return value


def read_schema(value: Any, source: str) -> str | bool:
    if isinstance(value, bool | str):
        return value
    raise ConfigError(f"{source}: a schema is a path, a built-in name, or false")


def read_rules(value: Any, source: str) -> dict[str, RuleSettings]:
    """[rules.KEY] tables by KEY as written: a code or a name, resolved once the rules are known."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: 'rules' must be a table of [rules.CODE] tables")
    result: dict[str, RuleSettings] = {}
    for key, settings in value.items():
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{source}: [rules.{key}] must be a table")
        severity = settings.get("severity")
        try:
            parsed = Severity.parse(severity) if severity is not None else None
        except ValueError as exc:
            raise ConfigError(f"{source}: [rules.{key}]: {exc}") from None
        options = {k: v for k, v in settings.items() if k != "severity"}
        result[str(key)] = RuleSettings(parsed, options)
    return result


def read_override(value: Mapping[str, Any], source: str) -> Override:
    where = f"{source}: [[overrides]]"
    check_keys(value, OVERRIDE_KEYS, where)
    files = read_list(value, "files", where)
    if not files:
        raise ConfigError(f"{where}: 'files' (a list of globs) is required")
    schema = value.get("schema")
    return Override(
        files=files,
        select=read_optional_list(value, "select", where),
        extend_select=read_list(value, "extend-select", where),
        ignore=read_list(value, "ignore", where),
        rules=read_rules(value.get("rules", {}), where),
        schema=None if schema is None else read_schema(schema, where),
        encoding=read_encoding(value.get("encoding"), where),
    )


def read_encoding(value: Any, source: str) -> str | None:
    """A codec name or "auto", checked now so a typo is one error, not one per file."""
    if value is None:
        return None
    from artlint.model.encodings import UnknownEncoding, check_encoding

    if not isinstance(value, str):
        raise ConfigError(f"{source}: 'encoding' must be a string (a codec name or auto)")
    try:
        return check_encoding(value)
    except UnknownEncoding as exc:
        raise ConfigError(f"{source}: 'encoding': {exc}") from None


def read_limit(data: Mapping[str, Any], key: str, default: int, source: str) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{source}: '{key}' must be a positive integer, got {value!r}")
    return value
