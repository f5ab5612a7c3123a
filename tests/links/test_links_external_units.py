"""Pieces of the online link check that need no server: settings, cache, addresses, fixes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from artlint.config.loading import ConfigError, from_mapping
from artlint.config.sections import parse_statuses
from artlint.links.external.cache import Entry, LinkCache, default_folder
from artlint.links.external.config import from_settings
from artlint.links.external.report import rewritten
from artlint.links.external.run import request_url
from artlint.links.http.errors import retry_after
from artlint.net.policy import is_private_address
from artlint.rules import by_key
from artlint.rules.base import doc_sections


def _config(tmp_path: Path, **links: Any) -> Any:
    return from_settings(from_mapping({"links": links}, root=tmp_path))


def test_accepted_status_forms() -> None:
    codes = parse_statuses(["2xx", 403, "300-302"], "[links]")
    assert codes == frozenset([*range(200, 300), 403, 300, 301, 302])
    with pytest.raises(ConfigError, match="accepted_status: cannot read 'ok'"):
        parse_statuses(["ok"], "[links] accepted_status")


def test_bad_settings_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"exclude: invalid regular expression '\('"):
        _config(tmp_path, exclude=["("])
    with pytest.raises(ConfigError, match="timeout: expected a number"):
        _config(tmp_path, timeout="fast")
    with pytest.raises(ConfigError, match="unknown key 'timout'"):
        _config(tmp_path, timout=3)


def test_header_values_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTLINT_T1", "abc")
    monkeypatch.delenv("ARTLINT_UNSET", raising=False)
    headers = {
        "api.example.com": {"Authorization": "Bearer $ARTLINT_T1", "X-Other": "${ARTLINT_UNSET}"},
        "*.example.org": {"X-Key": "k"},
    }
    config = _config(tmp_path, headers=headers)
    assert config.headers_for("api.example.com") == {"Authorization": "Bearer abc"}  # unset: left out
    assert config.headers_for("docs.example.org") == {"X-Key": "k"}
    assert config.headers_for("example.com") == {}


def test_cache_dir_is_relative_to_the_config_and_defaults_to_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _config(tmp_path, cache_dir=".cache/links").cache_dir == tmp_path / ".cache/links"
    assert _config(tmp_path).cache_dir is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_folder() == tmp_path / "xdg" / "artlint"


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.9", True), ("192.168.1.1", True),
        ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("::1", True),
        ("fe80::1%eth0", True), ("::ffff:127.0.0.1", True), ("fd00::1", True), ("224.0.0.1", True),
        ("93.184.216.34", False), ("2606:4700::1111", False), ("example.com", False),
    ],
)
def test_private_addresses(address: str, private: bool) -> None:
    assert is_private_address(address) is private


def test_request_url_keeps_web_links_only() -> None:
    assert request_url(" HTTPS://example.com/a?b=1#part ") == "https://example.com/a?b=1"
    assert request_url("mailto:a@example.com") is None
    assert request_url("/local/path.md") is None
    assert request_url("http://") is None


def test_redirect_rewrite_keeps_fragment_and_style() -> None:
    assert rewritten("http://example.com/a#top", "https://example.com/a/") == "https://example.com/a/#top"
    korean = "https://ko.wikipedia.org/wiki/%EC%84%9C%EC%9A%B8"
    assert rewritten("http://ko.wikipedia.org/wiki/서울", korean) == "https://ko.wikipedia.org/wiki/서울"
    assert rewritten("http://example.com/a", "https://example.com/a b") is None  # would break the link
    assert rewritten("http://example.com/a", "http://example.com/a") is None


def test_retry_after_seconds_and_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after(None) is None and retry_after("soon") is None
    later = retry_after(time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 60)))
    assert later is not None and 50 < later <= 60


def test_cache_keeps_good_results_until_they_expire(tmp_path: Path) -> None:
    now = 1_000_000.0
    hops = ((301, "http://a.example/", "https://a.example/"),)
    with LinkCache(tmp_path) as cache:
        cache.update([Entry("http://a.example/", 200, hops, now)], [], max_age_days=1, now=now)
        found = cache.lookup(["http://a.example/", "http://b.example/"], now=now + 3600)
        assert list(found) == ["http://a.example/"] and found["http://a.example/"].hops == hops
        assert cache.lookup(["http://a.example/"], now=now + 86400 + 1) == {}
        cache.update([], ["http://a.example/"], max_age_days=1, now=now)  # it failed since: forgotten
        assert cache.lookup(["http://a.example/"], now=now) == {}


def test_cache_lookup_of_many_urls(tmp_path: Path) -> None:
    urls = [f"https://example.com/{i}" for i in range(1200)]
    now = time.time()
    with LinkCache(tmp_path) as cache:
        cache.update([Entry(u, 200, (), now) for u in urls[::2]], [], max_age_days=7, now=now)
        assert len(cache.lookup(urls)) == 600


WRITER = """
import sys, time
from pathlib import Path
from artlint.links.external.cache import Entry, LinkCache
folder, name = Path(sys.argv[1]), sys.argv[2]
for round in range(20):
    with LinkCache(folder) as cache:
        cache.lookup([f"https://{name}.example/{i}" for i in range(50)])
        cache.update([Entry(f"https://{name}.example/{round}-{i}", 200, (), time.time()) for i in range(25)],
                     [f"https://{name}.example/gone"], max_age_days=7)
