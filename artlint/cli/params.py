"""Plain string, list and flag options without paying for typer's general-purpose coercion.

Recent typer versions coerce every option through a pydantic TypeAdapter, and importing pydantic
costs more than the rest of a one-file `artlint check`. Options annotated `str`, `list[str]`, `bool`
or a plain `Path` need no such machinery: click already hands over strings and booleans. `LeanCommand`
gives those parameters a small coercer with the same results, and hands any other value (or any
other annotation) to typer's own coercion, so behaviour never changes, only the cost. With a typer
that has no such coercion layer, the class is a plain TyperCommand.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from typer.core import TyperCommand, TyperGroup


class _Plain:
    """Coerces the values click already produced as str / list of str / bool / path; delegates the rest."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        many = bool(getattr(param, "multiple", False)) or getattr(param, "nargs", 1) == -1
        if value is None:
            return () if many else None
        if self.kind == "str" and isinstance(value, str):
            return value
        if self.kind == "bool" and isinstance(value, bool):
            return value
        if self.kind == "path" and isinstance(value, str) and value:
            path = Path(value)
            if not os.path.exists(path) or os.access(path, os.R_OK):
                return path  # an existing unreadable path gets typer's own error below
        if self.kind == "list" and isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return list(value)
        return _general(param).coerce(value, param=param, ctx=ctx)


def _general(param: Any) -> Any:
    """typer's own coercion for this parameter, built on first need and kept from then on."""
    param._runtime_param = None
    return param.get_runtime_param()


def _kind(param: Any) -> str | None:
    descriptor = getattr(param, "type_descriptor", None)
    info = getattr(descriptor, "parameter_info", None)
    if descriptor is None or info is None or getattr(info, "parser", None) is not None:
        return None
    annotation = descriptor.annotation
    if getattr(descriptor, "file_annotation", None) is not None:
        return None
    if annotation is str:
        return "str"
    if annotation is bool:
        return "bool"
    if annotation == list[str]:
        return "list"
    if annotation is Path and _plain_path(info):
        return "path"
    return None


def _plain_path(info: Any) -> bool:
    """A Path option with none of typer's path checks asked for except the default readability."""
    wanted = {
        "exists": False, "file_okay": True, "dir_okay": True, "writable": False, "readable": True,
        "resolve_path": False, "allow_dash": False, "path_type": None,
    }
    return all(getattr(info, name, not default) == default for name, default in wanted.items())


def install(param: Any) -> bool:
    """Give `param` the plain coercer when it qualifies; True when it did."""
    if getattr(param, "_runtime_param", False) is not None or not hasattr(param, "get_runtime_param"):
        return False  # a typer without lazy coercion, or one already built: leave it alone
    kind = _kind(param)
    if kind is None:
        return False
    param._runtime_param = _Plain(kind)
    return True


class _Lean:
    """Installs the plain coercer on a command's parameters and on its --help option."""

    params: list[Any]

    def _lean(self) -> None:
        for param in self.params:
            install(param)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            install(option)
        return option


class LeanCommand(_Lean, TyperCommand):
    """A TyperCommand whose plain parameters skip the general coercion layer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lean()


class LeanGroup(_Lean, TyperGroup):
    """The same for the command group (its --version and --help options)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lean()
