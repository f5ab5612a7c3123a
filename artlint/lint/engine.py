"""Run the rules over a Document: select, stamp code and severity, honour directives, sort."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from artlint import rules as registry
from artlint.config.loading import RuleSettings, Settings
from artlint.discovery.globs import matches_any
from artlint.model.diagnostics import INTERNAL_CODE, INTERNAL_NAME, Diagnostic, Finding, Severity
from artlint.model.document import Directive, Document
from artlint.rules.base import Context, Rule

LIMIT_CODE = "AL002"
LIMIT_NAME = "limit-exceeded"


class RuleCrash(Diagnostic):
    """A rule raised: reported like a finding so the other rules and files still run."""


def selected_rules(
    settings: Settings, path: str, rules: Sequence[Rule] | None = None
) -> list[tuple[Rule, RuleSettings]]:
    """The rules that run on `path`, each with its settings; `rules`: the candidates (default:
    every registered rule)."""
    if settings.overrides:
        return _selected(settings, settings.relative(path), rules)
    # Without overrides every file gets the same rules: choose them once per run.
    last = _LAST_CHOICE.get("everywhere")
    if last is None or last[0] is not settings or last[1] is not rules:
        last = (settings, rules, _selected(settings, "", rules))
        _LAST_CHOICE["everywhere"] = last
    return list(last[2])


_LAST_CHOICE: dict[str, tuple[Settings, Sequence[Rule] | None, list[tuple[Rule, RuleSettings]]]] = {}


def _selected(
    settings: Settings, rel: str, rules: Sequence[Rule] | None
) -> list[tuple[Rule, RuleSettings]]:
    select, extend, ignore = settings.select, list(settings.extend_select), list(settings.ignore)
    rule_settings: dict[str, RuleSettings] = dict(settings.rules)
    for override in settings.overrides:
        if not matches_any(override.files, rel):
            continue
        if override.select is not None:
            select = override.select
        extend += override.extend_select
        ignore += override.ignore
        for code, extra in override.rules.items():
            base = rule_settings.get(code, RuleSettings())
            rule_settings[code] = RuleSettings(
                extra.severity or base.severity, {**base.options, **extra.options}
            )
    chosen = []
    for rule in registry.all_rules() if rules is None else rules:
        on = rule.enabled if select is None else any(registry.matches(rule, s) for s in select)
        on = on or any(registry.matches(rule, s) for s in extend)
        if on and not any(registry.matches(rule, s) for s in ignore):
            chosen.append((rule, rule_settings.get(rule.code, RuleSettings())))
    return chosen


def check_document(
    doc: Document, settings: Settings, debug: bool = False, rules: Sequence[Rule] | None = None
) -> list[Diagnostic]:
    """Diagnostics of `doc`; `rules`: the rules to choose from (default: the registry)."""
    cache: dict[str, Any] = {}
    results: list[Diagnostic] = []
    for rule, configured in selected_rules(settings, doc.path, rules):
        options: Mapping[str, Any] = {**rule.options, **configured.options}
        context = Context(doc, options, settings, cache)
        severity = configured.severity or rule.severity
        try:
            results.extend(_stamp(doc, rule, severity, rule.check(context)))
        except Exception as exc:  # a rule bug must not stop the other rules or files
            if debug:
                import traceback  # loaded for a crashing rule only

                traceback.print_exc()
            results.append(
                RuleCrash(
                    doc.path, 1, 1, INTERNAL_CODE, INTERNAL_NAME, Severity.ERROR,
                    f"rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}",
                )
            )
    for problem in doc.limit_problems:  # not a rule: a bound the file goes over is always said
        results.append(Diagnostic(doc.path, problem.line, problem.column, LIMIT_CODE, LIMIT_NAME,
                                  Severity.WARNING, problem.message))
    # A key, not Diagnostic ordering: RuleCrash and Diagnostic instances do not compare.
    kept = apply_directives(results, doc.directives, rules)
    return sorted(kept, key=lambda d: (d.path, d.line, d.column, d.code))


def _stamp(
    doc: Document, rule: Rule, severity: Severity, findings: Iterable[Finding]
) -> Iterable[Diagnostic]:
    for f in findings:
        if doc.opaque and _in_template(doc, f):
            continue  # template syntax is the generator's, not text the reader sees
        yield Diagnostic(
            path=doc.path, line=f.line, column=f.column, code=rule.code, name=rule.name,
            severity=severity, message=f.message, end_line=f.end_line, end_column=f.end_column,
            pointer=f.pointer, fix=f.fix,
        )


def _in_template(doc: Document, finding: Finding) -> bool:
    from artlint.parsing.templates import inside

    offset = doc.lines.offset(finding.line, finding.column)
    return offset >= doc.body_offset and inside(doc.opaque, offset)


def _names(names: tuple[str, ...], diagnostic: Diagnostic, rules: Sequence[Rule] | None) -> bool:
    if not names:
        return True
    if rules is None:
        rule = registry.lookup(diagnostic.code)
    else:
        rule = next((r for r in rules if r.code == diagnostic.code), None)
    if rule is None:
        return diagnostic.code in names
    return any(registry.matches(rule, r) for r in names)


def apply_directives(
    diagnostics: list[Diagnostic], directives: list[Directive], rules: Sequence[Rule] | None = None
) -> list[Diagnostic]:
    """Drop what `<!-- artlint-disable ... -->` comments silence."""
    if not directives:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        if diagnostic.code == INTERNAL_CODE or not _silenced(diagnostic, directives, rules):
            kept.append(diagnostic)
    return kept


def _silenced(diagnostic: Diagnostic, directives: list[Directive], rules: Sequence[Rule] | None) -> bool:
    disabled = False
    for d in directives:
        if not _names(d.rules, diagnostic, rules):
            continue
        if d.action == "disable-file":
            return True
        if d.action == "disable-next-line" and diagnostic.line == d.line + 1:
            return True
        if d.line <= diagnostic.line:
            if d.action == "disable":
                disabled = True
            elif d.action == "enable":
                disabled = False
    return disabled
