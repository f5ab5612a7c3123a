"""Find and parse the front-matter block (YAML `---`, TOML `+++`, JSON `{`), keeping positions."""

from __future__ import annotations

import json
import re
from typing import Any

from artlint.model.document import FrontMatter, SyntaxProblem
from artlint.model.limits import Limits, nesting_message

MAX_VALUES = 100_000  # far above any real front matter
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_JSON_START = re.compile(r"\{\s*\"")
_JSON_CLOSE = re.compile(r"^\}[ \t]*(?:\r?\n|$)", re.MULTILINE)


def split(text: str) -> tuple[FrontMatter | None, int]:
    """Return the front matter (unparsed) and the offset where the body starts."""
    first_end = text.find("\n")
    first = (text if first_end < 0 else text[:first_end]).rstrip("\r").rstrip()
    if first in ("---", "+++"):
        closers = ("---", "...") if first == "---" else ("+++",)
        pos = first_end + 1
        line = 2
        while first_end >= 0 and pos <= len(text):
            nl = text.find("\n", pos)
            current = (text[pos:] if nl < 0 else text[pos:nl]).rstrip("\r").rstrip()
            if current in closers:
                raw = text[first_end + 1 : pos]
                body = len(text) if nl < 0 else nl + 1
                kind = "yaml" if first == "---" else "toml"
                return FrontMatter(kind, raw, 1, line, 2), body
            if nl < 0:
                break
            pos = nl + 1
            line += 1
        problem = SyntaxProblem(f"front matter opened with {first!r} is never closed", 1, 1)
        kind = "yaml" if first == "---" else "toml"
        fm = FrontMatter(kind, text[first_end + 1 :] if first_end >= 0 else "", 1, 1, 2, error=problem)
        return fm, len(text)
    if text.startswith("{"):
        try:
            _, end = json.JSONDecoder().raw_decode(text)
        except RecursionError:
            problem = SyntaxProblem("JSON: nested too deeply", 1, 1)
            return FrontMatter("json", "", 1, 1, 1, error=problem), 0
        except json.JSONDecodeError as exc:
            if not _JSON_START.match(text):
                return None, 0  # not front matter: a body may start with "{{" or "{%" (Liquid)
            return _broken_json(text, exc)
        nl = text.find("\n", end)
        body = len(text) if nl < 0 else nl + 1
        last_line = text.count("\n", 0, end) + 1
        return FrontMatter("json", text[:end], 1, last_line, 1), body
    return None, 0


def _broken_json(text: str, exc: json.JSONDecodeError) -> tuple[FrontMatter, int]:
    """`{` then a quoted key is JSON front matter even when it does not parse; it ends at a `}` line."""
    close = _JSON_CLOSE.search(text)
    end = close.end() if close else len(text)
    last_line = text.count("\n", 0, end) + (0 if text[:end].endswith("\n") else 1)
    message, line, column = _json_error(exc)
    problem = SyntaxProblem(f"JSON: {message}", line, column)
    return FrontMatter("json", text[:end], 1, last_line, 1, error=problem), end


def _json_error(exc: json.JSONDecodeError) -> tuple[str, int, int]:
    """The json module's message and position, made the same on every Python.

    Python 3.13 names a trailing comma and points at it; older versions say "Expecting value"
    after it. The clearer form is given everywhere.
    """
    if exc.msg in ("Expecting value", "Expecting property name enclosed in double quotes"):
        before = exc.doc[: exc.pos].rstrip()
        closer = exc.doc[exc.pos : exc.pos + 1]
        if before.endswith(",") and closer in ("]", "}"):
            comma = len(before) - 1
            line = exc.doc.count("\n", 0, comma) + 1
            column = comma - (exc.doc.rfind("\n", 0, comma) + 1) + 1
            kind = "array" if closer == "]" else "object"
            return f"Illegal trailing comma before end of {kind}", line, column
    return exc.msg, exc.lineno, exc.colno


