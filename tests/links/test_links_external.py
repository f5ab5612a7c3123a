"""The online link check against servers started here, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult
from linkserver import Server

from artlint.api import check_bytes
from artlint.config.loading import from_mapping
from artlint.links.external.config import ExternalConfig
from artlint.links.external.run import attach
from artlint.links.external.verdict import Outcome
from artlint.links.http.run import check_urls

FAST = {"timeout": 0.5, "connect_timeout": 0.5, "retries": 1, "backoff": 0.01, "spacing": 0.0}


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(srv.start(), srv.loop).result(5)
    yield srv
    asyncio.run_coroutine_threadsafe(srv.runner.cleanup(), srv.loop).result(5)
    srv.loop.call_soon_threadsafe(srv.loop.stop)
    thread.join(5)


class FakeDNS(AbstractResolver):
    """Answers from a table, so no test asks a real name server."""

    TABLE: ClassVar[dict[str, str]] = {
        "localhost": "127.0.0.1",
        "metadata.test": "169.254.169.254",
        "public.test": "127.0.0.1",
        "intranet.test": "127.0.0.2",
    }

    def __init__(self) -> None:
        self.asked: Counter[str] = Counter()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked[host] += 1
        if host not in self.TABLE:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        address = self.TABLE[host]
        return [{"hostname": host, "host": address, "port": port, "family": family, "proto": 0, "flags": 0}]

    async def close(self) -> None:
        return None


def _config(**changes: Any) -> ExternalConfig:
    values: dict[str, Any] = {**FAST, "allow_private": True, "cache": False, **changes}
    return ExternalConfig(**values)


def test_each_situation_gets_its_verdict(server: Server) -> None:
    paths = [
        "/ok", "/missing", "/gone", "/forbidden", "/linkedin", "/moved", "/temporary", "/loop-a",
        "/limited", "/limited-long", "/always-limited", "/flaky", "/no-head", "/head-404", "/silent", "/huge",
    ]
    urls = [server.url(p) for p in paths] + [
        f"http://127.0.0.1:{server.reset_port}/reset",
        "http://dead.test/page",
    ]
    verdicts = check_urls(urls, _config(), resolver=FakeDNS())
    got = {url.split("/")[-1]: (v.outcome, v.detail) for url, v in verdicts.items()}

    assert got["ok"] == (Outcome.OK, "200 OK")
    assert got["missing"] == (Outcome.BROKEN, "404 Not Found")
    assert got["gone"] == (Outcome.BROKEN, "410 Gone")
    assert got["page"] == (Outcome.BROKEN, "host not found: dead.test")
    assert got["loop-a"][0] is Outcome.BROKEN
    a, b = server.url("/loop-a"), server.url("/loop-b")
    assert got["loop-a"][1] == f"redirect loop: {a} -> {b} -> {a}"
    assert got["forbidden"] == (Outcome.UNVERIFIABLE, "403 Forbidden (the site may block link checkers)")
    assert got["linkedin"][0] is Outcome.UNVERIFIABLE
    assert got["limited-long"] == (Outcome.UNVERIFIABLE, "429 Too Many Requests (asked to wait 3600 s)")
    assert got["always-limited"] == (Outcome.UNVERIFIABLE, "429 Too Many Requests after 2 attempts")
    assert got["silent"] == (Outcome.UNVERIFIABLE, "no answer within 0.5 s")
    assert got["reset"] == (Outcome.UNVERIFIABLE, "connection reset by the server")
    for fine in ("limited", "flaky", "no-head", "head-404", "temporary", "huge", "moved"):
        assert got[fine][0] is Outcome.OK, (fine, got[fine])


def test_redirects_are_followed_and_the_permanent_run_is_kept(server: Server) -> None:
    verdicts = check_urls([server.url("/moved"), server.url("/temporary")], _config())
    moved = verdicts[server.url("/moved")]
    assert [h.status for h in moved.hops] == [301, 308]
    assert moved.permanent_target == server.url("/ok?from=moved")
    temporary = verdicts[server.url("/temporary")]
    assert temporary.outcome is Outcome.OK and temporary.permanent_target is None


def test_retry_after_is_waited_for_and_503_is_retried(server: Server) -> None:
    verdicts = check_urls([server.url("/limited?t=1"), server.url("/flaky?t=1")], _config())
    assert verdicts[server.url("/limited?t=1")].outcome is Outcome.OK
    first, second = server.times["/limited?t=1"]
    assert second - first >= 0.9  # the server asked for one second
    assert server.count("/flaky?t=1") == 2


def test_head_refusal_falls_back_to_get_once_per_host(server: Server) -> None:
    check_urls([server.url("/no-head?t=1")], _config(concurrency=1))
    assert server.hits["HEAD /no-head?t=1"] == 1 and server.hits["GET /no-head?t=1"] == 1


def test_a_huge_body_is_not_downloaded(server: Server) -> None:
    verdict = check_urls([server.url("/huge?t=1")], _config())[server.url("/huge?t=1")]
    assert verdict.outcome is Outcome.OK
    deadline = time.monotonic() + 5
    while server.huge_sent is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.huge_sent is not None
    assert server.huge_sent < 32 * 1024 * 1024  # of 256 MiB: the client hung up early


def test_an_unreachable_host_is_given_up_on_once(server: Server) -> None:
    dns = FakeDNS()
    dead = [f"http://dead.test/{i}" for i in range(5)]
    silent = [server.url(f"/silent?t=down{i}") for i in range(5)]
    # On a host that answered once, slow pages do not condemn the others.
    slow = [server.url(f"/silent?t=slow{i}", host="localhost") for i in range(4)]
    urls = [*dead, *silent, server.url("/ok?t=up", host="localhost"), *slow]
    verdicts = check_urls(urls, _config(per_host=1, retries=0, timeout=0.2), resolver=dns)
    assert dns.asked["dead.test"] == 1
    assert {verdicts[u].detail for u in dead} == {"host not found: dead.test"}
    assert sum(server.count(f"/silent?t=down{i}") for i in range(5)) == 3
    assert verdicts[silent[-1]].detail == "no answer within 0.2 s (the host stopped answering)"
    assert sum(server.count(f"/silent?t=slow{i}") for i in range(4)) == 4


def test_when_no_name_resolves_links_are_unverifiable_not_broken() -> None:
    verdicts = check_urls(["http://dead.test/", "http://gone.test/a"], _config(), resolver=FakeDNS())
    assert {v.outcome for v in verdicts.values()} == {Outcome.UNVERIFIABLE}
    detail = verdicts["http://dead.test/"].detail
    assert detail == "host not found: dead.test (no host name resolved: offline?)"


def test_private_addresses_are_not_requested_unless_allowed(server: Server) -> None:
    urls = [
        server.url("/ok?t=private"),
        server.url("/ok?t=private", host="localhost"),
        "http://169.254.169.254/latest/meta-data/",
        "http://metadata.test/latest/meta-data/",
        "http://[::1]/",
    ]
    verdicts = check_urls(urls, _config(allow_private=False), resolver=FakeDNS())
    assert {v.outcome for v in verdicts.values()} == {Outcome.PRIVATE}
    assert "169.254.169.254" in verdicts["http://metadata.test/latest/meta-data/"].detail
    assert server.count("/ok?t=private") == 0


def test_a_redirect_to_a_private_address_is_not_followed(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend only 127.0.0.2 is private, so the first hop (public.test -> 127.0.0.1) is made
    # and the redirect to intranet.test (-> 127.0.0.2, where nothing listens) is refused.
    from artlint.net import policy as http_policy

    monkeypatch.setattr(http_policy, "is_private_address", lambda address: address == "127.0.0.2")
    url = server.url("/to-intranet", host="public.test")
    verdict = check_urls([url], _config(allow_private=False), resolver=FakeDNS())[url]
    assert verdict.outcome is Outcome.PRIVATE
    assert verdict.detail == "intranet.test resolves to the private address 127.0.0.2"
    assert server.count("/to-intranet") == 1


def test_host_headers_come_from_the_environment_and_stay_on_their_host(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTLINT_TEST_TOKEN", "s3cret-token")
    from artlint.links.external.config import expand_headers

    headers = expand_headers({"127.0.0.1": {"Authorization": "Bearer $ARTLINT_TEST_TOKEN"}})
    config = _config(headers=headers)
    verdicts = check_urls([server.url("/auth"), server.url("/auth-elsewhere")], config, resolver=FakeDNS())
    assert verdicts[server.url("/auth")].outcome is Outcome.OK
    # After a redirect to another host the token is not sent: that host answers 401.
    elsewhere = verdicts[server.url("/auth-elsewhere")]
    assert elsewhere.outcome is Outcome.UNVERIFIABLE and elsewhere.status == 401
    assert all("s3cret-token" not in v.detail for v in verdicts.values())


def test_host_headers_are_not_sent_in_clear_text_to_public_hosts(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from artlint.links.http import check as http_check
    from artlint.links.http import request as http_request

    for module in (http_check, http_request):  # 127.0.0.1 taken for a public address
        monkeypatch.setattr(module, "is_private_address", lambda address: False)
    config = _config(headers={"127.0.0.1": {"Authorization": "Bearer s3cret-token"}})
    verdict = check_urls([server.url("/auth?t=clear")], config)[server.url("/auth?t=clear")]
    assert verdict.status == 401


ARTICLE = """---
title: Links
---

