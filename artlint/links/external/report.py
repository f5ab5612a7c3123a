"""A verdict on a URL turned into a diagnostic at one link, with a fix for permanent redirects."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from artlint.api import FileResult
from artlint.links.external.verdict import Outcome, Verdict
from artlint.model.diagnostics import (
    Diagnostic,
    Edit,
    Fix,
    Severity,
)
from artlint.model.document import Link

BROKEN, UNVERIFIABLE, REDIRECT, PRIVATE = "LK201", "LK202", "LK203", "LK204"
CODES = (BROKEN, UNVERIFIABLE, REDIRECT, PRIVATE)
NAMES = {
    BROKEN: "external-link-broken",
    UNVERIFIABLE: "external-link-unverifiable",
    REDIRECT: "external-link-redirect",
    PRIVATE: "external-link-private",
}
# Characters that would end a Markdown link destination or an HTML attribute value early.
UNSAFE = frozenset(" \t\r\n\"'<>()[]`\\")


def diagnostic(
    result: FileResult, link: Link, verdict: Verdict, severities: Mapping[str, Severity]
) -> Diagnostic | None:
    """The diagnostic for one link, or None when it is fine or its rule is not selected."""
    code, message, fix = _finding(result, link, verdict)
    if code is None or code not in severities:
        return None
    end_column = link.column + (link.end - link.start) if link.end > link.start else None
    return Diagnostic(
        path=result.path,
        line=link.line,
        column=link.column,
        code=code,
        name=NAMES[code],
        severity=severities[code],
        message=message,
        end_line=link.line if end_column else None,
        end_column=end_column,
        fix=fix,
    )


def _finding(result: FileResult, link: Link, verdict: Verdict) -> tuple[str | None, str, Fix | None]:
    url = link.url.strip()
    if verdict.outcome is Outcome.BROKEN:
        return BROKEN, f"broken link {url}: {verdict.detail}{_via(verdict)}", None
    if verdict.outcome is Outcome.UNVERIFIABLE:
        return UNVERIFIABLE, f"cannot verify {url}: {verdict.detail}{_via(verdict)}", None
    if verdict.outcome is Outcome.PRIVATE:
        return PRIVATE, f"not checked: {verdict.detail}; --allow-private checks it", None
    target = verdict.permanent_target
    if target is None:
        return None, "", None
    new = rewritten(url, target)
    message = f"permanent redirect ({verdict.permanent_status}) from {url} to {new or target}"
    return REDIRECT, message, _fix(result, link, new)


def _fix(result: FileResult, link: Link, new: str | None) -> Fix | None:
    """An edit of the link's own text, only when that text is the URL as written."""
    if new is None or result.text is None or link.end <= link.start:
        return None
    raw = result.text[link.start : link.end]
    if raw != link.url:
        # An HTML attribute holds the URL with & written as &amp;: write the new one alike.
        if raw != link.url.replace("&", "&amp;"):
            return None
        new = new.replace("&", "&amp;")
    return Fix((Edit(link.start, link.end, new),), f"Replace with {new}", safe=True)


def _via(verdict: Verdict) -> str:
    if not verdict.hops or verdict.detail.startswith(("redirect loop", "more than")):
        return ""
    return f" (redirected to {verdict.hops[-1].target})"


def rewritten(original: str, target: str) -> str | None:
    """The address to write instead: the target with the original #fragment, if safe to write."""
    fragment = urlsplit(original).fragment
    new = target
    if fragment and "#" not in target:
        new = f"{target}#{fragment}"
    if not original.isascii():
        # The article spells addresses readably (e.g. Korean paths): keep that style.
        from yarl import URL

        readable = URL(new).human_repr()
        if not UNSAFE.intersection(readable):
            new = readable
    if UNSAFE.intersection(new) or new == original:
        return None
    return new
