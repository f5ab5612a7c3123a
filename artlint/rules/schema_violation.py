"""Front matter that breaks its JSON Schema.

What it does:
    Validates the front matter against the schema configured for the file (the built-in `blog`
    schema by default, Draft 2020-12 with format checks) and reports each error at the line and
    column of the offending value; a missing required key is reported at the front-matter block.
    The message names the JSON path, what the schema expects and what the file has. For `oneOf`
    and `anyOf` only the closest alternative is reported.

Why is this bad:
    Templates read these keys: a missing title breaks the page, and categories written as
    `News, Events` become the category "News," (Jekyll and Hugo split such a string at spaces),
    which splits the archive listing silently.

Example:
    ---
    title: ""
    categories: News, Events
    ---

Use instead:
    ---
    title: Quarterly news
    categories:
      - News
      - Events
    ---
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from artlint.frontmatter.positions import (
    end_position,
    json_path,
    key_position,
    pointer,
    position,
    validate,
    yaml_node,
)
from artlint.frontmatter.yaml_traps import is_plain
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "FM003"
NAME = "schema-violation"
SUMMARY = "Front matter does not match its schema"
SEVERITY = Severity.ERROR

_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return _JSON_TYPES.get(type(value), type(value).__name__)


def show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(error: Any) -> str:
    """A concrete message: the expected and the actual value."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        wanted = " or ".join(expected) if isinstance(expected, list) else expected
        got = "null (an empty value)" if value is None else f"{json_type(value)} {show(value)}"
        return f"expected {wanted}, got {got}"
    if kind == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        return f"required key {missing[0]!r} is missing" if missing else error.message
    if kind == "minLength":
        return f"expected at least {expected} character{'s' * (expected != 1)}, got {show(value)}"
    if kind == "maxLength":
        return f"expected at most {expected} characters, got {len(value)}"
    if kind == "enum":
        return f"expected one of {show(expected)}, got {show(value)}"
    if kind == "const":
        return f"expected {show(expected)}, got {show(value)}"
    if kind == "format":
        return f"expected a valid {expected}, got {show(value)}"
    if kind == "pattern":
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        if isinstance(described, str) and described:
            return f"{show(value)} is not valid here: {described.rstrip('.')}"
        return f"expected text matching {expected}, got {show(value)}"
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        return f"expected {bound} {expected} item{'s' * (expected != 1)}, got {len(value)}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"{error.message}"
    if kind in ("anyOf", "oneOf"):
        return _alternatives(error)
    if kind == "additionalProperties" or kind == "unevaluatedProperties":
        return f"unexpected key: {error.message}"
    return str(error.message)


def _wanted_types(error: Any) -> list[str]:
    """The JSON types a `type` error, or an anyOf/oneOf failing on type everywhere, asks for."""
    if error.validator == "type":
        declared = error.validator_value
        return list(declared) if isinstance(declared, list) else [declared]
    wanted: list[str] = []
    if error.validator in ("anyOf", "oneOf"):
        for sub in error.context or ():
            if sub.validator == "type" and not sub.relative_path:
                wanted += [t for t in _wanted_types(sub) if t not in wanted]
    return wanted


def _alternatives(error: Any) -> str:
    """No alternative fits the value's type: name the types they accept."""
    wanted = _wanted_types(error)
    if not wanted:
        return str(error.message)
    value = error.instance
    got = "null (an empty value)" if value is None else f"{json_type(value)} {show(value)}"
    return f"expected {' or '.join(wanted)}, got {got}"


def check(ctx: Context) -> Iterator[Finding]:
    result = validate(ctx)
    doc = ctx.document
    if result is None or doc.front_matter is None:
        return
    reported: set[tuple[Any, ...]] = set()
    for error in result.errors:
        path = list(error.absolute_path)
        if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(
            error.instance, dict
        ):
            yield from _unexpected(ctx, error, path)
            continue
        # One finding per value: an empty title breaks minLength and pattern, one fix repairs both.
        key = (*path, error.validator == "required" and describe(error))
        if key in reported:
            continue
        reported.add(key)
        line, column = position(doc, path) if path else (doc.front_matter.start_line, 1)
        end_line, end_column = (None, None) if error.validator == "required" else end_position(doc, path)
        message = f"{json_path(path)}: {describe(error)}{_quote_hint(ctx, error, path)}"
        yield Finding(line, column, message, end_line, end_column, pointer=pointer(path))


def _quote_hint(ctx: Context, error: Any, path: list[str | int]) -> str:
    """`title: 2024` is a number to YAML; say how to make it the string the schema wants."""
    fm = ctx.document.front_matter
    if fm is None or fm.kind != "yaml" or fm.node is None or "string" not in _wanted_types(error):
        return ""
    _, node = yaml_node(fm, path)
    if node is None or not is_plain(node) or not isinstance(node.value, str):
        return ""
    return f"; YAML reads unquoted {node.value} as {json_type(error.instance)}, quote it: '{node.value}'"


def _unexpected(ctx: Context, error: Any, path: list[str | int]) -> Iterator[Finding]:
    import re

    allowed = set(error.schema.get("properties", {}))
    patterns = list(error.schema.get("patternProperties", {}))
    extra = [k for k in error.instance if k not in allowed and not any(re.search(p, k) for p in patterns)]
    for key in extra or [None]:
        where = [*path, key] if key is not None else path
        line, column = key_position(ctx.document, where)
        label = f"unexpected key {key!r}" if key is not None else f"unexpected key: {error.message}"
        yield Finding(line, column, f"{json_path(path)}: {label}", pointer=pointer(where))
