"""Which modules each command imports, and which way the package's own imports point.

The import graph is read with ast from every module, imports inside functions included (those
under `if TYPE_CHECKING:` never run and are left out). It must have no cycle, and every import
must point down LAYERS (below): a module uses its own layer and the ones under it. The layers
differ from the plain "cli -> commands -> work -> rules -> building blocks -> model/config"
line in three places, each for a reason written beside LAYERS: `api` and the engine sit below
the fix loop, the worker pool and the online link check (they all run the engine); the offline
half of `links/` sits below the rules (the LK rules are built on it); and `discovery.globs`, pure
pattern matching, sits with configuration, which needs it for per-path settings.

Heavy dependencies load only where they are needed.

Expectations (keep them; when one fails, the change that made a command import a heavy module
needs a lazy import inside the function that uses it):

- every command here: never markdownify, nh3, aiohttp or rich (conversion, sanitising, the
  external link checker and pretty output are not on these paths);
- `--help` and `rules`: also never jsonschema, markdown_it or yaml (nothing is parsed);
- `check` with no TOML configuration: never tomllib; `check PATH` with no other option: never
  click either (artlint.cli.entry starts it without the option parser);
- a `check` whose every file is answered from the result cache: no parser, no rules, no
  schema validator (the stored lines and counts are printed as they are).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

NEVER = {"markdownify", "nh3", "aiohttp", "rich"}
NOT_FOR_METADATA = {"jsonschema", "markdown_it", "yaml"}


def imported(args: list[str], cwd: Path) -> set[str]:
    """Top-level names of every module imported by `python -X importtime -m artlint ARGS`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "artlint", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            names.add(name.split(".")[0])
    assert "artlint" in names  # the importtime output was read
    return names


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (["--help"], NEVER | NOT_FOR_METADATA),
        (["rules"], NEVER | NOT_FOR_METADATA),
        (["check", "a.md"], NEVER | {"click", "tomllib"}),  # a plain check goes past click
        (["check", "--format", "json", "a.md"], NEVER | {"tomllib"}),
    ],
    ids=["help", "rules", "check", "check-json"],
)
def test_command_does_not_import(tmp_path: Path, args: list[str], forbidden: set[str]) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: 글\ncategories: 뉴스, 일상\n---\n"
        "<p data-ke-size=\"size16\">&nbsp;</p>\n\n본문 [링크](b.md)\n",
        encoding="utf-8",
    )
    loaded = imported(args, tmp_path)
    assert not loaded & forbidden, f"`artlint {' '.join(args)}` imported {sorted(loaded & forbidden)}"


def _loaded(args: list[str], cwd: Path) -> set[str]:
    """Full names of every module `python -X importtime -m artlint ARGS` imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "artlint", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
            if line.startswith("import time:") and line.count("|") == 2}


# What a re-run answered from the result cache must not load: it prints what the entries hold.
CHECKING = ("markdown_it", "yaml", "jsonschema", "artlint.api", "artlint.parsing", "artlint.html",
            "artlint.frontmatter", "artlint.lint.engine", "artlint.schema.lazy", "artlint.rules.")


def _checking(loaded: set[str]) -> set[str]:
    return {name for name in loaded if name.startswith(CHECKING) and name != "artlint.rules.base"}


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_warm_run_loads_neither_parser_nor_rules(tmp_path: Path, output_format: str) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(
            "---\ntitle: 글\n---\n<p><span style=\"color: red\">빨강</span></p>\n[b](b.md#x)\n",
            encoding="utf-8",
        )
    args = ["check", "--format", output_format, "a.md", "b.md"]
    cold = _loaded(args, tmp_path)
    assert {"markdown_it", "yaml", "artlint.parsing.parse"} <= cold  # the check was real
    assert not _checking(_loaded(args, tmp_path))
    (tmp_path / "b.md").write_text("---\ntitle: 둘\n---\n## x\n", encoding="utf-8")
    assert "artlint.parsing.parse" in _loaded(args, tmp_path)  # an edited file is checked again


# --- The import graph -------------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1] / "artlint"

# Highest layer first. A module may import from its own layer and the layers below it, never
# from a layer above. A module belongs to the longest prefix listed for it.
#
# - The CLI parses options; commands do each command's work; `docs` renders the rule pages.
# - Whole-run work: conversion, the fix loop, the worker pool, reporters (which name rules) and
#   the online link check (which runs once per run, after the engine, through `api`).
# - `api` and the engine: one document or file through the selected rules.
# - The rules.
# - What rules are built from: the Meaning reader, parsing, flavours, and the offline link
#   model (`links` outside external/ and http/: resolving, slugs, collecting), which the LK
#   rules use.
# - Building blocks: HTML vocabulary and scanning, front matter, schemas, text files, discovery.
# - The leaves: the data model and configuration. `discovery.globs` is plain pattern matching
#   (no artlint imports) that configuration needs for per-path settings, so it sits here too.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("artlint.__main__", "artlint.cli", "artlint.lsp", "artlint"),
    ("artlint.commands", "artlint.docs"),
    ("artlint.convert", "artlint.fix", "artlint.runner", "artlint.progress", "artlint.reporters",
     "artlint.links.external", "artlint.links.http", "artlint.cache"),
    ("artlint.api", "artlint.lint"),
    ("artlint.rules",),
    ("artlint.meaning", "artlint.parsing", "artlint.site", "artlint.flavors", "artlint.engines",
     "artlint.links"),
    ("artlint.html", "artlint.frontmatter", "artlint.schema", "artlint.text", "artlint.discovery",
     "artlint.net"),
    ("artlint.model", "artlint.config", "artlint.discovery.globs"),
)
# Known exceptions, each with its reason; the list only shrinks.
ALLOWED: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _type_only(tree: ast.Module) -> set[int]:
    """ids of the nodes under `if TYPE_CHECKING:`: they never run."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(inner) for inner in ast.walk(node))
    return hidden


def imports_of(module: str) -> set[str]:
    """The artlint modules `module` imports anywhere (functions included, type-only imports not)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = _type_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            found.update(_resolve(a.name) for a in node.names if a.name.split(".")[0] == "artlint")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            if source.split(".")[0] != "artlint":
                continue
            for alias in node.names:
                if source == "artlint" and alias.name == "__version__":
                    continue  # a constant: nothing is imported behind it
                full = f"{source}.{alias.name}"
                found.add(full if full in MODULES else _resolve(source))
    found.discard(module)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def layer_of(module: str) -> int:
    best, depth = -1, -1
    for number, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > depth:
                best, depth = number, len(prefix)
    assert best >= 0, f"{module} is in no layer; add it to LAYERS"
    return best


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_reader_sees_function_level_imports() -> None:
    # commands.check imports the fix command inside run_check; a reader missing it would miss cycles.
    assert "artlint.commands.fix" in GRAPH["artlint.commands.check"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def test_imports_point_down_the_layers() -> None:
    upward = [
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if layer_of(target) < layer_of(module) and (module, target) not in ALLOWED
    ]
    assert upward == []


def test_configuration_is_a_leaf() -> None:
    for module, targets in GRAPH.items():
        if module.startswith("artlint.config"):
            outside = {t for t in targets if not t.startswith(("artlint.config", "artlint.model"))}
            assert outside <= {"artlint.discovery.globs"}, f"{module} imports {sorted(outside)}"


def test_the_exceptions_are_still_needed() -> None:
    for module, target in ALLOWED:
        assert target in GRAPH[module], f"{module} no longer imports {target}: drop it from ALLOWED"
