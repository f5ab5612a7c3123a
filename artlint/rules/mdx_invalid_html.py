"""HTML that is not valid in MDX, where HTML is JSX and braces are expressions.

What it does:
    In `.mdx` files (and on sites configured with the mdx flavour), reports void elements
    that are not self-closed (`<br>`, `<img src="a.png">`), `style="..."` strings (JSX wants an
    object: `style={{color: "red"}}`), HTML comments (`<!-- -->`), and a `{` or `}` in text that
    opens or closes no expression. Code is not looked at.

Why is this bad:
    The MDX compiler stops at the first of them: the page does not build, or the build fails
    for the whole site.

Example:
    Line one<br>
    <!-- draft -->
    <span style="color: red">Set {x</span>

Use instead:
    Line one<br />
    {/* draft */}
    <span style={{color: "red"}}>Set \\{x</span>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "HT120"
NAME = "mdx-invalid-html"
SUMMARY = "HTML that is not valid in MDX"
SEVERITY = Severity.ERROR
EXAMPLE_FLAVOR = "mdx"  # the engine this rule is about, for the documentation examples

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_COMMENT = re.compile(r"<!--")
_BRACE = re.compile(r"[{}]")


def check(ctx: Context) -> Iterator[Finding]:
    doc = ctx.document
    if doc.flavor is None or doc.flavor.name != "mdx":
        return
    for element in doc.elements:
        if element.tag in _VOID and not element.self_closing:
            yield Finding(element.line, element.column,
                          f"<{element.tag}> must be self-closed in MDX: <{element.tag} />")
        style = element.attr("style")
        if style is not None and style.value is not None and not style.value.startswith("{"):
            yield Finding(style.line, style.column,
                          'style="..." is a string; MDX (JSX) wants an object: style={{...}}')
    from artlint.parsing.templates import inside

    for token in doc.tokens:
        if token.map is None:
            continue
        if token.type == "html_block" or (token.type == "inline" and "<!--" in token.content):
            start = doc.lines.offset(doc.body_line + token.map[0])
            end = doc.lines.offset(doc.body_line + token.map[1])
            for match in _COMMENT.finditer(doc.text, start, end):
                if _in_code(doc.code_spans, match.start()):
                    continue
                line, column = doc.position(match.start())
                yield Finding(line, column, "HTML comments are not valid in MDX: write {/* ... */}")
        if token.type == "inline" and ("{" in token.content or "}" in token.content):
            span = doc.token_offsets(token)
            if span is None:
                continue
            for match in _BRACE.finditer(doc.text, span[0], span[1]):
                at = match.start()
                if inside(doc.opaque, at) or _in_code(doc.code_spans, at) or doc.text[at - 1 : at] == "\\":
                    continue
                line, column = doc.position(at)
                yield Finding(line, column, f"a stray {match.group()!r} in MDX text opens or closes no "
                                            f"expression: write \\{match.group()}")


def _in_code(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)
