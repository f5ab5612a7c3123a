"""A key written twice in the same front-matter mapping.

What it does:
    Reports the second (and later) occurrence of a key in one YAML or JSON mapping, naming the
    line of the first.

Why is this bad:
    YAML and JSON parsers silently keep the last value: an edit made to the first `title:` has no
    effect, and nobody is told.

Example:
    ---
    title: Draft title
    categories: [news]
    title: Final title
    ---

Use instead:
    ---
    title: Final title
    categories: [news]
    ---
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "FM004"
NAME = "duplicate-key"
SUMMARY = "Front matter has a duplicate key"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    fm = ctx.document.front_matter
    if fm is None or fm.error is not None:
        return
    if fm.kind == "yaml" and fm.node is not None:
        yield from _yaml(fm.node, fm.content_line)
    elif fm.kind == "json":
        yield from _json(ctx)


def _yaml(node: Any, first_line: int) -> Iterator[Finding]:
    import yaml

    stack = [node]
    visited: set[int] = set()  # aliases share nodes
    while stack:
        current = stack.pop()
        if id(current) in visited:
            continue
        visited.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                name = getattr(key, "value", None)
                line = first_line + key.start_mark.line
                if isinstance(name, str) and key.tag != "tag:yaml.org,2002:merge":
                    if name in seen:
                        yield Finding(
                            line, key.start_mark.column + 1,
                            f"duplicate key {name!r} (first at line {seen[name]}); "
                            "YAML keeps only the last value",
                            end_line=line, end_column=key.end_mark.column + 1,
                        )
                    else:
                        seen[name] = line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _json(ctx: Context) -> Iterator[Finding]:
    fm = ctx.document.front_matter
    assert fm is not None
    duplicates: list[str] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        duplicates.extend(k for i, k in enumerate(keys) if k in keys[:i])
        return dict(pairs)

    json.loads(fm.raw, object_pairs_hook=hook)
    base = ctx.document.lines.offset(fm.content_line)
    searched: dict[str, int] = {}
    for key in duplicates:
        quoted = json.dumps(key, ensure_ascii=False)
        first = fm.raw.find(quoted)
        at = fm.raw.find(quoted, searched.get(key, first) + 1)
        searched[key] = at
        line, column = ctx.document.position(base + max(at, 0))
        first_line, _ = ctx.document.position(base + max(first, 0))
        yield Finding(
            line, column,
            f"duplicate key {key!r} (first at line {first_line}); JSON keeps only the last value",
        )
