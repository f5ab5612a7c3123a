"""Rule selection checked against the rules, once, after the configuration has loaded.

A selector (in select, extend-select, ignore, here or in [[overrides]], or on the command line)
must name a rule by code or name, a code prefix, or ALL; a [rules.KEY] table must name a rule
and hold only that rule's options, each of its default's type. A typo is a ConfigError (exit 2)
rather than a rule that silently never runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from artlint import rules as registry
from artlint.config.loading import ConfigError, Override, RuleSettings, Settings
from artlint.config.values import check_keys, check_type
from artlint.rules.base import Rule

# Rule groups a selector may name even before any of their rules is registered.
GROUP_PREFIXES = ("FM", "ST", "HT", "LK")


def check_selectors(selectors: Sequence[str], where: str, rules: Sequence[Rule] | None = None) -> None:
    for selector in selectors:
        if selector in ("ALL", *GROUP_PREFIXES):
            continue
        # The registry is imported only when a selector needs it (most runs have none).
        candidates = registry.all_rules() if rules is None else rules
        if any(registry.matches(rule, selector) for rule in candidates):
            continue
        raise ConfigError(
            f"{where}: {selector!r} is not a rule code, name or code prefix; see 'artlint rules'"
        )


def validated(settings: Settings, rules: Sequence[Rule] | None = None) -> Settings:
    """`settings` with its selectors checked and its rule tables keyed by rule code."""
    source = settings.source
    from artlint.site.options import check_flavor

    check_flavor(settings.flavor, f"{source}: flavor")
    _check_lists(settings.select, settings.extend_select, settings.ignore, source, rules)
    overrides = []
    for override in settings.overrides:
        where = f"{source}: [[overrides]]"
        _check_lists(override.select, override.extend_select, override.ignore, where, rules)
        overrides.append(_with_rules(override, where, rules))
    return replace(
        settings, rules=_resolve(settings.rules, source, rules), overrides=tuple(overrides)
    )


def _check_lists(
    select: Sequence[str] | None, extend: Sequence[str], ignore: Sequence[str], where: str,
    rules: Sequence[Rule] | None,
) -> None:
    for key, values in (("select", select or ()), ("extend-select", extend), ("ignore", ignore)):
        check_selectors(values, f"{where}: '{key}'", rules)


def _with_rules(override: Override, where: str, rules: Sequence[Rule] | None) -> Override:
    return override._replace(rules=_resolve(override.rules, where, rules))


def _resolve(
    table: Mapping[str, RuleSettings], source: str, rules: Sequence[Rule] | None
) -> dict[str, RuleSettings]:
    result: dict[str, RuleSettings] = {}
    for key, settings in table.items():
        rule = _lookup(key, rules)
        if rule is None:
            raise ConfigError(f"{source}: [rules.{key}]: no rule has that code or name; see 'artlint rules'")
        check_keys({"severity": None, **settings.options}, {"severity": None, **rule.options},
                   f"{source}: [rules.{key}]")
        for name, given in settings.options.items():
            check_type(given, rule.options[name], f"{source}: [rules.{key}] {name}")
        result[rule.code] = settings
    return result


def _lookup(key: str, rules: Sequence[Rule] | None) -> Rule | None:
    if rules is None:
        return registry.lookup(key)
    return next((r for r in rules if key in (r.code, r.name) or key.upper() == r.code), None)
