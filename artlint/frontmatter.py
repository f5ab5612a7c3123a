"""Find and parse the front-matter block (YAML `---`, TOML `+++`, JSON `{`), keeping positions."""

from __future__ import annotations

import json
import re
from typing import Any

from artlint.document import FrontMatter, SyntaxProblem

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


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
        except json.JSONDecodeError:
            return None, 0  # not JSON front matter; a body may start with "{"
        nl = text.find("\n", end)
        body = len(text) if nl < 0 else nl + 1
        last_line = text.count("\n", 0, end) + 1
        return FrontMatter("json", text[:end], 1, last_line, 1), body
    return None, 0


def load(fm: FrontMatter) -> None:
    """Parse `fm.raw` in place: set data, node (YAML) or error."""
    if fm.error is not None:
        return
    if fm.kind == "yaml":
        _load_yaml(fm)
    elif fm.kind == "toml":
        _load_toml(fm)
    else:
        _load_json(fm)


def _load_yaml(fm: FrontMatter) -> None:
    import yaml

    loader_class: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(fm.raw)
    try:
        node = loader.get_single_node()
        fm.node = node
        fm.data = {} if node is None else loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = fm.content_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        fm.error = SyntaxProblem(f"YAML: {problem}", line, column)
    except yaml.YAMLError as exc:
        fm.error = SyntaxProblem(f"YAML: {exc}", fm.content_line, 1)
    finally:
        loader.dispose()


def _load_toml(fm: FrontMatter) -> None:
    import tomllib

    try:
        fm.data = tomllib.loads(fm.raw)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line, column = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        message = _TOML_POSITION.sub("", message).strip()
        fm.error = SyntaxProblem(f"TOML: {message}", fm.content_line + line - 1, column)


def _load_json(fm: FrontMatter) -> None:
    try:
        fm.data = json.loads(fm.raw)
    except json.JSONDecodeError as exc:
        fm.error = SyntaxProblem(f"JSON: {exc.msg}", fm.content_line + exc.lineno - 1, exc.colno)


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
