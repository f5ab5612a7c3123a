"""What the front-matter rules share: positions of JSON pointers, one validation per document."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from artlint.frontmatter.split import to_json_compatible
from artlint.model.document import Document, FrontMatter

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

    from artlint.rules.base import Context


def escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def pointer(path: list[str | int] | tuple[str | int, ...]) -> str:
    return "".join(f"/{escape(str(p))}" for p in path)


def json_path(path: list[str | int] | tuple[str | int, ...]) -> str:
    out = "$"
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", p):
            out += f".{p}"
        else:
            out += f"[{json.dumps(p, ensure_ascii=False)}]"
    return out


def yaml_node(fm: FrontMatter, path: list[str | int] | tuple[str | int, ...]) -> tuple[Any, Any]:
    """The (key node, value node) at `path` in the YAML tree; (None, None) when absent."""
    import yaml

    key_node, node = None, fm.node
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if getattr(k, "value", None) == str(part)]
            if not match:
                return key_node, None
            key_node, node = match[-1]  # YAML keeps the last of duplicate keys
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            key_node, node = None, node.value[part]
        else:
            return key_node, None
    return key_node, node


def position(doc: Document, path: list[str | int] | tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column of the value at `path`, or of the nearest enclosing one that exists."""
    fm = doc.front_matter
    assert fm is not None
    path = list(path)
    while True:
        found = _locate(doc, fm, path)
        if found is not None:
            return found
        if not path:
            return fm.start_line, 1
        path.pop()


def _locate(doc: Document, fm: FrontMatter, path: list[str | int]) -> tuple[int, int] | None:
    if not path:
        return fm.start_line, 1
    if fm.kind == "yaml" and fm.node is not None:
        _, node = yaml_node(fm, path)
        if node is None:
            return None
        return fm.content_line + node.start_mark.line, node.start_mark.column + 1
    span = _json_span(fm, path)
    if span is not None:
        return doc.position(doc.lines.offset(fm.content_line) + span[0])
    if fm.kind == "toml" and fm.error is None:
        from artlint.frontmatter.toml_positions import toml_offset

        offset = toml_offset(fm.raw, tuple(path))
        return None if offset is None else doc.position(doc.lines.offset(fm.content_line) + offset)
    # Without positions: find the last key of the path as written.
    key = next((p for p in reversed(path) if isinstance(p, str)), None)
    if key is None:
        return None
    if fm.kind == "json":
        pattern = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:\s*")
    else:
        pattern = re.compile(r"^[ \t]*[\"']?" + re.escape(key) + r"[\"']?[ \t]*=[ \t]*", re.MULTILINE)
    base = doc.lines.offset(fm.content_line)
    match = pattern.search(fm.raw)
    if match is None:
        return None
    return doc.position(base + match.end())


def _json_span(fm: FrontMatter, path: list[str | int]) -> tuple[int, int, int | None] | None:
    if fm.kind != "json" or fm.error is not None:
        return None
    # The readers of TOML and JSON positions load only for front matter written in them.
    from artlint.frontmatter.json_positions import json_spans

    return json_spans(fm.raw).get(tuple(path))


def end_position(doc: Document, path: list[str | int]) -> tuple[int | None, int | None]:
    """Where a value written on one line ends, to underline all of it; (None, None) otherwise."""
    fm = doc.front_matter
    if fm is None or not path:
        return None, None
    span = _json_span(fm, path)
    if span is not None:
        base = doc.lines.offset(fm.content_line)
        (line, _), end = doc.position(base + span[0]), doc.position(base + span[1])
        return end if end[0] == line else (None, None)
    if fm.kind != "yaml" or fm.node is None:
        return None, None
    _, node = yaml_node(fm, path)
    if node is None or node.start_mark.line != node.end_mark.line:
        return None, None
    return fm.content_line + node.end_mark.line, node.end_mark.column + 1


def key_position(doc: Document, path: list[str | int]) -> tuple[int, int]:
    """Where the key of the last path segment is written (for unexpected keys)."""
    fm = doc.front_matter
    assert fm is not None
    if fm.kind == "yaml" and fm.node is not None:
        key, _ = yaml_node(fm, path)
        if key is not None:
            return fm.content_line + key.start_mark.line, key.start_mark.column + 1
    span = _json_span(fm, path)
    if span is not None and span[2] is not None:
        return doc.position(doc.lines.offset(fm.content_line) + span[2])
    if fm.kind == "toml" and fm.error is None:
        from artlint.frontmatter.toml_positions import toml_key_offset

        offset = toml_key_offset(fm.raw, tuple(path))
        if offset is not None:
            return doc.position(doc.lines.offset(fm.content_line) + offset)
    return position(doc, path)


class Validation(NamedTuple):
    data: Any
    errors: list[Any]  # jsonschema ValidationError, best match chosen for oneOf/anyOf


def validate(ctx: Context) -> Validation | None:
    """Validate once per document and share the result between rules; None without a schema."""
    if "validation" in ctx.cache:
        result: Validation | None = ctx.cache["validation"]
        return result
    result = None
    validator = schema_validator(ctx)
    doc = ctx.document
    fm = doc.front_matter
    if validator is not None and (fm is None or fm.error is None):
        data = to_json_compatible(fm.data) if fm is not None else {}
        if data is None:
            data = {}  # an empty YAML block is an empty mapping to every site generator
        errors = [] if validator.is_valid(data) else list(_best_errors(validator, data))
        result = Validation(data, errors)
    ctx.cache["validation"] = result
    return result


def schema_validator(ctx: Context) -> Validator | None:
    if "validator" not in ctx.cache:
        from artlint.schema import load as schema

        ctx.cache["validator"] = schema.for_path(ctx.document.path, ctx.settings)
    found: Validator | None = ctx.cache["validator"]
    return found


def _best_errors(validator: Validator, data: Any) -> Iterator[Any]:
    from jsonschema.exceptions import relevance

    for error in sorted(validator.iter_errors(data), key=relevance):
        yield closest(error)


def closest(error: Any) -> Any:
    """For anyOf/oneOf, the error of the alternative the value came closest to.

    An alternative whose `type` already fits the value got further than one that fails on type:
    `tags: [a, 42]` against "list of strings or string" is about the 42, not about being a list.
    When no alternative fits the type, the anyOf/oneOf error itself is kept (it lists the types).
    """
    from jsonschema.exceptions import best_match

    while error.validator in ("anyOf", "oneOf") and error.context:
        branches: dict[Any, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        fitting = [
            errors for errors in branches.values()
            if not any(e.validator == "type" and not e.relative_path for e in errors)
        ]
        if not fitting:
            return error
        chosen: list[Any] = min(fitting, key=len)
        error = best_match(chosen)
    return error


def schema_at(ctx: Context, path: list[str | int]) -> dict[str, Any]:
    """The subschema that applies at `path` (following local $refs); {} when unknown."""
    validator = schema_validator(ctx)
    if validator is None:
        return {}
    node: Any = validator.schema
    for part in path:
        node = _deref(validator.schema, node)
        if not isinstance(node, dict):
            return {}
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    node = _deref(validator.schema, node)
    return node if isinstance(node, dict) else {}


def _deref(root: Any, node: Any) -> Any:
    for _ in range(20):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        ref = node["$ref"]
        if not ref.startswith("#"):
            return node
        target: Any = root
        for part in ref[1:].split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
    return node
