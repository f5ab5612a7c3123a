"""The typed settings tables, `[links]` and `[convert]`: their keys, defaults and valid values.

Each table is read and checked once, when the configuration loads; a bad value is a ConfigError
(exit 2) naming the key and what it accepts. The packages that use a table get a frozen object
whose values are already right, so they never check them again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from artlint.config.values import ConfigError, check_keys

# Heading id styles of the site generators: GitHub, Jekyll (kramdown GFM), Hugo (goldmark).
SLUG_STYLES = ("github", "jekyll", "hugo", "kramdown")
# Colour and background spans: "text" keeps their text, "drop" removes them with their text,
# "mark" wraps background colours in <mark>, "emphasis" turns coloured text into *emphasis*.
SPAN_MODES = ("text", "drop", "mark", "emphasis")
# Embedded frames: "html" keeps them as sanitised HTML, "link" turns each into a link.
IFRAME_MODES = ("html", "link")
USER_AGENT = "Mozilla/5.0 (compatible; artlint link checker; +https://github.com/artlint/artlint)"


class LinksSettings(NamedTuple):
    """`[links]`: offline checking (the first four keys) and the online checker (the rest)."""

    # Folder that root-relative links ("/img/a.png") resolve against, relative to the config
    # root; empty: root-relative links are not checked.
    site_root: str = ""
    # The site's own address ("https://example.com/blog"); links to it are checked locally.
    base_url: str = ""
    slug: str = "github"
    # Front-matter keys whose value is a URL or a path.
    front_matter_fields: tuple[str, ...] = ("image", "feature_image")
    external: bool = False  # same as `artlint check --external`
    cache: bool = True  # reuse good results (`--no-cache` turns it off)
    allow_private: bool = False  # request private and loopback addresses (`--allow-private`)
    timeout: float = 15.0  # seconds for one request, connecting included
    connect_timeout: float = 5.0
    concurrency: int = 32  # requests in flight at once
    per_host: int = 8  # requests in flight to one host
    spacing: float = 0.0  # seconds between two request starts to one host
    retries: int = 2  # extra attempts after a timeout, reset, 429 or 5xx
    backoff: float = 0.5  # first retry delay in seconds; doubles, with jitter
    max_retry_after: float = 30.0  # longest Retry-After to wait for; longer gives up
    max_redirects: int = 10
    accepted_status: frozenset[int] = frozenset(range(200, 300))  # from codes, ranges, classes
    exclude: tuple[re.Pattern[str], ...] = ()  # searched in the URL
    # host -> header -> value as written ($NAME is read from the environment when used)
    headers: Mapping[str, Mapping[str, str]] = MappingProxyType({})
    unverifiable_is_error: bool = False  # report LK202 (bot walls, timeouts) as errors
    cache_dir: str = ""  # default: the user cache folder
    cache_max_age_days: float = 7.0
    user_agent: str = USER_AGENT


class ConvertSettings(NamedTuple):
    """`[convert]`."""

    spans: str = "text"
    iframes: str = "html"
    tistory_markup: bool = False  # markdown -> blog: add the editor's data-ke-* attributes
    normalize_front_matter: bool = False  # re-emit front matter from its data, not its text
    verify: bool = True  # refuse to write when the output's meaning differs from the input's
    allowed_tags: tuple[str, ...] = ()  # sanitiser allowlist; empty: the built-in lists
    allowed_attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    jobs: int = 0  # worker processes for archives; 0: one per core
    # The engine the Markdown output is written for: a flavour name, or "portable" (reads the same
    # under CommonMark/GFM, kramdown and goldmark); empty means the source site's. The name is
    # checked against the flavours where conversion starts (configuration imports nothing above it).
    flavor: str = ""


class SiteSettings(NamedTuple):
    """`[site]`: what the site detection finds, and what overrides it."""

    # Walk up from each file to its generator's configuration (_config.yml, hugo.toml, ...).
    detect: bool = True
    # Folder root-relative links ("/img/a.png") resolve against, relative to the config file;
    # empty: the detected site's root.
    root: str = ""
    # Folders served at the site root (Hugo static/, Astro public/), relative to the config file:
    # `static` replaces the detected ones, `extend-static` adds to them.
    static: tuple[str, ...] = ()
    extend_static: tuple[str, ...] = ()
    # The path the site is served under ("/blog"); empty: the detected one.
    baseurl: str = ""
    # Files the generator does not publish (drafts, _posts without a date): "check" or "skip".
    unpublished: str = "check"


UNPUBLISHED = ("check", "skip")


Reader = Callable[[Any, str], Any]


def _choice(valid: tuple[str, ...]) -> Reader:
    def read(value: Any, where: str) -> str:
        if value not in valid:
            raise ConfigError(f"{where}: expected one of {', '.join(valid)}; got {value!r}")
        return str(value)

    return read


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, got {value!r}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {value!r}")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{where}: expected a number of at least 0, got {value!r}")
    return float(value)


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: expected a whole number of at least 0, got {value!r}")
    return value


def _at_least_one(value: Any, where: str) -> int:
    return max(1, _count(value, where))


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _url(value: Any, where: str) -> str:
    text = _str(value, where)
    try:
        urlsplit(text if "//" in text else "//" + text)
    except ValueError as exc:
        raise ConfigError(f"{where}: {text!r} is not an address: {exc}") from None
    return text


def parse_statuses(value: Any, where: str) -> frozenset[int]:
    """Status codes from 200, "200", "200-299" or "2xx"."""
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list, got {value!r}")
    codes: set[int] = set()
    for item in value:
        text = str(item).strip().lower()
        if re.fullmatch(r"[1-5]xx", text):
            first = int(text[0]) * 100
            codes.update(range(first, first + 100))
        elif m := re.fullmatch(r"(\d{3})\s*-\s*(\d{3})", text):
            codes.update(range(int(m[1]), int(m[2]) + 1))
        elif re.fullmatch(r"\d{3}", text):
            codes.add(int(text))
        else:
            raise ConfigError(f"{where}: cannot read {item!r} (use 200, '200-299' or '2xx')")
    return frozenset(codes)


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of regular expressions")
    try:
        return tuple(re.compile(v) for v in value)
    except re.error as exc:
        raise ConfigError(f"{where}: invalid regular expression {exc.pattern!r}: {exc}") from None


def _headers(value: Any, where: str) -> dict[str, dict[str, str]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table of host = {{ header = value }}")
    result: dict[str, dict[str, str]] = {}
    for host, table in value.items():
        if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f"{where}.{host}: expected a table of header = \"value\"")
        result[str(host)] = {str(k): v for k, v in table.items()}
    return result


def _tags(value: Any, where: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _strings(value, where))


def _attributes(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table of tag = [attribute names]")
    return tuple((str(tag).lower(), _strings(names, f"{where}.{tag}")) for tag, names in value.items())


LINKS_KEYS: dict[str, Reader] = {
    "site_root": _str,
    "base_url": _url,
    "slug": _choice(SLUG_STYLES),
    "front_matter_fields": _strings,
    "external": _bool,
    "cache": _bool,
    "allow_private": _bool,
    "timeout": _number,
    "connect_timeout": _number,
    "concurrency": _at_least_one,
    "per_host": _at_least_one,
    "spacing": _number,
    "retries": _count,
    "backoff": _number,
    "max_retry_after": _number,
    "max_redirects": _count,
    "accepted_status": parse_statuses,
    "exclude": _patterns,
    "headers": _headers,
    "unverifiable_is_error": _bool,
    "cache_dir": _str,
    "cache_max_age_days": _number,
    "user_agent": _str,
}

# The table's keys are kebab-case; the attributes they fill are snake_case.
CONVERT_KEYS: dict[str, Reader] = {
    "spans": _choice(SPAN_MODES),
    "iframes": _choice(IFRAME_MODES),
    "tistory-markup": _bool,
    "normalize-front-matter": _bool,
    "verify": _bool,
    "allowed-tags": _tags,
    "allowed-attributes": _attributes,
    "jobs": _count,
    "flavor": _str,
}


def _read(value: Any, name: str, keys: Mapping[str, Reader], source: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: '{name}' must be a table")
    check_keys(value, keys, f"{source}: [{name}]")
    return {
        key.replace("-", "_"): keys[key](given, f"{source}: [{name}] {key}") for key, given in value.items()
    }


def read_links(value: Any, source: str) -> LinksSettings:
    return LinksSettings(**_read(value, "links", LINKS_KEYS, source))


SITE_KEYS: dict[str, Reader] = {
    "detect": _bool,
    "root": _str,
    "static": _strings,
    "extend-static": _strings,
    "baseurl": _str,
    "unpublished": _choice(UNPUBLISHED),
}


def read_site(value: Any, source: str) -> SiteSettings:
    return SiteSettings(**_read(value, "site", SITE_KEYS, source))


def read_convert(value: Any, source: str) -> ConvertSettings:
    return ConvertSettings(**_read(value, "convert", CONVERT_KEYS, source))
