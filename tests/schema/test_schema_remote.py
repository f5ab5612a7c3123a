"""A schema's http(s) $ref is never fetched unless schema_fetch allows it."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Run


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 (shared by the server's handler instances)

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = json.dumps({"type": "string"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/title.schema.json", _Recorder.requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def _blog(tmp_path: Path, url: str, config: str = "") -> None:
    schema = {"type": "object", "properties": {"title": {"$ref": url}}}
    (tmp_path / "s.json").write_text(json.dumps(schema))
    (tmp_path / ".artlint.toml").write_text('schema = "s.json"\n' + config)
    (tmp_path / "a.md").write_text("---\ntitle: hello\n---\nbody\n")
    (tmp_path / "b.md").write_text("---\ntitle: 3\n---\nbody\n")


def test_remote_ref_is_one_error_and_no_request(run: Run, tmp_path: Path,
                                                server: tuple[str, list[str]]) -> None:
    url, requests = server
    _blog(tmp_path, url)
    for args in (["check", "."], ["check", "--fix", "."], ["check", "a.md"]):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert f"$ref {url!r}" in done.stderr and "schema_fetch = true" in done.stderr
        assert done.stderr.count("\n") == 1  # one message, not one per file
    assert requests == []


def test_allowed_fetch_still_guards_private_addresses(run: Run, tmp_path: Path,
                                                      server: tuple[str, list[str]]) -> None:
    url, requests = server
    _blog(tmp_path, url, "schema_fetch = true\n")
    done = run("check", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert "private address" in done.stderr
    assert requests == []


def test_allowed_fetch_reads_the_ref_once(run: Run, tmp_path: Path, server: tuple[str, list[str]]) -> None:
    url, requests = server
    _blog(tmp_path, url, "schema_fetch = true\n[links]\nallow_private = true\n")
    done = run("check", "-j", "1", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "b.md:2:8: FM003" in done.stdout and "a.md" not in done.stdout
    assert requests == ["/title.schema.json"]
