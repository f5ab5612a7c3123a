"""Defaults of the external (online) link settings, part of the [links] table.

    [links]
    external = true                  # same as `artlint check --external`
    timeout = 15.0                   # seconds for one request, connecting included
    connect_timeout = 5.0            # seconds to open a connection
    concurrency = 32                 # requests in flight at once
    per_host = 8                     # requests in flight to one host
    spacing = 0.0                    # seconds between two request starts to one host (429 slows a host)
    retries = 2                      # extra attempts after a timeout, reset, 429 or 5xx
    backoff = 0.5                    # first retry delay in seconds; doubles, with jitter
    max_retry_after = 30.0           # longest Retry-After to wait for; longer gives up
    max_redirects = 10
    accepted_status = ["2xx"]        # codes, ranges ("200-299") or classes ("2xx")
    exclude = ['^https://example\\.com/']   # regular expressions searched in the URL
    unverifiable_is_error = false    # report LK202 (bot walls, timeouts) as errors
    cache = true                     # reuse good results (`--no-cache` turns it off)
    cache_dir = ""                   # default: the user cache folder (~/.cache/artlint)
    cache_max_age_days = 7.0         # good results are re-checked after 80-100% of this (jitter)
    allow_private = false            # request private and loopback addresses (`--allow-private`)
    user_agent = "..."

    # Extra request headers per host ("*.example.com" covers subdomains), sent over https only
    # and never to another host a redirect leads to; $NAME is read from the environment, and a
    # header whose variable is unset is left out.
    [links.headers."api.github.com"]
    Authorization = "Bearer $GITHUB_TOKEN"
"""

from __future__ import annotations

from typing import Any

USER_AGENT = "Mozilla/5.0 (compatible; artlint link checker; +https://github.com/artlint/artlint)"

EXTERNAL: dict[str, Any] = {
    "external": False,
    "cache": True,
    "allow_private": False,
    "timeout": 15.0,
    "connect_timeout": 5.0,
    "concurrency": 32,
    "per_host": 8,
    "spacing": 0.0,
    "retries": 2,
    "backoff": 0.5,
    "max_retry_after": 30.0,
    "max_redirects": 10,
    "accepted_status": ["2xx"],
    "exclude": [],
    "headers": {},
    "unverifiable_is_error": False,
    "cache_dir": "",
    "cache_max_age_days": 7.0,
    "user_agent": USER_AGENT,
}
