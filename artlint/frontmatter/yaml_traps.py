"""YAML 1.1 scalars whose unquoted form changes meaning; shared by implicit-type and schema rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from artlint.frontmatter.positions import schema_at

if TYPE_CHECKING:
    from artlint.rules.base import Context

_BOOL_WORDS = {"yes", "no", "on", "off"}
_DATE_FORMATS = {"date", "date-time"}


class Trap(NamedTuple):
    path: tuple[str | int, ...]
    line: int
    column: int
    end_column: int
    message: str


def traps(ctx: Context) -> list[Trap]:
    if "traps" not in ctx.cache:
        ctx.cache["traps"] = list(_find(ctx))
    found: list[Trap] = ctx.cache["traps"]
    return found


def _find(ctx: Context) -> Iterator[Trap]:
    fm = ctx.document.front_matter
    if fm is None or fm.kind != "yaml" or fm.node is None or fm.error is not None:
        return
    for path, node in _scalars(fm.node, ()):
        message = _explain(ctx, path, node)
        if message:
            line = fm.content_line + node.start_mark.line
            yield Trap(path, line, node.start_mark.column + 1, node.end_mark.column + 1, message)


def _scalars(
    node: Any, path: tuple[str | int, ...], seen: set[int] | None = None
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    import yaml

    # An alias shares its anchor's node (and may even contain it): visit each node once.
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, str(getattr(key, "value", ""))), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            yield from _scalars(value, (*path, i), seen)
    elif isinstance(node, yaml.ScalarNode) and is_plain(node):
        yield path, node


def is_plain(node: Any) -> bool:
    """An unquoted, non-block scalar: the C loader marks it with "", the Python one with None."""
    return not getattr(node, "style", None)


def _explain(ctx: Context, path: tuple[str | int, ...], node: Any) -> str | None:
    raw: str = node.value
    tag: str = node.tag
    quoted = f"'{raw}'"
    schema = schema_at(ctx, list(path))
    declared = schema.get("type", [])
    types = {declared} if isinstance(declared, str) else set(declared)
    if tag.endswith(":bool") and raw.lower() in _BOOL_WORDS:
        if _schema_reports(types, "boolean"):
            return None
        became = str(raw.lower() in ("yes", "on")).lower()
        return (f"unquoted {raw} became the boolean {became} (YAML 1.1); "
                f"write {quoted} for text or {became} for a boolean")
    if tag.endswith(":int") and (":" in raw or re.fullmatch(r"[-+]?0[0-7_]+", raw)):
        if _schema_reports(types, "integer"):
            return None
        value = _construct(node)
        kind = "base 60" if ":" in raw else "octal"
        return f"unquoted {raw} became the number {value} ({kind}, YAML 1.1); quote it: {quoted}"
    if not tag.endswith(":timestamp"):
        return None
    # Validation sees dates as ISO strings, so only this rule can tell a date from text.
    if "string" not in types or schema.get("format") in _DATE_FORMATS:
        return None
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and _accepts(pattern, str(_construct(node).isoformat())):
        return None  # the schema's pattern is written for dates: a date is what it wants
    return f"unquoted {raw} became a date, but the schema wants a string; quote it: {quoted}"


def _schema_reports(types: set[str], became: str) -> bool:
    """The schema wants text here and not this type: schema-violation already says to quote it."""
    allowed = types | ({"number"} if "integer" in types else set())
    if became == "integer":
        allowed |= {"integer"} if "number" in types else set()
    return "string" in types and became not in allowed


def _accepts(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return False


def _construct(node: Any) -> Any:
    import yaml

    return yaml.SafeLoader("").construct_object(node)
