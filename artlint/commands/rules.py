"""`artlint rules` and `artlint explain`: the rule metadata, printed."""

from __future__ import annotations

import json
import sys
import textwrap

from artlint import rules as registry
from artlint.rules.base import SECTION_TITLES, Rule


def list_rules(output_format: str = "text") -> int:
    rules = registry.all_rules()
    if output_format == "json":
        json.dump([_as_dict(r) for r in rules], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for rule in rules:
        fix = {"none": "", "safe": " [fix]", "unsafe": " [unsafe fix]", "sometimes": " [fix]"}[rule.fix]
        state = "" if rule.enabled else " (off by default)"
        sys.stdout.write(f"{rule.code:7} {rule.name:32} {rule.severity!s:8} {rule.summary}{fix}{state}\n")
    return 0


def _as_dict(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "severity": str(rule.severity),
        "fix": rule.fix,
        "enabled": rule.enabled,
        "options": dict(rule.options),
    }


def explain_rule(key: str) -> int:
    rule = registry.lookup(key)
    if rule is None:
        print(f"artlint: no rule has the code or name {key!r}; see 'artlint rules'", file=sys.stderr)
        return 2
    sys.stdout.write(render(rule, markdown=False))
    return 0


def render(rule: Rule, markdown: bool = True) -> str:
    """A rule's documentation; the same text feeds `explain` and docs/rules.md."""
    sections = sections_of(rule.doc)
    fixes = {"none": "no", "safe": "yes (safe)", "unsafe": "only with --unsafe-fixes",
             "sometimes": "yes, when it is safe"}[rule.fix]
    head = f"{rule.code} {rule.name}" if not markdown else f"## {rule.code} `{rule.name}`"
    out = [head, "", rule.summary + ".", ""]
    out.append(f"Default severity: {rule.severity}. Fix available: {fixes}."
               + ("" if rule.enabled else " Off by default; turn it on with select."))
    out.append("")
    for title in SECTION_TITLES:
        body = sections.get(title)
        if title == "Options" and not body and rule.options:
            body = "\n".join(f"- `{k}` (default `{v!r}`)" for k, v in rule.options.items())
        if not body:
            continue
        out.append(f"### {title}" if markdown else f"{title}:")
        if markdown and title in ("Example", "Use instead"):
            out += ["", "```markdown", body, "```", ""]
        else:
            out += ["", body if markdown else _indent(body), ""]
    return "\n".join(out).rstrip() + "\n"


def sections_of(doc: str) -> dict[str, str]:
    """The docstring's sections, each dedented with its inner indentation kept (examples need it)."""
    found: dict[str, list[str]] = {}
    current = "summary"
    for line in doc.splitlines():
        if line.strip().endswith(":") and line.strip()[:-1] in SECTION_TITLES and not line[:1].isspace():
            current = line.strip()[:-1]
            found[current] = []
            continue
        found.setdefault(current, []).append(line)
    return {k: textwrap.dedent("\n".join(v)).strip("\n").rstrip() for k, v in found.items()}


def _indent(text: str) -> str:
    return "\n".join("    " + line if line.strip() else "" for line in text.splitlines())
