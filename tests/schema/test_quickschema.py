"""The quick schema checker may only ever say "valid" where jsonschema says valid too."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rfc3986_validator import validate_rfc3986

from artlint.schema.lazy import LazyValidator, well_formed
from artlint.schema.quick import (
    _PCHAR,
    _PLAIN_RELATIVE,
    _PLAIN_URL,
    certainly_valid,
)

BLOG = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "blog.schema.json").read_text())
KEYS = ["title", "tags", "date", "n", "x y"]
STRINGS = ["", "a", "News", " ", "2024-05-01", "2024-05-01 10:00:00 +0900", "https://example.com/a b",
           "https://example.com/img.png?w=1#top", "../img/cover.png", "/assets/x.png", "ü", "%zz",
           "mailto:someone@example.com", "1", "true", "a\nb", "//cdn.example.com/x.js", "http://[::1]/"]
PATTERNS = ["\\S", "^a", "^\\d{4}-\\d{2}-\\d{2}$", "(", "[a-", "b$", ""]
FORMATS = ["uri", "uri-reference", "date", "email", "regex", "made-up"]
TYPES = ["object", "array", "string", "integer", "number", "boolean", "null", "text"]


def _scalar(rng: random.Random) -> Any:
    return rng.choice([None, True, False, 0, 1, -1, 2, 1.0, 1.5, -0.5, 2**60, 10**20 + 0.5,
                       float("nan"), float("inf"), *STRINGS])


def _schema(rng: random.Random, depth: int) -> Any:
    if depth > 2 or rng.random() < 0.1:
        return rng.choice([True, False, {}])
    schema: dict[str, Any] = {}
    for _ in range(rng.randint(1, 4)):
        key = rng.choice([
            "type", "properties", "required", "additionalProperties", "items", "minLength", "maxLength",
            "minItems", "maxItems", "minProperties", "maxProperties", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "pattern", "enum", "const", "allOf", "anyOf", "oneOf",
            "not", "$ref", "format", "title", "uniqueItems", "patternProperties", "prefixItems", "$id",
            "unknownKeyword",
        ])
        schema[key] = _value(rng, key, depth)
    return schema


def _value(rng: random.Random, key: str, depth: int) -> Any:
    if key == "type":
        return rng.choice([rng.choice(TYPES), rng.sample(TYPES, rng.randint(0, 3)), ["string", "string"], 3])
    if key in ("properties", "patternProperties"):
        return {k: _schema(rng, depth + 1) for k in rng.sample(KEYS, rng.randint(0, 3))}
    if key == "required":
        return rng.choice([rng.sample(KEYS, rng.randint(0, 3)), ["title", "title"], "title", [1]])
    if key in ("additionalProperties", "items", "not"):
        return _schema(rng, depth + 1)
    if key.startswith(("min", "max")):
        return rng.choice([0, 1, 2, 3, -1, 1.5, True, "2"])
    if key.startswith(("minimum", "maximum", "exclusive")):
        return rng.choice([0, 1, -1, 2.5, 2**60, True, "1"])
    if key == "pattern":
        return rng.choice(PATTERNS)
    if key == "enum":
        return rng.choice([[_scalar(rng) for _ in range(rng.randint(0, 3))], "a", [[1], "a"]])
    if key == "const":
        return _scalar(rng)
    if key in ("allOf", "anyOf", "oneOf", "prefixItems"):
        return [_schema(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if key == "$ref":
        return rng.choice(["#/$defs/a", "#/$defs/missing", "#", "other.json", "#/properties/title"])
    if key == "format":
        return rng.choice(FORMATS)
    if key == "$id":
        return rng.choice(["https://example.com/s.json", "x#frag"])
    return rng.choice([True, "text", 1])


def _instance(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth < 3 and roll < 0.25:
        return {k: _instance(rng, depth + 1) for k in rng.sample(KEYS, rng.randint(0, 4))}
    if depth < 3 and roll < 0.4:
        return [_instance(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return _scalar(rng)


def _root(rng: random.Random) -> Any:
    schema = _schema(rng, 0)
    if isinstance(schema, dict) and rng.random() < 0.5:
        schema["$defs"] = {"a": _schema(rng, 1)}
    if isinstance(schema, dict) and rng.random() < 0.2:
        schema["$schema"] = rng.choice(["https://json-schema.org/draft/2020-12/schema",
                                        "http://json-schema.org/draft-07/schema#"])
    return schema


def _jsonschema(schema: Any) -> Any:
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _accepts(reference: Any, instance: Any) -> bool:
    try:
        return bool(reference.is_valid(instance))
    except Exception:  # a $ref that loops or leads nowhere: jsonschema gives no "valid" either
        return False


def test_certainly_valid_never_contradicts_jsonschema() -> None:
    rng = random.Random(20240501)
    said_valid = 0
    for _ in range(1500):
        schema = _root(rng)
        try:
            reference = _jsonschema(schema)
            reference.check_schema(schema)
        except Exception:
            assert not well_formed(schema), schema
            continue
        quick = well_formed(schema)
        for _ in range(6):
            instance = _instance(rng, 0)
            if quick and certainly_valid(schema, instance):
                said_valid += 1
                assert _accepts(reference, instance), (schema, instance)
    assert said_valid > 300  # the quick answer is not vacuous


def test_well_formed_implies_the_metaschema_accepts() -> None:
    rng = random.Random(7)
    accepted = 0
    for _ in range(1500):
        schema = _root(rng)
        if well_formed(schema):
            accepted += 1
            cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
            cls.check_schema(schema)
    assert accepted > 100


def test_blog_schema_takes_the_quick_path_for_ordinary_front_matter() -> None:
    assert well_formed(BLOG)
    ordinary = {"title": "A week in review", "categories": ["News"], "tags": ["ai", "policy"],
                "excerpt": "Short.", "feature_image": "https://example.com/res/cover.jpg",
                "image": "/assets/cover.png", "date": "2024-05-01 09:30:00 +0900", "published": True}
    assert certainly_valid(BLOG, ordinary)
    assert not certainly_valid(BLOG, {**ordinary, "title": ""})
    assert not certainly_valid(BLOG, {**ordinary, "categories": "News, Events"})


@pytest.mark.parametrize("text", ["", "a", "a/b", "../x/y.png", "//host/p", "/", "~user/x", "a.b-c_d"])
def test_plain_relative_references_are_valid_uri_references(text: str) -> None:
    assert _PLAIN_RELATIVE.fullmatch(text)
    assert validate_rfc3986(text, rule="URI_reference")


def test_plain_urls_are_valid_uris() -> None:
    rng = random.Random(3)
    pieces = [*"aZ09.-_~!$&'()*+,;=:@/?#%", "%2F", "%e2%80%99", "https://", ":8080", "/", "/"]
    checked = 0
    for _ in range(20000):
        tail = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        text = rng.choice(["https://", "http://"]) + rng.choice(["x.org", "a", "a-b.c", ""]) + tail
        if _PLAIN_URL.fullmatch(text):
            checked += 1
            assert validate_rfc3986(text, rule="URI") and validate_rfc3986(text, rule="URI_reference"), text
    assert checked > 1000
    assert _PCHAR and _PLAIN_URL.fullmatch("https://newsdao.kr/res/images/meta/newsdao_breakingnews.jpg")


def test_lazy_validator_compiles_only_when_needed() -> None:
    calls: list[int] = []

    def compile() -> Any:
        calls.append(1)
        return _jsonschema(BLOG)

    lazy = LazyValidator(BLOG, compile)
    assert lazy.schema is BLOG
    assert lazy.is_valid({"title": "Fine"}) and not calls
    assert not lazy.is_valid({"title": ""}) and calls
    assert [e.validator for e in lazy.iter_errors({"title": ""})] == ["minLength", "pattern"]


def test_a_schema_outside_the_subset_is_checked_up_front() -> None:
    with pytest.raises(jsonschema.SchemaError):
        LazyValidator({"type": "object", "oneOf": "not a list"},
                      lambda: jsonschema.Draft202012Validator.check_schema({"oneOf": "not a list"}))
