"""Front-matter schemas: find, load and compile each once per run; a bad schema is one error."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from artlint.config.loading import ConfigError, Settings

if TYPE_CHECKING:
    from jsonschema.protocols import Validator


@functools.cache  # the installed package does not change during a run; a check asks per file
def builtin_dir() -> Path:
    """Schemas ship inside the wheel as artlint/schemas; a source checkout has them at the top."""
    package = Path(__file__).parents[1]
    packaged = package / "schemas"
    return packaged if packaged.is_dir() else package.parent / "schemas"


NOT_FRONT_MATTER = frozenset({"report", "article"})  # schemas of artlint's own output


def builtin_names() -> list[str]:
    return list(_builtin_names())


@functools.cache
def _builtin_names() -> tuple[str, ...]:
    names = (p.name.removesuffix(".schema.json") for p in builtin_dir().glob("*.schema.json"))
    return tuple(sorted(n for n in names if n not in NOT_FRONT_MATTER))


def resolve(ref: str, settings: Settings) -> Path:
    return _resolve(ref, settings.root)


@functools.lru_cache(maxsize=256)
def _resolve(ref: str, root: Path) -> Path:
    """Asked for every file; a schema, like its loaded contents (`load`), is found once a run."""
    if ref in _builtin_names():
        candidate = builtin_dir() / f"{ref}.schema.json"
        if candidate.is_file():
            return candidate
    path = Path(ref)
    if not path.is_absolute():
        path = root / path
    if not path.is_file():
        names = ", ".join(builtin_names())
        raise ConfigError(f"schema {ref!r}: no such file, and no built-in schema of that name ({names})")
    return path


@functools.cache
def load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"schema {path}: cannot read: {exc}") from None
    try:
        if path.suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"schema {path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except Exception as exc:
        raise ConfigError(f"schema {path}: cannot parse: {exc}") from None
    if not isinstance(data, dict | bool):
        raise ConfigError(f"schema {path}: a schema must be a JSON object")
    return data if isinstance(data, dict) else {"not": {}} if data is False else {}


class Fetch(NamedTuple):
    """Whether http(s) $refs may be fetched (the schema_fetch setting), and from private addresses."""

    allowed: bool = False
    allow_private: bool = False

    @classmethod
    def of(cls, settings: Settings) -> Fetch:
        return cls(settings.schema_fetch, settings.links.allow_private)


NO_FETCH = Fetch()


@functools.cache
def validator(path: Path, fetch: Fetch = NO_FETCH) -> Validator:
    """The validator; jsonschema loads only when a document is not plainly valid (lazyschema.py)."""
    from artlint.schema.lazy import lazy_validator

    check_refs(path, load(path), set(), fetch)  # a remote ref is refused before any file is read
    return lazy_validator(load(path), functools.partial(compiled, path, fetch))


def compiled(path: Path, fetch: Fetch = NO_FETCH) -> Validator:
    """The compiled validator, with format checks; raises ConfigError for an invalid schema."""
    import jsonschema
    import referencing
    from jsonschema.validators import validator_for
    from referencing.jsonschema import DRAFT202012

    schema = load(path)
    cls = validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as exc:
        where = "/".join(str(p) for p in exc.path) or "(root)"
        raise ConfigError(f"schema {path}: invalid schema at {where}: {exc.message}") from None

    check_refs(path, schema, set(), fetch)

    def retrieve(uri: str) -> referencing.Resource[Any]:
        # Relative $refs resolve against the schema's own folder; the network only when allowed.
        if fetch.allowed and uri.startswith(("http://", "https://")):
            from artlint.schema.remote import fetch as get

            contents = get(uri, fetch.allow_private)
            return referencing.Resource.from_contents(contents, default_specification=DRAFT202012)
        target = ref_target(path, schema, uri)
        if target is None or not target.is_file():
            raise referencing.exceptions.NoSuchResource(uri)
        return referencing.Resource.from_contents(load(target), default_specification=DRAFT202012)

    registry: referencing.Registry[Any] = referencing.Registry(retrieve=retrieve)  # type: ignore[call-arg]
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def ref_target(path: Path, schema: dict[str, Any], uri: str) -> Path | None:
    """The file a non-local $ref names, relative to the schema file (or to its `$id` folder)."""
    from urllib.parse import unquote, urlsplit

    uri = uri.split("#")[0]
    base = schema.get("$id")
    folder = base.rsplit("/", 1)[0] + "/" if isinstance(base, str) and "/" in base else ""
    if folder and uri.startswith(folder):
        uri = uri[len(folder):]
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme or parts.netloc:
        return None  # a remote schema: artlint never fetches one
    return (path.parent / unquote(uri)).resolve()


def check_refs(path: Path, schema: Any, seen: set[Path], fetch: Fetch = NO_FETCH) -> None:
    """Every $ref to another file must name a readable schema: one clear error before any file."""
    seen.add(path)
    for ref, where in _refs(schema, ""):
        if ref.startswith("#"):
            continue
        target = ref_target(path, load(path), ref)
        if target is None:
            if fetch.allowed and ref.startswith(("http://", "https://")):
                from artlint.schema.remote import fetch as get

                get(ref, fetch.allow_private)  # fetched now, once: a failure stops the run here
                continue
            raise ConfigError(f"schema {path}: $ref {ref!r} at {where or '/'}: remote schemas are "
                              "not fetched; set schema_fetch = true to allow it")
        if not target.is_file():
            raise ConfigError(f"schema {path}: $ref {ref!r} at {where or '/'}: no such file {target}")
        if target not in seen:
            check_refs(target, load(target), seen, fetch)


def _refs(node: Any, where: str) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value, where
            elif key not in ("const", "enum", "default", "examples"):
                yield from _refs(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _refs(value, f"{where}/{i}")


def for_path(path: str, settings: Settings) -> Validator | None:
    ref = settings.schema_for(path)
    if ref is False or ref in ("none", "false", ""):
        return None
    if ref is True:
        ref = "blog"
    return validator(resolve(str(ref), settings), Fetch.of(settings))


def preload(settings: Settings) -> None:
    """Compile every configured schema before the first file, so a bad one stops the run once."""
    refs = {settings.schema, *(s for _, s in settings.schemas)}
    refs |= {o.schema for o in settings.overrides if o.schema is not None}
    for ref in refs:
        if isinstance(ref, str) and ref not in ("none", "false", ""):
            validator(resolve(ref, settings), Fetch.of(settings))
