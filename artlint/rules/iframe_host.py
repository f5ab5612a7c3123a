"""An iframe from a host outside the allowlist.

What it does:
    Reports `<iframe>` elements whose `src` host is not on the allowlist (YouTube, Vimeo and a
    few other well-known players by default; subdomains of a listed host count), and iframes
    without a `src`. Relative URLs are same-site and accepted.

Why is this bad:
    An iframe runs another site's code inside the page. Unknown embeds track readers, break
    when the host goes away, and are stripped by many platforms and sanitisers.

Example:
    <iframe src="https://ads.example.net/widget"></iframe>

Use instead:
    <iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Talk"></iframe>

Options:
    allowed_hosts: hosts whose iframes are accepted.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context
from artlint.rules.helpers import html as _html

CODE = "HT113"
NAME = "iframe-host"
SUMMARY = "Iframe from a host outside the allowlist"
SEVERITY = Severity.WARNING
OPTIONS = {
    "allowed_hosts": [
        "youtube.com", "youtube-nocookie.com", "youtu.be", "player.vimeo.com",
        "codepen.io", "codesandbox.io", "gist.github.com", "docs.google.com",
        "www.google.com", "open.spotify.com", "w.soundcloud.com", "slideshare.net",
        "speakerdeck.com", "player.twitch.tv", "tv.naver.com", "play-tv.kakao.com",
    ],
}


def allowed(host: str, hosts: set[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)


def check(ctx: Context) -> Iterator[Finding]:
    hosts = {str(h).lower() for h in ctx.options.get("allowed_hosts") or ()}
    for _, element in _html.elements(ctx):
        if element.tag != "iframe":
            continue
        src = (element.get("src") or "").strip()
        if not src:
            yield Finding(element.line, element.column, "<iframe> without src")
            continue
        try:
            host = urlsplit(src if "//" in src else "").hostname or ""
        except ValueError:
            host = ""
        if host and not allowed(host, hosts):
            yield Finding(element.line, element.column, f"<iframe> from {host}, which is not allowed")
