"""The language server, driven over stdio by a real LSP client, as an editor drives it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

POST = """---
title: 봄 소식
categories:
  - 일상
---
<p data-ke-size="size16">&nbsp;</p>
🌸 꽃이 <a href="https://example.com/" rel="dofollow">피었다</a>.
"""


class _Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("artlint-tests", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)


async def _session(root: Path, body: Callable[[_Client], Awaitable[Any]]) -> Any:
    client = _Client()
    await client.start_io(sys.executable, "-m", "artlint", "lsp", cwd=str(root))
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=root.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="site")],
            )
        )
        client.initialized(types.InitializedParams())
        return await body(client)
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def _open(client: _Client, path: Path, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=version,
                                                 text=text)
        )
    )


async def _next(client: _Client) -> types.PublishDiagnosticsParams:
    return await asyncio.wait_for(client.published.get(), timeout=60)


def _run(root: Path, body: Callable[[_Client], Awaitable[Any]]) -> Any:
    return asyncio.run(_session(root, body))


def test_findings_are_published_at_the_right_utf16_position(tmp_path: Path) -> None:
    post = tmp_path / "_posts" / "2024-04-01-spring.md"
    post.parent.mkdir()

    async def body(client: _Client) -> types.PublishDiagnosticsParams:
        _open(client, post, POST)
        return await _next(client)

    published = _run(tmp_path, body)
    by_code = {d.code: d for d in published.diagnostics}
    assert {"HT102", "HT108"} <= set(by_code), [d.code for d in published.diagnostics]
    rel = by_code["HT108"]
    line = POST.splitlines()[rel.range.start.line]
    assert rel.range.start.line == 6
    # The finding points at the value; the emoji before it is two UTF-16 code units, not one.
    before = line[: line.index("dofollow")]
    assert rel.range.start.character == len(before.encode("utf-16-le")) // 2 == len(before) + 1
    assert all(d.source == "artlint" for d in published.diagnostics)


def test_edits_are_rechecked_and_a_quick_fix_applies(tmp_path: Path) -> None:
    post = tmp_path / "post.md"

    async def body(client: _Client) -> tuple[list[str], list[str], list[types.CodeAction]]:
        _open(client, post, POST)
        first = await _next(client)
        clean = POST.replace(' rel="dofollow"', "")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=post.as_uri(), version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=clean)],
            )
        )
        second = await _next(client)
        residue = next(d for d in second.diagnostics if d.code == "HT103")
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=post.as_uri()),
                range=residue.range,
                context=types.CodeActionContext(diagnostics=[residue]),
            )
        )
        return [d.code for d in first.diagnostics], [d.code for d in second.diagnostics], actions or []

    first, second, actions = _run(tmp_path, body)
    assert "HT108" in first and "HT108" not in second
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert quick and quick[0].edit is not None
    edits = quick[0].edit.changes[post.as_uri()]  # type: ignore[index]
    clean = POST.replace(' rel="dofollow"', "")
    assert _apply(clean, edits) == clean.replace(' data-ke-size="size16"', "")
    fix_all = [a for a in actions if a.kind and a.kind.startswith("source.fixAll")]
    assert fix_all, [a.title for a in actions]


def test_a_bad_configuration_is_a_finding_not_a_dead_server(tmp_path: Path) -> None:
    (tmp_path / ".artlint.toml").write_text('bogus_key = 1\n', encoding="utf-8")
    post = tmp_path / "post.md"

    async def body(client: _Client) -> list[types.Diagnostic]:
        _open(client, post, POST)
        return list((await _next(client)).diagnostics)

    found = _run(tmp_path, body)
    assert [d.code for d in found] == ["AL004"]
    assert "bogus_key" in found[0].message


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for i, char in enumerate(line):
            if units >= position.character:
                return offsets[position.line] + i
            units += 2 if ord(char) > 0xFFFF else 1
        return offsets[min(position.line, len(lines))] + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


NVIM_SCRIPT = """
local out, file, cmd = os.getenv("ARTLINT_OUT"), os.getenv("ARTLINT_FILE"), os.getenv("ARTLINT_CMD")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local id = vim.lsp.start_client({cmd = vim.fn.json_decode(cmd), root_dir = vim.fn.fnamemodify(file, ":h")})
vim.lsp.buf_attach_client(0, id)
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, {code = d.code, lnum = d.lnum, col = d.col, source = d.source})
end
vim.fn.writefile({vim.fn.json_encode(found)}, out)
vim.lsp.stop_client(id)
vim.cmd("qa!")
"""


def test_neovim_shows_the_findings_at_the_right_byte(tmp_path: Path) -> None:
    import json
    import shutil
    import subprocess

    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("neovim is not installed")
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    script = tmp_path / "check.lua"
    script.write_text(NVIM_SCRIPT, encoding="utf-8")
    out = tmp_path / "found.json"
    env = {"ARTLINT_OUT": str(out), "ARTLINT_FILE": str(post),
           "ARTLINT_CMD": json.dumps([sys.executable, "-m", "artlint", "lsp"]), "HOME": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    subprocess.run([nvim, "--headless", "--clean", "-c", f"luafile {script}"], env=env, cwd=tmp_path,
                   timeout=120, capture_output=True, check=False)
    found = json.loads(out.read_text(encoding="utf-8"))
    rel = next(d for d in found if d["code"] == "HT108")
    line = POST.splitlines()[6]
    # Neovim counts columns in bytes: the emoji is four and each Hangul syllable three.
    assert (rel["lnum"], rel["col"]) == (6, len(line[: line.index("dofollow")].encode("utf-8")))
    assert {d["source"] for d in found} == {"artlint"}
