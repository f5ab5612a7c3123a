"""The rule registry: every rule module, listed explicitly, in code order within each group."""

from __future__ import annotations

import functools
import importlib

from artlint.rules.base import Rule, rule_from_module

# Front matter (FM), inline style (ST), HTML in Markdown (HT), links (LK).
FRONT_MATTER_RULES = (
    "fm_syntax",
    "fm_missing",
    "fm_schema",
    "fm_duplicate_key",
    "fm_implicit_type",
)
STYLE_RULES: tuple[str, ...] = (
    "st_inline_style",
    "st_color",
    "st_background",
    "st_font",
    "st_contrast",
    "st_invalid",
)
HTML_RULES: tuple[str, ...] = (
    "ht_presentational",
    "ht_spacer",
    "ht_residue",
    "ht_heading",
    "ht_heading_increment",
    "ht_multiple_h1",
    "ht_redundant_wrapper",
    "ht_rel",
    "ht_noopener",
    "ht_img_alt",
    "ht_mixed_content",
    "ht_unsafe",
    "ht_iframe",
    "ht_syntax",
    "ht_markdown_in_html",
    "ht_indented_html",
    "ht_emphasis",
)
LINK_RULES: tuple[str, ...] = (
    "lk_file_missing",
    "lk_anchor_missing",
    "lk_empty",
    "lk_malformed",
    "lk_unsafe_scheme",
)
EXTERNAL_LINK_RULES: tuple[str, ...] = (
    "lk_external_broken",
    "lk_external_unverifiable",
    "lk_external_redirect",
    "lk_external_private",
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
