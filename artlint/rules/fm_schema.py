"""Front matter that breaks its JSON Schema.

What it does:
    Validates the front matter against the schema configured for the file (the built-in `blog`
    schema by default, Draft 2020-12 with format checks) and reports each error at the line and
    column of the offending value; a missing required key is reported at the front-matter block.
    The message names the JSON path, what the schema expects and what the file has. For `oneOf`
    and `anyOf` only the closest alternative is reported.

Why is this bad:
    Templates read these keys: a missing title, or categories given as a string instead of a list,
    breaks the page or the archive listing silently.

Example:
    ---
    title: ""
    categories: News
    ---

Use instead:
    ---
    title: Quarterly news
    categories:
      - News
    ---
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from artlint.diagnostics import Finding, Severity
from artlint.rules._frontmatter import (
    json_path,
    key_position,
    pointer,
    position,
    validate,
    yaml_node,
)
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
        return f"expected {wanted}, got {json_type(value)} {show(value)}"
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
        return f"expected text matching {expected!r}, got {show(value)}"
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        return f"expected {bound} {expected} item{'s' * (expected != 1)}, got {len(value)}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"{error.message}"
    if kind == "additionalProperties" or kind == "unevaluatedProperties":
        return f"unexpected key: {error.message}"
    return str(error.message)


def check(ctx: Context) -> Iterator[Finding]:
    result = validate(ctx)
    doc = ctx.document
    if result is None or doc.front_matter is None:
        return
    for error in result.errors:
        path = list(error.absolute_path)
        if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(
            error.instance, dict
        ):
            yield from _unexpected(ctx, error, path)
            continue
        if error.validator == "required":
            line, column = position(doc, path) if path else (doc.front_matter.start_line, 1)
        else:
            line, column = position(doc, path)
        message = f"{json_path(path)}: {describe(error)}{_quote_hint(ctx, error, path)}"
        yield Finding(line, column, message, pointer=pointer(path))


def _quote_hint(ctx: Context, error: Any, path: list[str | int]) -> str:
    """`title: 2024` is a number to YAML; say how to make it the string the schema wants."""
    fm = ctx.document.front_matter
    if error.validator != "type" or fm is None or fm.kind != "yaml" or fm.node is None:
        return ""
    wanted = error.validator_value
    if "string" not in (wanted if isinstance(wanted, list) else [wanted]):
        return ""
    _, node = yaml_node(fm, path)
    if node is None or getattr(node, "style", "") is not None or not isinstance(node.value, str):
        return ""
    return f"; YAML reads unquoted {node.value} as {json_type(error.instance)}, quote it: '{node.value}'"


def _unexpected(ctx: Context, error: Any, path: list[str | int]) -> Iterator[Finding]:
    allowed = set(error.schema.get("properties", {}))
    extra = [k for k in error.instance if k not in allowed]
    for key in extra or [None]:
        where = [*path, key] if key is not None else path
        line, column = key_position(ctx.document, where)
        label = f"unexpected key {key!r}" if key is not None else f"unexpected key: {error.message}"
        yield Finding(line, column, f"{json_path(path)}: {label}", pointer=pointer(where))
