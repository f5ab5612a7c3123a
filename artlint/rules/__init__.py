"""The rule registry: every rule module, listed explicitly, in code order within each group."""

from __future__ import annotations

import functools
import importlib

from artlint.rules.base import Rule, rule_from_module

# Front matter (FM), inline style (ST), HTML in Markdown (HT), links (LK).
FRONT_MATTER_RULES = (
    "front_matter_syntax",
    "front_matter_missing",
    "schema_violation",
    "duplicate_key",
    "implicit_type",
)
STYLE_RULES: tuple[str, ...] = (
    "inline_style",
    "color_emphasis",
    "background_highlight",
    "font_override",
    "low_contrast",
    "invalid_style",
)
HTML_RULES: tuple[str, ...] = (
    "presentational_tag",
    "spacer_paragraph",
    "editor_residue",
    "html_heading",
    "heading_increment",
    "multiple_h1",
    "redundant_wrapper",
    "invalid_rel",
    "target_blank_noopener",
    "image_alt",
    "mixed_content",
    "unsafe_html",
    "iframe_host",
    "html_syntax",
    "markdown_in_html",
    "indented_html",
    "unrendered_emphasis",
    "html_dropped",
    "literal_attribute_list",
    "mdx_invalid_html",
    "kramdown_text_tag",
)
LINK_RULES: tuple[str, ...] = (
    "link_file_missing",
    "link_anchor_missing",
    "link_empty",
    "link_malformed",
    "link_unsafe_scheme",
)
EXTERNAL_LINK_RULES: tuple[str, ...] = (
    "external_link_broken",
    "external_link_unverifiable",
    "external_link_redirect",
    "external_link_private",
)

MODULES = FRONT_MATTER_RULES + STYLE_RULES + HTML_RULES + LINK_RULES + EXTERNAL_LINK_RULES


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    rules = tuple(
        rule_from_module(importlib.import_module(f"artlint.rules.{name}")) for name in MODULES
    )
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise RuntimeError("rule codes and names must be unique")
    return rules


def by_key() -> dict[str, Rule]:
    """Rules by code and by name."""
    table: dict[str, Rule] = {}
    for rule in all_rules():
        table[rule.code] = rule
        table[rule.name] = rule
    return table


def lookup(key: str) -> Rule | None:
    return by_key().get(key) or by_key().get(key.upper())


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code, a name, a code prefix ("FM", "ST1") or "ALL"."""
    if selector == "ALL":
        return True
    return selector in (rule.code, rule.name) or (
        selector.isupper() and rule.code.startswith(selector)
    )


__all__ = ["Rule", "all_rules", "by_key", "lookup", "matches"]
