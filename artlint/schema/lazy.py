"""A schema validator that loads jsonschema only when a document is not plainly valid.

`LazyValidator` answers `schema` from the loaded JSON, `is_valid` from the quick checker first,
and everything else (errors, best matches) from the real jsonschema validator, compiled on first
need. A schema made only of keywords whose well-formedness is checked here needs no metaschema
check; any other schema is compiled at once, so a bad schema still stops the run before the
first file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from artlint.schema.quick import (
    DRAFT_2020_12,
    TYPES,
    certainly_valid,
    resolve_local,
)

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

# Strings that are certainly valid URI references by RFC 3986 (the metaschema's format checks).
_SAFE_REF = re.compile(r"#(/[A-Za-z0-9_$.\-]*)*")
_SAFE_ID = re.compile(r"https?://[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*(/[A-Za-z0-9_.\-]+)*/?")
_COUNTS = frozenset({"minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"})
_BOUNDS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
_MAX_DEPTH = 40


class _NotSure(Exception):
    pass


def well_formed(schema: Any) -> bool:
    """True only when `schema` certainly passes the Draft 2020-12 metaschema (with format checks)."""
    if isinstance(schema, bool):
        return True
    if not isinstance(schema, dict) or schema.get("$schema", DRAFT_2020_12[0]) not in DRAFT_2020_12:
        return False
    refs: list[str] = []
    try:
        _check(schema, True, 0, refs)
        for ref in refs:
            resolve_local(schema, ref)  # jsonschema would raise on a $ref that leads nowhere
    except Exception:  # _NotSure, RecursionError, or the checker's own "cannot tell"
        return False
    return True


def _check(node: Any, root: bool, depth: int, refs: list[str]) -> None:
    if isinstance(node, bool):
        return
    if not isinstance(node, dict) or depth > _MAX_DEPTH:
        raise _NotSure
    for key, value in node.items():
        _keyword(key, value, root, depth, refs)


def _keyword(key: str, value: Any, root: bool, depth: int, refs: list[str]) -> None:
    ok: bool
    if key in ("properties", "$defs"):
        ok = isinstance(value, dict)
        for sub in value.values() if ok else ():
            _check(sub, False, depth + 1, refs)
    elif key in ("additionalProperties", "items"):
        _check(value, False, depth + 1, refs)
        ok = True
    elif key in ("allOf", "anyOf"):
        ok = isinstance(value, list) and bool(value)
        for sub in value if ok else ():
            _check(sub, False, depth + 1, refs)
    elif key == "type":
        names = [value] if isinstance(value, str) else value
        ok = isinstance(names, list) and bool(names) and len(set(map(str, names))) == len(names)
        ok = ok and all(isinstance(n, str) and n in TYPES for n in names)
    elif key == "required":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        ok = ok and len(set(value)) == len(value)
    elif key in _COUNTS:
        ok = type(value) is int and value >= 0
    elif key in _BOUNDS:
        ok = type(value) in (int, float) and value == value and abs(value) != float("inf")
    elif key == "pattern":
        ok = isinstance(value, str) and _compiles(value)
    elif key in ("enum", "examples"):
        ok = isinstance(value, list)
    elif key in ("const", "default"):
        ok = True
    elif key in ("format", "title", "description", "$comment"):
        ok = isinstance(value, str)
    elif key in ("deprecated", "readOnly", "writeOnly"):
        ok = isinstance(value, bool)
    elif key == "$ref":
        ok = isinstance(value, str) and _SAFE_REF.fullmatch(value) is not None
        refs.append(value)
    elif key == "$id":
        ok = root and isinstance(value, str) and _SAFE_ID.fullmatch(value) is not None
    elif key == "$schema":
        ok = root and value in DRAFT_2020_12
    else:
        ok = False
    if not ok:
        raise _NotSure


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


class LazyValidator:
    """Duck-types a jsonschema Validator; the real one is built by `compile` on first need."""

    def __init__(self, schema: Any, compile: Callable[[], Any]) -> None:
        self.schema = schema
        self._compile = compile
        self._real: Any = None
        self._quick = well_formed(schema)
        if not self._quick:
            self._real = compile()  # checks the schema now: a bad one is one error, up front

    @property
    def real(self) -> Any:
        if self._real is None:
            self._real = self._compile()
        return self._real

    def is_valid(self, instance: Any) -> bool:
        if self._quick and certainly_valid(self.schema, instance):
            return True
        return bool(self.real.is_valid(instance))

    def iter_errors(self, instance: Any) -> Any:
        return self.real.iter_errors(instance)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.real, name)


def lazy_validator(schema: Any, compile: Callable[[], Validator]) -> Validator:
    """A LazyValidator, typed as the jsonschema Validator it stands in for."""
    return cast("Validator", LazyValidator(schema, compile))
