"""A `rel` value that is not a link type, such as `rel="dofollow"`.

What it does:
    Reports `rel` tokens on `<a>` and `<area>` that HTML does not define (`dofollow`, `follow`,
    typos). The safe fix removes the token, or the whole attribute when nothing else is left;
    browsers and search engines ignore unknown tokens, so nothing changes for readers.

Why is this bad:
    "dofollow" is an SEO myth: links are followed unless they say `nofollow`. The token is noise
    that validators flag, and it hides real link types among made-up ones.

Example:
    <a href="https://example.com" rel="dofollow">example</a>

Use instead:
    <a href="https://example.com">example</a>

Options:
    extra_link_types: further tokens to accept (for a site's own conventions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.model.diagnostics import (
    Edit,
    Finding,
    Fix,
    Severity,
)
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT108"
NAME = "invalid-rel"
SUMMARY = "Link rel value is not a link type"
SEVERITY = Severity.WARNING
FIX = "safe"
OPTIONS: dict[str, list[str]] = {"extra_link_types": []}

LINK_TYPES = frozenset(
    str.split("""alternate author bookmark external help license next nofollow noopener noreferrer opener
    prev search tag sponsored ugc me privacy-policy terms-of-service""")
)
_TOKEN = re.compile(r"\S+")


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    extra = {str(t).lower() for t in ctx.options.get("extra_link_types") or ()}
    for _, element in _html.elements(ctx):
        rel = element.attr("rel")
        if element.tag not in ("a", "area") or rel is None or rel.value is None:
            continue
        raw = doc.text[rel.value_start : rel.value_end]
        tokens = list(_TOKEN.finditer(raw))
        bad = [t for t in tokens if t.group().lower() not in LINK_TYPES | extra]
        if not bad:
            continue
        if len(bad) == len(tokens):
            edits: tuple[Edit, ...] = (_html.remove_attribute(doc, rel),)
        else:
            kept = " ".join(t.group() for t in tokens if t not in bad)
            edits = (Edit(rel.value_start, rel.value_end, kept),)
        names = ", ".join(repr(t.group()) for t in bad)
        line, column = doc.position(rel.value_start + bad[0].start())
        yield Finding(
            line, column, f"rel on <{element.tag}> has {names}, which is not a link type",
            fix=Fix(edits, f"remove {names} from rel"),
        )