def load(fm: FrontMatter, limits: Limits | None = None) -> None:
    """Parse `fm.raw` in place: set data, node (YAML) or error."""
    limits = limits or Limits()
    if fm.error is not None:
        return
    if len(fm.raw) > limits.front_matter_size:
        fm.error = SyntaxProblem(
            f"front matter is {len(fm.raw)} characters long, over the limit of "
            f"{limits.front_matter_size} (the max_front_matter_size setting)", fm.start_line, 1)
        return
    if fm.kind == "yaml":
        _load_yaml(fm, limits.nesting)
    elif fm.kind == "toml":
        _load_toml(fm)
    else:
        _load_json(fm)
    if fm.error is None and fm.data is not None and _depth(fm.data) > limits.nesting:
        # Every later walk of the data (schema, positions, traps) may then recurse freely.
        fm.error = SyntaxProblem(nesting_message(limits.nesting, "front matter"), fm.content_line, 1)
        fm.data = fm.node = None


def _depth(value: Any) -> int:
    """How deep lists and tables nest in loaded data, counted without recursion."""
    deepest = 0
    stack = [(value, 1)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list | tuple):
            if id(item) in seen:
                continue  # an alias shares a value: its depth is already counted
            seen.add(id(item))
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _node_depth(node: Any) -> int:
    """The depth of a YAML node tree, without recursion and without following aliases twice."""
    deepest = 0
    stack = [(node, 1)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if id(item) in seen or not isinstance(item.value, list):
            continue
        seen.add(id(item))
        deepest = max(deepest, depth)
        for child in item.value:
            stack.extend((part, depth + 1) for part in (child if isinstance(child, tuple) else (child,)))
    return deepest


def _bad_scalar(fm: FrontMatter, node: Any, exc: Exception) -> SyntaxProblem:
    """Where a value YAML resolves as a date or time cannot be one (`date: 2024-13-45`)."""
    import yaml

    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.ScalarNode):
            if current.tag.endswith(":timestamp"):
                try:
                    yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), current)
                except (ValueError, OverflowError):
                    line = fm.content_line + current.start_mark.line
                    return SyntaxProblem(
                        f"YAML: {current.value} is not a valid date ({exc}); quote it to keep it as text",
                        line, current.start_mark.column + 1,
                    )
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            pending.extend(v for pair in current.value for v in pair)
    return SyntaxProblem(f"YAML: {exc}", fm.content_line, 1)


def _load_yaml(fm: FrontMatter, nesting: int) -> None:
    import yaml

    loader_class: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(fm.raw)
    try:
        node = loader.get_single_node()
        if node is not None and _node_depth(node) > nesting:
            fm.error = SyntaxProblem(nesting_message(nesting, "YAML front matter"), fm.content_line, 1)
            return
        looped = _recursive(node) if node is not None else None
        if looped is not None:
            line, column = fm.content_line + looped.start_mark.line, looped.start_mark.column + 1
            fm.error = SyntaxProblem("YAML: an alias refers to the value that contains it", line, column)
            return
        # Aliases of aliases ("billion laughs") would make validation walk millions of values;
        # a long list written out in full is only as big as its text, so only copies count.
        expanded = _expanded_size(node, {}) if node is not None and "*" in fm.raw else 0
        if expanded > MAX_VALUES and expanded > 10 * _distinct(node):
            fm.error = SyntaxProblem(
                f"YAML: aliases expand to more than {MAX_VALUES} values", fm.content_line, 1
            )
            return
        fm.node = node
        # Constructing merges `<<` keys into the node tree in place; build the data from a second
        # parse so the tree keeps the text's own keys (for positions and duplicate keys).
        try:
            fm.data = {} if node is None else yaml.load(fm.raw, Loader=loader_class)
        except (ValueError, OverflowError) as exc:  # a date-shaped value that is no date
            fm.error = _bad_scalar(fm, node, exc)
    except yaml.MarkedYAMLError as exc:
        line, column = _yaml_error_position(fm, exc)
        problem = ", ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        problem = problem.replace("end of stream", "end of the front matter")
        fm.error = SyntaxProblem(f"YAML: {problem}", line, column)
    except yaml.YAMLError as exc:
        fm.error = SyntaxProblem(f"YAML: {exc}", fm.content_line, 1)
    finally:
        loader.dispose()


