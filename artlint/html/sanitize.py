"""The one place that sanitises HTML (with nh3): what conversion writes as HTML passes through here.

The allowlist is data so a user can widen or narrow it from the [convert] settings table
(`allowed-tags`, `allowed-attributes`); an empty setting means the built-in list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from artlint.html.vocabulary import CLEAN_CONTENT, KEPT_ATTRIBUTES, KEPT_TAGS, URL_SCHEMES


@dataclass(frozen=True)
class Allowlist:
    tags: frozenset[str] = KEPT_TAGS
    attributes: Mapping[str, frozenset[str]] = field(default_factory=lambda: dict(KEPT_ATTRIBUTES))

    def with_tags(self, extra: Iterable[str]) -> Allowlist:
        return Allowlist(self.tags | frozenset(extra), self.attributes)


def allowlist(tags: Iterable[str] = (), attributes: Mapping[str, Iterable[str]] | None = None) -> Allowlist:
    """The allowlist from settings: given tags/attributes replace the built-in ones."""
    chosen_tags = frozenset(t.lower() for t in tags) or KEPT_TAGS
    chosen_attrs = (
        {k.lower(): frozenset(v) for k, v in attributes.items()} if attributes else dict(KEPT_ATTRIBUTES)
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