A [good link]({ok}) and a [dead one]({missing}).

<p data-ke-size="size16"><a href="{moved}#part" rel="dofollow">moved</a></p>

![gone]({gone})

Again the [good link]({ok}).
"""


def _article(server: Server, tag: str) -> str:
    return ARTICLE.format(
        ok=server.url(f"/ok?{tag}"),
        missing=server.url(f"/missing?{tag}"),
        moved=server.url(f"/moved?{tag}"),
        gone=server.url(f"/gone?{tag}"),
    )


def _settings(tmp_path: Path, **links: Any) -> Any:
    table = {"external": True, "allow_private": True, "cache_dir": str(tmp_path / "cache"), **FAST, **links}
    return from_mapping({"links": table}, root=tmp_path)


def _run(server: Server, tmp_path: Path, text: str, **links: Any) -> list[Any]:
    settings = _settings(tmp_path, **links)
    results = [check_bytes(text.encode(), str(tmp_path / "post.md"), settings)]
    (result,) = attach(results, settings)
    return [d for d in result.diagnostics if d.code.startswith("LK2")]


def test_article_diagnostics_and_the_redirect_fix(server: Server, tmp_path: Path) -> None:
    text = _article(server, "t=article")
    found = _run(server, tmp_path, text)
    assert [(d.line, d.code) for d in found] == [(5, "LK201"), (7, "LK203"), (9, "LK201")]
    redirect = found[1]
    assert redirect.message.startswith("permanent redirect (301) from ")
    assert redirect.fix is not None and redirect.fix.safe
    (edit,) = redirect.fix.edits
    fixed = text[: edit.start] + edit.text + text[edit.end :]
    assert f'href="{server.url("/ok?from=moved")}#part"' in fixed
    # The good link appears twice but was asked once.
    assert server.count("/ok?t=article") == 1


def test_redirect_fix_in_an_html_attribute_with_entities(server: Server, tmp_path: Path) -> None:
    href = server.url("/moved?a=1&amp;b=2")
    text = f'---\ntitle: t\n---\n\n<a href="{href}">x</a>\n'
    (found,) = _run(server, tmp_path, text)
    assert found.code == "LK203" and found.fix is not None
    (edit,) = found.fix.edits
    assert text[edit.start : edit.end] == href and edit.text == server.url("/ok?from=moved")


def test_reference_links_are_reported_at_their_definition(server: Server, tmp_path: Path) -> None:
    text = f"---\ntitle: t\n---\n\nSee [a][r] and [b][r].\n\n[r]: {server.url('/gone?t=ref')}\n"
    found = _run(server, tmp_path, text)
    assert [(d.line, d.column, d.code) for d in found] == [(7, 6, "LK201")]


def test_second_run_uses_the_cache_for_good_links_only(server: Server, tmp_path: Path) -> None:
    text = _article(server, "t=cache")
    first = _run(server, tmp_path, text)
    asked = Counter({p: server.count(p) for p in ("/ok?t=cache", "/moved?t=cache", "/missing?t=cache")})
    second = _run(server, tmp_path, text)
    assert [(d.line, d.code) for d in second] == [(d.line, d.code) for d in first]
    assert server.count("/ok?t=cache") == asked["/ok?t=cache"]
    assert server.count("/moved?t=cache") == asked["/moved?t=cache"]
    assert server.count("/missing?t=cache") > asked["/missing?t=cache"]  # failures are asked again
    _run(server, tmp_path, text, cache=False)
    assert server.count("/ok?t=cache") == asked["/ok?t=cache"] + 1


def test_selection_directives_and_excludes_skip_requests(server: Server, tmp_path: Path) -> None:
    text = (
        f"---\ntitle: t\n---\n\n<!-- artlint-disable-next-line LK201 LK202 LK203 -->\n"
        f"[a]({server.url('/missing?t=quiet')})\n\n[b]({server.url('/missing?t=excluded')})\n\n"
        f"[c]({server.url('/forbidden?t=sel')})\n"
    )
    found = _run(server, tmp_path, text, exclude=["t=excluded"], unverifiable_is_error=True)
    assert [(d.code, str(d.severity)) for d in found] == [("LK202", "error")]
    assert server.count("/missing?t=quiet") == 0 and server.count("/missing?t=excluded") == 0


def test_cli_check_external(server: Server, tmp_path: Path, run: Any) -> None:
    (tmp_path / "post.md").write_text(_article(server, "t=cli"), encoding="utf-8")
    (tmp_path / ".artlint.toml").write_text(
        '[links]\ncache_dir = "cache"\ntimeout = 2.0\nretries = 0\n', encoding="utf-8"
    )
    done = run("check", "--external", "--allow-private", "--format", "json", "post.md", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "LK201" in done.stdout and "LK203" in done.stdout and "404 Not Found" in done.stdout
    assert (tmp_path / "cache" / "links.sqlite3").is_file()
    asked = server.count("/gone?t=cli")
    blocked = run("check", "--external", "--no-cache", "--select", "LK", "post.md", cwd=tmp_path)
    assert "LK201" not in blocked.stdout  # loopback is not requested without --allow-private
    assert "LK204" in blocked.stdout
    assert server.count("/gone?t=cli") == asked
