"""The one place that sanitises HTML (with nh3): what conversion writes as HTML passes through here.

The allowlist is data so a user can widen or narrow it from the [convert] settings table
(`allowed-tags`, `allowed-attributes`); an empty setting means the built-in list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Structure and inline markup an article needs; nothing that styles, scripts or embeds by itself.
DEFAULT_TAGS: frozenset[str] = frozenset(
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
        "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
        "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "u", "ul",
    ]
)
DEFAULT_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start"}),
    "code": frozenset({"class"}),
    "iframe": frozenset({"src", "title", "width", "height", "allowfullscreen"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp", "irc", "ircs", "news", "sms", "xmpp"})
# Removed with their content, not just unwrapped.
CLEAN_CONTENT = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True)
class Allowlist:
    tags: frozenset[str] = DEFAULT_TAGS
    attributes: Mapping[str, frozenset[str]] = field(default_factory=lambda: dict(DEFAULT_ATTRIBUTES))

    def with_tags(self, extra: Iterable[str]) -> Allowlist:
        return Allowlist(self.tags | frozenset(extra), self.attributes)


def allowlist(tags: Iterable[str] = (), attributes: Mapping[str, Iterable[str]] | None = None) -> Allowlist:
    """The allowlist from settings: given tags/attributes replace the built-in ones."""
    chosen_tags = frozenset(t.lower() for t in tags) or DEFAULT_TAGS
    chosen_attrs = (
        {k.lower(): frozenset(v) for k, v in attributes.items()} if attributes else dict(DEFAULT_ATTRIBUTES)
    )
    return Allowlist(chosen_tags, chosen_attrs)


def clean(html: str, allow: Allowlist | None = None) -> str:
    """Sanitised HTML: unknown tags unwrapped, scripts and styles removed, no rel added to links."""
    import nh3

    allow = allow or Allowlist()
    attributes = {tag: set(names) for tag, names in allow.attributes.items() if tag in allow.tags}
    return str(
        nh3.clean(
            html,
            tags=set(allow.tags),
            clean_content_tags=set(CLEAN_CONTENT - allow.tags),
            attributes=attributes,
            link_rel=None,
            url_schemes=set(URL_SCHEMES),
            strip_comments=True,
        )
    )