"""


def test_cache_is_shared_by_processes_at_once(tmp_path: Path) -> None:
    script = textwrap.dedent(WRITER)
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"p{n}"], stderr=subprocess.PIPE)
        for n in range(4)
    ]
    errors = [p.communicate(timeout=60)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with LinkCache(tmp_path) as cache:
        assert cache.stats()[0] == 4 * 20 * 25


def test_a_broken_cache_file_does_not_stop_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from artlint.links.external.verdicts import verdicts_for

    (tmp_path / "links.sqlite3").write_bytes(b"this is not a database" * 100)
    config = _config(tmp_path, cache_dir=str(tmp_path), allow_private=False)
    verdicts = verdicts_for(["http://127.0.0.1:9/"], config)  # private: nothing is requested
    assert verdicts["http://127.0.0.1:9/"].outcome.value == "private"
    assert "link cache not used" in capsys.readouterr().err


def test_online_rules_are_registered_with_docs() -> None:
    table = by_key()
    for code in ("LK201", "LK202", "LK203", "LK204"):
        rule = table[code]
        assert set(doc_sections(rule.doc)) >= {"What it does", "Why is this bad", "Example", "Use instead"}
    assert table["LK203"].fix == "sometimes" and not table["LK204"].enabled


def test_cache_commands(tmp_path: Path, run: Any) -> None:
    now = time.time()
    with LinkCache(tmp_path / "c") as cache:
        cache.update([Entry("https://example.com/", 200, (), now)], [], max_age_days=7)
    done = run("cache", "info", "--cache-dir", str(tmp_path / "c"))
    assert done.returncode == 0 and "entries: 1 (1 fresh)" in done.stdout
    done = run("cache", "clear", "--cache-dir", str(tmp_path / "c"))
    assert done.returncode == 0 and "removed 1 entries" in done.stdout
    (tmp_path / ".artlint.toml").write_text('[links]\ncache_dir = "c"\n', encoding="utf-8")
    done = run("cache", "info", cwd=tmp_path)
    assert "entries: 0 (0 fresh)" in done.stdout


def test_plain_check_does_not_import_the_network_stack(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: t\n---\n\n[x](https://example.com/)\n", encoding="utf-8")
    code = (
        "import sys\nfrom artlint.commands.check import CheckOptions, run_check\n"
        f"run_check(CheckOptions(paths=({str(post)!r},)))\n"
        "print('LOADED', sorted(m for m in ('aiohttp', 'rich', 'sqlite3') if m in sys.modules))\n"
    )
    for settings, loaded in (("", "['sqlite3']"), ("cache = false\n", "[]")):
        # The result cache is an SQLite file; the link cache's is only opened by --external.
        (tmp_path / ".artlint.toml").write_text(settings, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
        )
        assert f"LOADED {loaded}" in done.stdout, done.stdout + done.stderr
