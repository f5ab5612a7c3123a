"""YAML 1.1 scalars whose unquoted form changes meaning; shared by implicit-type and schema rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from artlint.rules._frontmatter import expected_types
from artlint.rules.base import Context

_BOOL_WORDS = {"yes", "no", "on", "off"}
_DATE_FORMATS = {"date", "date-time"}


@dataclass(frozen=True)
class Trap:
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


def _scalars(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, str(getattr(key, "value", ""))))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            yield from _scalars(value, (*path, i))
    elif isinstance(node, yaml.ScalarNode) and node.style is None:
        yield path, node


def _explain(ctx: Context, path: tuple[str | int, ...], node: Any) -> str | None:
    raw: str = node.value
    tag: str = node.tag
    quoted = f"'{raw}'"
    if tag.endswith(":bool") and raw.lower() in _BOOL_WORDS:
        became = str(raw.lower() in ("yes", "on")).lower()
        return (f"unquoted {raw} became the boolean {became} (YAML 1.1); "
                f"write {quoted} for text or {became} for a boolean")
    if tag.endswith(":int") and (":" in raw or re.fullmatch(r"[-+]?0[0-7_]+", raw)):
        value = _construct(node)
        kind = "base 60" if ":" in raw else "octal"
        return f"unquoted {raw} became the number {value} ({kind}, YAML 1.1); quote it: {quoted}"
    if not tag.endswith(":timestamp"):
        return None
    # Validation sees dates as ISO strings, so only this rule can tell a date from text.
    types, fmt = expected_types(ctx, path)
    if "string" not in types or fmt in _DATE_FORMATS:
        return None
    return f"unquoted {raw} became a date, but the schema wants a string; quote it: {quoted}"


def _construct(node: Any) -> Any:
    import yaml

    return yaml.SafeLoader("").construct_object(node)
