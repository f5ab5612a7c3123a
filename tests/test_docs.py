"""Rule metadata and the documentation generated from it: complete, consistent and current."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import REPO, Run

from artlint import rules as registry
from artlint.api import check_text
from artlint.commands.rules import sections_of
from artlint.config.loading import (
    OVERRIDE_KEYS,
    TOP_KEYS,
    Settings,
)
from artlint.config.sections import CONVERT_KEYS, LINKS_KEYS
from artlint.docs import REGENERATE, rules_markdown
from artlint.model.diagnostics import Severity
from artlint.parsing.parse import parse

RULES = registry.all_rules()
REQUIRED = ("What it does", "Why is this bad", "Example", "Use instead")


def test_docs_rules_md_is_current() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), f"docs/rules.md is out of date; regenerate it with: {REGENERATE}"


def test_docs_cover_every_rule() -> None:
    text = rules_markdown()
    for rule in RULES:
        assert f'<a id="{rule.code.lower()}"></a>' in text
        assert f"### {rule.code} `{rule.name}`" in text


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata(rule: registry.Rule) -> None:
    assert re.fullmatch(r"[A-Z]{2}\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    first = rule.summary.split()[0]
    # Sentence case, unless it opens with a literal such as `target="_blank"` or `<font>`.
    literal = not first.isalpha()
    assert first[:1].isupper() or literal, f"{rule.code}: summary is not sentence case: {rule.summary!r}"
    assert not rule.summary.endswith("."), f"{rule.code}: summary ends with a period"
    assert isinstance(rule.severity, Severity)
    assert rule.fix in ("none", "safe", "unsafe", "sometimes")
    sections = sections_of(rule.doc)
    for title in REQUIRED:
        assert sections.get(title), f"{rule.code} has no '{title}:' section"
    if rule.options:
        options = sections.get("Options", "")
        assert options, f"{rule.code} has options but no 'Options:' section"
        for name in rule.options:
            documented = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", options)
            assert documented, f"{rule.code}: option {name!r} is not in its Options section"


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert not set(codes) & set(names)


def test_rules_command_lists_every_rule(run: Run) -> None:
    done = run("rules")
    assert done.returncode == 0
    listed = [line.split()[:2] for line in done.stdout.splitlines()]
    assert listed == [[r.code, r.name] for r in RULES]
    as_json = json.loads(run("rules", "--format", "json").stdout)
    assert [r["code"] for r in as_json] == [r.code for r in RULES]


@pytest.mark.parametrize("key", ["FM005", "implicit-type"])
def test_explain_prints_the_sections(run: Run, key: str) -> None:
    done = run("explain", key)
    assert done.returncode == 0
    assert done.stdout.startswith("FM005 implicit-type\n")
    for title in (*REQUIRED, "Options"):
        assert f"\n{title}:\n" in done.stdout
    # Example indentation is kept, so a YAML example stays valid YAML.
    assert "\n    ---\n    title: Road trip\n    country: no\n" in done.stdout


def test_explain_unknown_rule(run: Run) -> None:
    done = run("explain", "FM999")
    assert done.returncode == 2
    assert "FM999" in done.stderr and "artlint rules" in done.stderr


def test_configuration_doc_names_every_key() -> None:
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    keys = [*TOP_KEYS, *OVERRIDE_KEYS, *LINKS_KEYS, *CONVERT_KEYS]
    missing = [key for key in keys if f"`{key}`" not in text]
    assert not missing, f"docs/configuration.md does not describe: {', '.join(missing)}"


def _needs_network(rule: registry.Rule) -> bool:
    return rule.check.__module__.rsplit(".", 1)[-1] in registry.EXTERNAL_LINK_RULES


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_examples_do_what_the_docs_say(rule: registry.Rule, tmp_path: Path) -> None:
    """The "Example" section triggers the rule and the "Use instead" section does not."""
    if _needs_network(rule):
        pytest.skip("checks external URLs, which needs a server")
    sections = sections_of(rule.doc)
    # A rule about one engine shows its example on a site of that engine.
    flavor = getattr(sys.modules[rule.check.__module__], "EXAMPLE_FLAVOR", None)
    # The examples are judged by the blog schema, chosen as `schema = "blog"` chooses it.
    settings = Settings(root=tmp_path, select=(rule.code,), flavor=flavor, schema_given=True)
    example, fixed = sections["Example"] + "\n", sections["Use instead"] + "\n"
    page = tmp_path / "posts" / "example.md"
    page.parent.mkdir()
    for link in parse(fixed, str(page)).links:  # the local files the fixed text links to exist
        target = link.url.split("#")[0].split("?")[0]
        if target and ":" not in target and not target.startswith("/"):
            (page.parent / target).parent.mkdir(parents=True, exist_ok=True)
            (page.parent / target).touch()
    assert rule.code in [d.code for d in check_text(example, str(page), settings)]
    assert rule.code not in [d.code for d in check_text(fixed, str(page), settings)]