def _parts(node: Any) -> list[Any]:
    parts: list[Any] = []
    for child in node.value if isinstance(node.value, list) else []:
        parts.extend(child if isinstance(child, tuple) else (child,))
    return parts


def _expanded_size(node: Any, sizes: dict[int, int]) -> int:
    """How many values the data has once every alias is copied out (memoised: linear time).

    Without recursion; a node that contains itself is refused before this is asked.
    """
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        item, ready = stack.pop()
        if id(item) in sizes:
            continue
        parts = _parts(item)
        if not ready:
            stack.append((item, True))
            stack.extend((part, False) for part in parts if id(part) not in sizes)
            continue
        sizes[id(item)] = 1 + sum(sizes.get(id(part), 1) for part in parts)
    return sizes[id(node)]


def _distinct(node: Any) -> int:
    """How many values the text itself writes: each node once, however often it is aliased."""
    seen = {id(node)}
    stack = [node]
    while stack:
        for part in _parts(stack.pop()):
            if id(part) not in seen:
                seen.add(id(part))
                stack.append(part)
    return len(seen)


def _recursive(node: Any) -> Any:
    """The first node that contains itself through an alias (`a: &x [*x]`), or None.

    A depth-first walk with an explicit stack; nodes already finished hold no loop.
    """
    path = {id(node)}
    finished: set[int] = set()
    stack: list[tuple[Any, list[Any], int]] = [(node, _parts(node), 0)]
    while stack:
        item, parts, index = stack[-1]
        if index == len(parts):
            stack.pop()
            path.discard(id(item))
            finished.add(id(item))
            continue
        stack[-1] = (item, parts, index + 1)
        child = parts[index]
        if id(child) in path:
            return child
        if id(child) not in finished:
            path.add(id(child))
            stack.append((child, _parts(child), 0))
    return None


def _yaml_error_position(fm: FrontMatter, exc: Any) -> tuple[int, int]:
    """The parser's mark; at the end of the stream (which the reader sees as the closing `---`),
    the mark of the construct left open, or else the end of the last written line."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return fm.content_line, 1
    if mark.index < len(fm.raw.rstrip()):
        return fm.content_line + mark.line, mark.column + 1
    if exc.context_mark is not None:
        return fm.content_line + exc.context_mark.line, exc.context_mark.column + 1
    lines = fm.raw.rstrip().splitlines() or [""]
    return fm.content_line + len(lines) - 1, len(lines[-1]) + 1


def _load_toml(fm: FrontMatter) -> None:
    import tomllib

    try:
        fm.data = tomllib.loads(fm.raw)
    except RecursionError:
        fm.error = SyntaxProblem("TOML: nested too deeply", fm.content_line, 1)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line, column = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        message = _TOML_POSITION.sub("", message).strip()
        fm.error = SyntaxProblem(f"TOML: {message}", fm.content_line + line - 1, column)


def _load_json(fm: FrontMatter) -> None:
    try:
        fm.data = json.loads(fm.raw)
    except RecursionError:
        fm.error = SyntaxProblem("JSON: nested too deeply", fm.content_line, 1)
    except json.JSONDecodeError as exc:
        message, line, column = _json_error(exc)
        fm.error = SyntaxProblem(f"JSON: {message}", fm.content_line + line - 1, column)


def to_json_compatible(value: Any) -> Any:
    """Dates and datetimes become ISO strings, as a JSON Schema validator expects."""
    import datetime

    if isinstance(value, dict):
        return {str(k): to_json_compatible(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_compatible(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return value
