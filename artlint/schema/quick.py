"""A small JSON Schema checker that can only say "certainly valid" or "cannot tell".

Most front matter is valid, and proving it with jsonschema costs more start-up time than the rest
of a one-file check. This module understands a safe subset of Draft 2020-12 (type, properties,
required, additionalProperties, items, lengths, counts, bounds, pattern, simple enum and const,
allOf, anyOf, local $ref, and the uri / uri-reference formats with the very checker jsonschema
uses). Anything outside the subset, and any instance it cannot prove valid, answers "cannot tell",
and the caller asks jsonschema, which also produces the detailed errors. The rule is one-sided:
True here must imply that jsonschema accepts the instance (tests check this on generated cases).
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from typing import Any

DRAFT_2020_12 = ("https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#")
ANNOTATIONS = frozenset({"title", "description", "$comment", "default", "examples", "deprecated",
                         "readOnly", "writeOnly"})
TYPES = frozenset({"object", "array", "string", "integer", "number", "boolean", "null"})
_MAX_DEPTH = 40
_PLAIN_RELATIVE = re.compile(r"[A-Za-z0-9/._~-]*")
# An http(s) URL of RFC 3986's plainest form: a host name, a port, path, query and fragment made
# of the characters the RFC allows there. Such a URL needs no full RFC 3986 parser to be judged.
_PCHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
_PLAIN_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    rf"(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
)


class _Unknown(Exception):
    """The instance or the schema leaves the subset: jsonschema must decide."""


class _TooDeep(Exception):
    """References that nest this deep may loop forever in jsonschema: never answer "valid"."""


def certainly_valid(schema: Any, instance: Any) -> bool:
    """True only when `instance` is valid against `schema`, a root schema that
    `lazyschema.well_formed` accepted (it checks what this assumes: the metaschema, the $refs)."""
    if not isinstance(schema, dict | bool) or not _root_ok(schema):
        return False
    try:
        return _valid(schema, instance, schema, 0)
    except (_Unknown, _TooDeep, RecursionError, re.error, TypeError, ValueError):
        return False


def _root_ok(schema: Any) -> bool:
    return isinstance(schema, bool) or schema.get("$schema", DRAFT_2020_12[0]) in DRAFT_2020_12


def _valid(schema: Any, instance: Any, root: dict[str, Any] | bool, depth: int) -> bool:
    if depth > _MAX_DEPTH:
        raise _TooDeep
    if schema is True:
        return True
    if not isinstance(schema, dict):
        raise _Unknown
    for key, value in schema.items():
        check = _KEYWORDS.get(key)
        if check is None:
            if key in ANNOTATIONS or key == "$defs" or (key in ("$schema", "$id") and schema is root):
                continue
            raise _Unknown
        if not check(value, instance, schema, root, depth):
            return False
    return True


def _type_of(instance: Any) -> str:
    if instance is None:
        return "null"
    kind = type(instance)
    if kind is bool:
        return "boolean"
    if kind is str:
        return "string"
    if kind is int:
        return "integer"
    if kind is float:
        if not math.isfinite(instance):
            raise _Unknown
        return "integer" if instance.is_integer() else "number"
    if kind is list:
        return "array"
    if kind is dict and all(type(k) is str for k in instance):
        return "object"
    raise _Unknown  # tuples, sets, bytes, dates: leave them to jsonschema


def _type(value: Any, instance: Any, *_: Any) -> bool:
    wanted = [value] if isinstance(value, str) else value
    if not isinstance(wanted, list) or not wanted or not all(w in TYPES for w in wanted):
        raise _Unknown
    actual = _type_of(instance)
    return actual in wanted or (actual == "integer" and "number" in wanted)


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise _Unknown
    return value


def _number(value: Any) -> int | float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise _Unknown
    number: int | float = value
    return number


def _length(key: str) -> Any:
    def check(value: Any, instance: Any, *_: Any) -> bool:
        limit = _count(value)
        size = len(instance) if _type_of(instance) == key.split(":")[0] else None
        if size is None:
            return True
        return size >= limit if key.endswith("min") else size <= limit

    return check


def _bound(kind: str) -> Any:
    def check(value: Any, instance: Any, *_: Any) -> bool:
        limit = _number(value)
        if _type_of(instance) not in ("integer", "number"):
            return True
        # Python compares int and float exactly, as jsonschema does with the original values.
        outcome: bool = {
            "minimum": instance >= limit, "maximum": instance <= limit,
            "exclusiveMinimum": instance > limit, "exclusiveMaximum": instance < limit,
        }[kind]
        return outcome

    return check


def _pattern(value: Any, instance: Any, *_: Any) -> bool:
    if not isinstance(value, str):
        raise _Unknown
    return _type_of(instance) != "string" or bool(re.search(value, instance))


def _same(expected: Any, instance: Any) -> bool:
    """Equality as jsonschema sees it, for scalars only (True is not 1)."""
    for item in (expected, instance):
        if type(item) not in (str, bool, type(None)):
            raise _Unknown
    return type(expected) is type(instance) and expected == instance


def _enum(value: Any, instance: Any, *_: Any) -> bool:
    if not isinstance(value, list):
        raise _Unknown
    return any(_same(each, instance) for each in value)


def _const(value: Any, instance: Any, *_: Any) -> bool:
    return _same(value, instance)


def _required(value: Any, instance: Any, *_: Any) -> bool:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Unknown
    if len(set(value)) != len(value):
        raise _Unknown
    return _type_of(instance) != "object" or all(key in instance for key in value)


def _properties(value: Any, instance: Any, schema: Any, root: Any, depth: int) -> bool:
    if not isinstance(value, dict):
        raise _Unknown
    if _type_of(instance) != "object":
        return True
    return all(_valid(sub, instance[key], root, depth + 1) for key, sub in value.items() if key in instance)


def _additional(value: Any, instance: Any, schema: Any, root: Any, depth: int) -> bool:
    if "patternProperties" in schema or "unevaluatedProperties" in schema:
        raise _Unknown
    known = schema.get("properties", {})
    if not isinstance(known, dict) or _type_of(instance) != "object":
        return True
    extras = [key for key in instance if key not in known]
    if value is False:
        return not extras
    return all(_valid(value, instance[key], root, depth + 1) for key in extras)


def _items(value: Any, instance: Any, schema: Any, root: Any, depth: int) -> bool:
    if "prefixItems" in schema or isinstance(value, list):
        raise _Unknown
    if _type_of(instance) != "array":
        return True
    return all(_valid(value, item, root, depth + 1) for item in instance)


def _all_of(value: Any, instance: Any, schema: Any, root: Any, depth: int) -> bool:
    if not isinstance(value, list) or not value:
        raise _Unknown
    return all(_valid(sub, instance, root, depth + 1) for sub in value)


def _any_of(value: Any, instance: Any, schema: Any, root: Any, depth: int) -> bool:
    if not isinstance(value, list) or not value:
        raise _Unknown
    for sub in value:
        try:
            if _valid(sub, instance, root, depth + 1):
                return True
        except _Unknown:
            continue  # another branch may still prove it
    raise _Unknown


def _ref(value: Any, instance: Any, schema: Any, root: Any, depth: int) -> bool:
    return _valid(resolve_local(root, value), instance, root, depth + 1)


def resolve_local(root: Any, ref: Any) -> Any:
    """The subschema a `#/...` reference names in the same document."""
    if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")) or "%" in ref:
        raise _Unknown
    node = root
    for part in ref[2:].split("/") if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise _Unknown
        node = node[part]
    return node


def _format(value: Any, instance: Any, *_: Any) -> bool:
    if value not in ("uri", "uri-reference") or not isinstance(instance, str):
        raise _Unknown
    if value == "uri-reference" and _PLAIN_RELATIVE.fullmatch(instance):
        return True  # a relative reference of unreserved characters and slashes, no scheme
    if _PLAIN_URL.fullmatch(instance) and _rfc3986_in_use():
        return True  # the checker jsonschema would use accepts these; no need to load it
    validate = _uri_checker()
    if validate is None:
        raise _Unknown
    rule = "URI" if value == "uri" else "URI_reference"
    return bool(validate(instance, rule=rule))


@functools.cache
def _rfc3986_in_use() -> bool:
    """Whether jsonschema checks uri formats with rfc3986_validator, found without importing it."""
    find = importlib.util.find_spec
    return find("rfc3987") is None and find("rfc3986_validator") is not None


@functools.cache
def _uri_checker() -> Any:
    """The function jsonschema's format checker calls for uri and uri-reference, if it is that one."""
    if importlib.util.find_spec("rfc3987") is not None:
        return None  # jsonschema would use that package instead
    try:
        from rfc3986_validator import validate_rfc3986
    except ImportError:
        return None
    return validate_rfc3986


_KEYWORDS: dict[str, Any] = {
    "type": _type,
    "properties": _properties,
    "required": _required,
    "additionalProperties": _additional,
    "items": _items,
    "minLength": _length("string:min"),
    "maxLength": _length("string:max"),
    "minItems": _length("array:min"),
    "maxItems": _length("array:max"),
    "minProperties": _length("object:min"),
    "maxProperties": _length("object:max"),
    "minimum": _bound("minimum"),
    "maximum": _bound("maximum"),
    "exclusiveMinimum": _bound("exclusiveMinimum"),
    "exclusiveMaximum": _bound("exclusiveMaximum"),
    "pattern": _pattern,
    "enum": _enum,
    "const": _const,
    "allOf": _all_of,
    "anyOf": _any_of,
    "$ref": _ref,
    "format": _format,
}
