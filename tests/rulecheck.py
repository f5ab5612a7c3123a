"""Run one rule over a text or a fixture file, and fix it the way `--fix` does.

Rule fixtures live in tests/fixtures/rules/CODE/: `pass*.md` (no finding), `fail*.md` with
`fail*.md.expected` (one `path:line:col CODE message` per finding) and, for a rule with fixes,
`fail*.md.fixed` (the file after `artlint check --fix --unsafe-fixes --select CODE`: the fix loop,
meaning check included). An optional `settings.toml` beside them is that rule's configuration.
External link rules (LK2xx) write the address of the test server as `{server}`.

    python tests/rulecheck.py --update [CODE ...]

rewrites the `.expected` and `.fixed` files from what artlint does now; read the diff before
committing it, since a golden is only as good as its review.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from artlint import rules as registry
from artlint.api import FileResult, check_bytes
from artlint.config.loading import Settings, from_mapping
from artlint.fix.edits import apply_fixes
from artlint.fix.loop import fix_text
from artlint.lint import engine
from artlint.lint.selection import validated
from artlint.model.diagnostics import Diagnostic
from artlint.parsing.parse import parse
from artlint.text import files as textio

RULE_FIXTURES = Path(__file__).parent / "fixtures" / "rules"
SERVER = "{server}"


def check(
    text: str, code: str, options: dict[str, Any] | None = None, flavor: str | None = None
) -> list[Diagnostic]:
    """Run rule `code` over `text` parsed as `flavor` (default: GFM, a file of no site)."""
    from artlint import flavors

    settings = (
        from_mapping({"rules": {code: options}}, root=Path.cwd()) if options else Settings(root=Path.cwd())
    )
    model = flavors.get(flavor) if flavor else None
    return engine.check_document(parse(text, "post.md", flavor=model), settings.with_cli(select=(code,)))


def fixture_flavor(case: Path) -> str | None:
    """`name.FLAVOR.md` is read as that flavour; else the folder's `flavor` file names one."""
    from artlint.flavors import NAMES

    parts = case.name.split(".")
    if len(parts) == 3 and parts[1] in NAMES:
        return parts[1]
    marker = case.parent / "flavor"
    return marker.read_text("utf-8").strip() if marker.is_file() else None


def fixed(text: str, code: str, unsafe: bool = False, rounds: int = 5) -> str:
    """Apply the rule's fixes pass after pass (whole fixes, never two that overlap) until stable."""
    for _ in range(rounds):
        fixes = [d.fix for d in check(text, code) if d.fix is not None and (d.fix.safe or unsafe)]
        text, applied = apply_fixes(text, fixes)
        if not applied:
            break
    return text


def is_external(code: str) -> bool:
    rule = registry.lookup(code)
    assert rule is not None, code
    return rule.check.__module__.rsplit(".", 1)[-1] in registry.EXTERNAL_LINK_RULES


def fixture_settings(folder: Path, server: str | None = None) -> Settings:
    """The settings a fixture of rule `folder.name` runs with: its settings.toml, that rule only."""
    table: dict[str, Any] = {"schema": False}
    if folder.name.startswith("FM"):
        table.pop("schema")  # front-matter rules check against the built-in blog schema
    extra = folder / "settings.toml"
    if extra.is_file():
        table.update(tomllib.loads(extra.read_text(encoding="utf-8")))
    if server is not None:
        links = table.setdefault("links", {})
        links.setdefault("external", True)
        links.update({"cache": False, "timeout": 1.0, "connect_timeout": 1.0, "retries": 0})
    settings = validated(from_mapping(table, root=folder))
    return settings.with_cli(select=(folder.name,))


def _text(case: Path, server: str | None) -> bytes:
    data = case.read_bytes()
    return data.replace(SERVER.encode(), server.encode()) if server else data


def findings(case: Path, server: str | None = None) -> list[str]:
    """What checking the fixture reports, one `path:line:col CODE message` line per finding."""
    settings = fixture_settings(case.parent, server).with_cli(flavor=fixture_flavor(case))
    results: list[FileResult] = [check_bytes(_text(case, server), str(case), settings)]
    if server is not None:
        from artlint.links.external.run import attach

        results = list(attach(results, settings))
    lines = [f"{case.name}:{d.line}:{d.column} {d.code} {d.message}" for d in results[0].diagnostics]
    return [line.replace(server, SERVER) for line in lines] if server else lines


def fix_path(case: Path) -> str:
    """The fixture after the real fix path, unsafe fixes included."""
    settings = fixture_settings(case.parent).with_cli(flavor=fixture_flavor(case))
    style = textio.decode_bytes(case.read_bytes())
    return fix_text(style, str(case), settings, unsafe=True).text


def update(codes: list[str], server: str) -> None:
    for folder in sorted(RULE_FIXTURES.iterdir()):
        if codes and folder.name not in codes:
            continue
        external = is_external(folder.name)
        for case in sorted(folder.glob("fail*.md")):
            found = findings(case, server if external else None)
            Path(f"{case}.expected").write_text("".join(f"{line}\n" for line in found), "utf-8")
            rule = registry.lookup(folder.name)
            if rule is not None and rule.fix != "none" and not external:
                Path(f"{case}.fixed").write_text(fix_path(case), "utf-8")


def _main() -> None:
    import asyncio
    import threading

    from linkserver import Server

    if sys.argv[1:2] != ["--update"]:
        sys.exit(__doc__)
    running = Server()
    threading.Thread(target=running.loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(running.start(), running.loop).result(5)
    update(sys.argv[2:], f"127.0.0.1:{running.port}")


if __name__ == "__main__":
    _main()
